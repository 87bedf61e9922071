import { randomUUID, timingSafeEqual } from "node:crypto";
import express, { type ErrorRequestHandler, type Express, type Request, type Router } from "express";
import type { TurnService } from "./agent/turn-service.js";
import type { TurnJobs } from "./turns/turn-jobs.js";
import { AppError, isAppError } from "./errors.js";
import { langOf } from "./i18n.js";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import { actionsRoutes } from "./http/actions.routes.js";
import { memoryRoutes } from "./http/memory.routes.js";
import { openApiDocument } from "./http/openapi.js";
import { sessionsRoutes } from "./http/sessions.routes.js";
import { requireSignature } from "./http/signature.js";
import { turnsRoutes } from "./http/turns.routes.js";

export type AppDeps = {
  turns: TurnService;
  jobs: TurnJobs;
  logger: Logger;
  sharedSecret: string;
  claimNonce: (nonce: string, ttlSeconds: number) => Promise<boolean>;
  /** Checks the service's dependencies for /readyz; throws when one is down. */
  ready?: () => Promise<Record<string, unknown>>;
  metrics?: Metrics;
  /** Bearer token /metrics asks for; without one, /metrics answers only loopback callers. */
  metricsToken?: string | undefined;
  now?: () => number;
  /** The catalog over MCP (`/mcp`), authenticated by the MCP keys Odoo issues, not by the addon's signature. */
  mcp?: Router | undefined;
};

/** The HTTP API, with no side effects: `main.ts` listens, tests mount it on an ephemeral port. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");

  app.use((req, res, next) => {
    const requestId = req.get("x-request-id")?.slice(0, 64) || randomUUID();
    res.locals.requestId = requestId;
    res.set("x-request-id", requestId);
    next();
  });

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  const openApi = openApiDocument();
  app.get("/openapi.json", (_req, res) => {
    res.json(openApi);
  });
  app.get("/readyz", async (_req, res) => {
    try {
      res.json({ ok: true, ...(await (deps.ready ?? (async () => ({})))()) });
    } catch {
      res.status(503).json({ ok: false });
    }
  });

  if (deps.metrics) {
    const { registry } = deps.metrics;
    app.get("/metrics", async (req, res) => {
      if (!metricsAllowed(req, deps.metricsToken)) {
        res.status(401).json({ error: { code: "auth:metrics", message: "unauthorized" } });
        return;
      }
      res.set("Content-Type", registry.contentType).send(await registry.metrics());
    });
  }

  if (deps.mcp) app.use(deps.mcp);

  const keepRawBody = (req: unknown, _res: unknown, buf: Buffer) => {
    (req as Request & { rawBody?: Buffer }).rawBody = buf;
  };
  // A bridged confirm or PDF export carries Odoo's replies (records read): more room there.
  app.use(["/v1/actions", "/v1/export/pdf", "/v1/turns/start"], express.json({ limit: "2mb", verify: keepRawBody }));
  app.use(
    "/v1",
    express.json({ limit: "64kb", verify: keepRawBody }),
    requireSignature({ secret: deps.sharedSecret, claimNonce: deps.claimNonce, ...(deps.now ? { now: deps.now } : {}) }),
  );
  app.use(turnsRoutes(deps.turns, deps.jobs, deps.logger));
  app.use(actionsRoutes(deps.turns));
  app.use(sessionsRoutes(deps.turns, deps.jobs));
  app.use(memoryRoutes(deps.turns, deps.jobs));

  app.use((_req, _res, next) => next(new AppError("bad_request:body", { detail: "unknown route" })));
  app.use(errorHandler(deps.logger, deps.metrics));
  return app;
}

/** Per-tool counts and error codes are not for everyone (security review, finding 6). */
function metricsAllowed(req: Request, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(req.get("authorization") ?? "");
    const wanted = Buffer.from(`Bearer ${token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  const address = req.socket.remoteAddress ?? "";
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

function errorHandler(logger: Logger, metrics: Metrics | undefined): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const user = res.locals.user as { db?: string; uid?: number; lang?: string } | undefined;
    const lang = langOf(user?.lang ?? (req.body as { user?: { lang?: string } } | undefined)?.user?.lang);
    const appError = toAppError(error);
    metrics?.errors.inc({ code: appError.code });
    const log = logger.child({ requestId: res.locals.requestId, db: user?.db, uid: user?.uid, path: req.path });
    if (appError.status >= 500) log.error({ err: error, code: appError.code }, "request failed");
    else log.info({ code: appError.code, status: appError.status }, "request refused");
    res.status(appError.status).json({ error: { code: appError.code, message: appError.userMessage(lang) } });
  };
}

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const status = (error as { status?: number; type?: string }).status;
  // Express's body parser: malformed JSON, too large, wrong encoding.
  if (status && status >= 400 && status < 500) {
    return new AppError("bad_request:body", { detail: (error as Error).message.slice(0, 200) });
  }
  return new AppError("internal", {}, { cause: error });
}

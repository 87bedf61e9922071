import { Router, type Request, type Response } from "express";
import type { TurnEvent, TurnService } from "../agent/turn-service.js";
import type { TurnJobs } from "../turns/turn-jobs.js";
import { AppError } from "../errors.js";
import { langOf } from "../i18n.js";
import type { Logger } from "../logger.js";
import { sessionParamsSchema, stopBodySchema, turnBodySchema, turnParamsSchema, turnQuerySchema, userQuerySchema } from "./schemas.js";
import { parse } from "./validate.js";

export function turnsRoutes(turns: TurnService, jobs: TurnJobs, logger: Logger): Router {
  const router = Router();

  /**
   * What the addon calls: the turn starts and the answer comes at once, `{session_id, turn_id,
   * status}` (plus `result` when this client message was already answered). The events follow on
   * Odoo's bus and from `GET /v1/turns/:id`.
   */
  router.post("/v1/turns/start", async (req, res) => {
    const body = parse(turnBodySchema, req.body);
    res.locals.user = body.user;
    // with `bridge`, an offline turn runs in the waiting request: its calls, then its result
    const answer = body.bridge ? await jobs.startBridged(turnRequest(body), body.bridge) : await jobs.start(turnRequest(body));
    res.status("call" in answer || answer.status !== "running" ? 200 : 202).json(answer);
  });

  /** A turn's events after `after` (exclusive), its status, and its result once it ended. */
  router.get("/v1/turns/:id", async (req, res) => {
    const query = parse(turnQuerySchema, req.query);
    res.locals.user = query;
    const { id } = parse(turnParamsSchema, req.params);
    res.json(await jobs.read(query, id, query.after));
  });

  /**
   * The synchronous forms below answer when the turn is done. For scripts that call the agent
   * directly (eval, tests) — never from inside an Odoo request, which must not wait on a turn.
   */

  router.post("/v1/turns", async (req, res) => {
    const body = parse(turnBodySchema, req.body);
    res.locals.user = body.user;
    const result = await turns.runTurn(turnRequest(body), { signal: abortedWhenClosed(req, res) });
    res.json(result);
  });

  /** The same turn, as server-sent events: text as it is written, tool steps, proposals, then `done`. */
  router.post("/v1/turns/stream", async (req, res) => {
    const body = parse(turnBodySchema, req.body);
    res.locals.user = body.user;
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // Proxies (nginx) would otherwise hold the events back.
      "X-Accel-Buffering": "no",
    });
    res.flushHeaders();
    const send = (event: TurnEvent | { type: "error"; code: string; message: string }) => {
      if (res.writableEnded) return;
      const { type, ...data } = event;
      res.write(`event: ${type}\ndata: ${JSON.stringify("result" in data ? data.result : data)}\n\n`);
    };
    // A comment every 10 s while a model or tool step is silent: proxies keep the stream open, and
    // a browser that went away is noticed (Odoo only sees it when it next writes).
    const keepAlive = setInterval(() => {
      if (!res.writableEnded) res.write(": ping\n\n");
    }, 10_000);
    try {
      await turns.runTurn(turnRequest(body), { signal: abortedWhenClosed(req, res), onEvent: send });
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError("internal", {}, { cause: error });
      if (!(error instanceof AppError)) logger.error({ err: error, requestId: res.locals.requestId }, "stream failed");
      send({ type: "error", code: appError.code, message: appError.userMessage(langOf(body.user.lang)) });
    } finally {
      clearInterval(keepAlive);
    }
    res.end();
  });

  /** The catalog, for the addon's Settings (tool policies). */
  router.get("/v1/tools", (req, res) => {
    const { lang } = parse(userQuerySchema, req.query);
    res.json({ tools: turns.describeTools(langOf(lang)) });
  });

  router.post("/v1/sessions/:id/stop", async (req, res) => {
    const body = parse(stopBodySchema, req.body);
    res.locals.user = body.user;
    const { id } = parse(sessionParamsSchema, req.params);
    res.json({ stopped: await jobs.stop(body.user, id) });
  });
  return router;
}

function turnRequest(body: ReturnType<typeof turnBodySchema.parse>) {
  return {
    user: body.user,
    delegation: body.delegation,
    sessionId: body.session_id,
    turnId: body.turn_id,
    message: body.message,
    clientMessageId: body.client_message_id,
    policy: body.tools,
    models: body.models,
    context: body.context,
  };
}

/** Aborted when the caller goes away before the answer is complete (the user closed or stopped). */
function abortedWhenClosed(req: Request, res: Response): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  req.on("aborted", () => controller.abort());
  return controller.signal;
}

import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { createApp } from "../../src/app.js";
import { createLlmRunner } from "../../src/agent/create-agent.js";
import { withPlannerFallback } from "../../src/agent/fallback-runner.js";
import { createChatModel, type ModelConfig } from "../../src/agent/model.js";
import { createKeyExchange } from "../../src/mcp/key-exchange.js";
import { mcpRouter, type ElicitationAnswer } from "../../src/mcp/mcp-server.js";
import { createPlannerRunner } from "../../src/agent/planner/planner-runner.js";
import { createTurnService, type OdooClientFactory, type OdooUser } from "../../src/agent/turn-service.js";
import type { Runner } from "../../src/agent/runner.js";
import { createLogger } from "../../src/logger.js";
import { createMetrics } from "../../src/metrics.js";
import type { ConversationStore } from "../../src/memory/conversation-store.js";
import { createRedisConversationStore } from "../../src/memory/redis-conversation-store.js";
import { createGatewayClient } from "../../src/odoo/gateway-client.js";
import { sign } from "../../src/http/signature.js";
import { mintDelegation } from "./delegation.js";
import { createRedisTurnLog } from "../../src/memory/turn-log.js";
import { createEventPusher } from "../../src/turns/event-pusher.js";
import { createStopBus } from "../../src/turns/stop-bus.js";
import { createTurnJobs, type TurnJobs } from "../../src/turns/turn-jobs.js";
import { startOdooDouble, type OdooDouble } from "./odoo-double.js";
import { startScriptedLlm, type ScriptedLlm } from "./scripted-llm.js";

export const TEST_SECRET = "test-shared-secret-0123456789";

export const ADMIN: OdooUser = { db: "copilot_demo", uid: 2, name: "Mitchell Admin", lang: "fr_FR", tz: "Europe/Brussels", company_id: 1, company_ids: [1] };
export const DEMO: OdooUser = { ...ADMIN, uid: 6, name: "Marc Demo", lang: "en_US" };
export const STOCK_ONLY: OdooUser = { ...ADMIN, uid: 7, name: "Stock Keeper", lang: "en_US" };

export type TestApp = {
  url: string;
  double: OdooDouble;
  store: ConversationStore;
  redis: Redis;
  /** The asynchronous turns of this app (its process, in a deployment). */
  jobs: TurnJobs;
  /** A request signed as the Odoo addon signs it. */
  call(method: "GET" | "POST", path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** The same signed request, answering the raw response (for event streams). */
  fetchSigned(method: "GET" | "POST", path: string, body?: unknown): Promise<Response>;
  /** The body fields the addon adds for a user: their identity and a fresh delegation token. */
  as(user: OdooUser, sid?: string, tid?: string): { user: OdooUser; delegation: string };
  close(): Promise<void>;
};

export async function buildTestApp(
  overrides: {
    runner?: Runner | { llmBaseUrl: string; model?: Partial<ModelConfig>; turnDeadlineMs?: number; toolSelection?: "all" | "relevant" };
    odooFor?: OdooClientFactory;
    redisUrl?: string;
    /** Key prefix: two apps with the same one share their data (a restarted service). */
    prefix?: string;
    /** An Odoo double to share with another app. */
    double?: OdooDouble;
    turnsPerMinute?: number;
    monthlyTokenBudget?: number;
    cacheSeconds?: number;
    /** Turns running at once per user / company (0: no bound). */
    inflight?: { user: number; company: number };
    /** /metrics asks for this bearer token. */
    metricsToken?: string;
    /** MCP per-key bounds (default: none). */
    mcp?: { perMinute: number; inFlight: number };
  } = {},
): Promise<TestApp> {
  const double = overrides.double ?? (await startOdooDouble({ secret: TEST_SECRET, db: ADMIN.db }));
  const redis = new Redis(overrides.redisUrl ?? inject("redisUrl"), { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on("error", () => {});
  await new Promise((resolve) => redis.once("ready", resolve));
  const prefix = overrides.prefix ?? `test:${randomBytes(6).toString("hex")}:`;
  const store = createRedisConversationStore(redis, { prefix });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
  const metrics = createMetrics();
  const runner =
    overrides.runner && "llmBaseUrl" in overrides.runner
      ? withPlannerFallback(
          createLlmRunner(createChatModel({ baseUrl: overrides.runner.llmBaseUrl, apiKey: "test", model: "scripted", timeoutMs: 5_000, ...overrides.runner.model }), {
            onModelCall: (seconds) => metrics.modelSeconds.observe(seconds),
            ...(overrides.runner.turnDeadlineMs ? { turnDeadlineMs: overrides.runner.turnDeadlineMs } : {}),
            ...(overrides.runner.toolSelection ? { toolSelection: overrides.runner.toolSelection } : {}),
          }),
        )
      : (overrides.runner ?? createPlannerRunner());
  const odooFor: OdooClientFactory =
    overrides.odooFor ??
    ((user, delegation) =>
      createGatewayClient({ url: double.url, token: delegation, context: { lang: user.lang, tz: user.tz }, timeoutMs: 2_000 }));
  const turns = createTurnService({
    store,
    runner,
    odooFor,
    logger,
    metrics,
    turnsPerMinute: overrides.turnsPerMinute ?? 0,
    monthlyTokenBudget: overrides.monthlyTokenBudget ?? 0,
    cacheSeconds: overrides.cacheSeconds ?? 0,
    planKey: TEST_SECRET,
  });
  const subscriber = redis.duplicate({ enableOfflineQueue: true });
  subscriber.on("error", () => {});
  const stops = createStopBus({ publisher: redis, subscriber, channel: `${prefix}stop`, logger });
  const jobs = createTurnJobs({
    turns,
    log: createRedisTurnLog(redis, { prefix }),
    stops,
    pusher: createEventPusher({ odooUrl: double.url, secret: TEST_SECRET, logger, intervalMs: 20 }),
    logger,
    inflight: overrides.inflight ?? { user: 0, company: 0 },
  });
  await stops.listen(() => {});
  const mcpBus = createStopBus<ElicitationAnswer>({ publisher: redis, subscriber, channel: `${prefix}mcp`, logger });
  const mcp = mcpRouter({
    turns,
    exchange: createKeyExchange({ odooUrl: double.url, secret: TEST_SECRET, timeoutMs: 2_000 }),
    store,
    logger,
    metrics,
    bus: mcpBus,
    perMinute: overrides.mcp?.perMinute ?? 0,
    inFlight: overrides.mcp?.inFlight ?? 0,
  });
  const app = createApp({
    mcp,
    turns,
    jobs,
    logger,
    sharedSecret: TEST_SECRET,
    claimNonce: store.claimNonce,
    metrics,
    ...(overrides.metricsToken ? { metricsToken: overrides.metricsToken } : {}),
    ready: async () => {
      await store.ping();
      return { redis: true };
    },
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signedFetch = (method: "GET" | "POST", path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = body === undefined ? "" : JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString("base64url");
    return fetch(`${url}${path}`, {
      method,
      headers: {
        "Content-Type": "application/json",
        "X-Copilot-Timestamp": timestamp,
        "X-Copilot-Nonce": nonce,
        "X-Copilot-Signature": sign(TEST_SECRET, { timestamp, nonce, method, path, body: raw }),
        ...headers,
      },
      ...(method === "POST" ? { body: raw } : {}),
    });
  };

  return {
    url,
    double,
    store,
    redis,
    jobs,
    async call(method, path, body, headers = {}) {
      const response = await signedFetch(method, path, body, headers);
      return { status: response.status, body: await response.json().catch(() => undefined) };
    },
    fetchSigned: (method, path, body) => signedFetch(method, path, body),
    as(user, sid, tid) {
      return { user, delegation: mintDelegation(TEST_SECRET, { db: user.db, uid: user.uid, sid: sid ?? null, ...(tid ? { tid } : {}) }) };
    },
    async close() {
      jobs.abortAll();
      await jobs.idle().catch(() => {});
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stops.close();
      subscriber.disconnect();
      redis.disconnect();
      if (!overrides.double) await double.close();
    },
  };
}

export function newSessionId(): string {
  return randomBytes(12).toString("hex");
}

/**
 * In a describe block: a scripted model server and an app whose runner uses it, started once,
 * closed after, the script reset before each test. Read `env.llm` and `env.app` inside tests.
 */
export function useLlmApp(
  overrides: Omit<Parameters<typeof buildTestApp>[0] & object, "runner"> & { model?: Partial<ModelConfig>; turnDeadlineMs?: number; toolSelection?: "all" | "relevant" } = {},
): { llm: ScriptedLlm; app: TestApp } {
  const env = {} as { llm: ScriptedLlm; app: TestApp };
  const { model, turnDeadlineMs, toolSelection, ...rest } = overrides;
  beforeAll(async () => {
    env.llm = await startScriptedLlm();
    env.app = await buildTestApp({ ...rest, runner: { llmBaseUrl: env.llm.baseUrl, ...(model ? { model } : {}), ...(turnDeadlineMs ? { turnDeadlineMs } : {}), ...(toolSelection ? { toolSelection } : {}) } });
  });
  afterAll(async () => {
    await env.app?.close();
    await env.llm?.close();
  });
  beforeEach(() => env.llm.reset());
  return env;
}

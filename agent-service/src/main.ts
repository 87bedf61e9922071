import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { createApp } from "./app.js";
import { createLlmRunner } from "./agent/create-agent.js";
import { withPlannerFallback } from "./agent/fallback-runner.js";
import { createChatModel } from "./agent/model.js";
import { createPlannerRunner } from "./agent/planner/planner-runner.js";
import { plannerClassifier } from "./agent/planner/reader.js";
import { createTurnService, type OdooClientFactory } from "./agent/turn-service.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger } from "./logger.js";
import { createMetrics } from "./metrics.js";
import { createEmbedder } from "./retrieval/embeddings.js";
import { createRedisConversationStore } from "./memory/redis-conversation-store.js";
import { createGatewayClient } from "./odoo/gateway-client.js";
import { createJson2Client } from "./odoo/json2-client.js";
import { allowedCompanies } from "./odoo/odoo-client.js";
import { createXmlRpcClient } from "./odoo/xmlrpc-client.js";
import { createRedisTurnLog } from "./memory/turn-log.js";
import { createEventPusher } from "./turns/event-pusher.js";
import { createStopBus } from "./turns/stop-bus.js";
import { createKeyExchange } from "./mcp/key-exchange.js";
import { mcpRouter, type ElicitationAnswer } from "./mcp/mcp-server.js";
import { createTurnJobs } from "./turns/turn-jobs.js";

/** The composition root: the only file that reads the environment and creates clients. */
function main(): void {
  let config: Config;
  try {
    config = loadConfig(withSecretFile(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const redis = new Redis(config.redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
    ...(config.redisPassword ? { password: config.redisPassword } : {}),
  });
  // Log the outage once, and the recovery, not every reconnection attempt.
  let redisDown = false;
  redis.on("error", (error) => {
    if (!redisDown) logger.warn({ err: error }, "redis unreachable");
    redisDown = true;
  });
  redis.on("ready", () => {
    if (redisDown) logger.info("redis reachable again");
    redisDown = false;
  });
  const store = createRedisConversationStore(redis, { retentionSeconds: config.retentionDays * 24 * 3600 });

  const odooFor: OdooClientFactory =
    config.odoo.transport === "json2"
      ? (user) =>
          createJson2Client({
            url: config.odoo.url,
            db: config.odoo.db!,
            apiKey: config.odoo.apiKey!,
            context: { lang: user.lang, tz: user.tz },
            timeoutMs: config.odoo.timeoutMs,
          })
      : config.odoo.transport === "xmlrpc"
      ? (user) =>
          createXmlRpcClient({
            url: config.odoo.url,
            db: config.odoo.db!,
            login: config.odoo.login!,
            password: config.odoo.password!,
            context: { lang: user.lang, tz: user.tz },
            timeoutMs: config.odoo.timeoutMs,
          })
      : (user, delegation) =>
          createGatewayClient({
            url: config.odoo.url,
            token: delegation,
            context: { lang: user.lang, tz: user.tz, allowed_company_ids: allowedCompanies(user.company_id, user.company_ids) },
            timeoutMs: config.odoo.timeoutMs,
            db: user.db,
            dbSession: user.db_session,
          });

  const metrics = createMetrics();
  const runner = config.llm
    ? withPlannerFallback(createLlmRunner(createChatModel(config.llm), { onModelCall: (seconds) => metrics.modelSeconds.observe(seconds), turnDeadlineMs: config.llm.turnDeadlineMs, toolSelection: config.llm.toolSelection }))
    : createPlannerRunner();
  const turns = createTurnService({
    store,
    runner,
    odooFor,
    logger,
    metrics,
    turnsPerMinute: config.turnsPerMinute,
    monthlyTokenBudget: config.monthlyTokenBudget,
    cacheSeconds: config.cacheSeconds,
    planKey: config.sharedSecret,
    ...(config.embeddings ? { embed: createEmbedder(config.embeddings) } : {}),
  });
  // Stop is heard by every replica: a subscriber connection of its own (Redis pub/sub)
  const subscriber = redis.duplicate({ enableOfflineQueue: true });
  subscriber.on("error", () => {});
  const jobs = createTurnJobs({
    turns,
    log: createRedisTurnLog(redis, { aliveMs: config.turnHeartbeatMs * 3 }),
    stops: createStopBus({ publisher: redis, subscriber, logger }),
    // the addon relays the events to the user's panels over Odoo's bus (contract (E))
    pusher: createEventPusher({ odooUrl: config.odoo.url, secret: config.sharedSecret, logger }),
    logger,
    inflight: config.inflight,
    heartbeatMs: config.turnHeartbeatMs,
  });
  // MCP acts as each key's user: only through the addon's gateway, never a fixed login
  const mcpBusSubscriber = config.mcp && config.odoo.transport === "gateway" ? redis.duplicate({ enableOfflineQueue: true }) : undefined;
  mcpBusSubscriber?.on("error", () => {});
  const mcp =
    config.mcp && mcpBusSubscriber
      ? mcpRouter({
          turns,
          exchange: createKeyExchange({ odooUrl: config.odoo.url, secret: config.sharedSecret, timeoutMs: config.odoo.timeoutMs }),
          store,
          logger,
          metrics,
          bus: createStopBus<ElicitationAnswer>({ publisher: redis, subscriber: mcpBusSubscriber, channel: "copilot:mcp-elicitation", logger }),
          perMinute: config.mcp.perMinute,
          inFlight: config.mcp.inFlight,
        })
      : undefined;
  if (config.mcp && !mcp) logger.warn({ transport: config.odoo.transport }, "MCP is off: it needs ODOO_TRANSPORT=gateway (it acts as each key's user)");
  const app = createApp({
    mcp,
    turns,
    jobs,
    logger,
    sharedSecret: config.sharedSecret,
    claimNonce: store.claimNonce,
    metrics,
    metricsToken: config.metricsToken,
    ready: async () => {
      await store.ping();
      return { redis: true, llm: config.llm ? "configured" : "offline" };
    },
  });

  // the offline planner's classifier trains while the service starts (it also answers the model's fallback)
  void plannerClassifier();
  const server = app.listen(config.port, config.host, () => {
    logger.info(
      { port: config.port, transport: config.odoo.transport, mode: runner.mode, odooUrl: config.odoo.url },
      "copilot agent service listening",
    );
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    jobs.abortAll();
    server.close(() => {
      void jobs
        .idle()
        .catch(() => {})
        .finally(() => {
          subscriber.disconnect();
          mcpBusSubscriber?.disconnect();
          redis.quit().finally(() => process.exit(0));
        });
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/** docker compose makes the shared secret and Redis's password at random into files; an explicit value wins. */
function withSecretFile(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  let result = env;
  for (const name of ["COPILOT_SHARED_SECRET", "REDIS_PASSWORD"]) {
    const file = env[`${name}_FILE`];
    if (env[name] || !file) continue;
    try {
      result = { ...result, [name]: readFileSync(file, "utf8").trim() };
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  - ${name}_FILE: cannot read ${file} (${(error as Error).message})`);
    }
  }
  return result;
}

main();

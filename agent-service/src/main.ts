import { Redis } from "ioredis";
import { createApp } from "./app.js";
import { createLlmRunner } from "./agent/create-agent.js";
import { createChatModel } from "./agent/model.js";
import { createPlannerRunner } from "./agent/planner/planner-runner.js";
import { createTurnService, type OdooClientFactory } from "./agent/turn-service.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger } from "./logger.js";
import { createRedisConversationStore } from "./memory/redis-conversation-store.js";
import { createGatewayClient } from "./odoo/gateway-client.js";
import { createXmlRpcClient } from "./odoo/xmlrpc-client.js";

/** The composition root: the only file that reads the environment and creates clients. */
function main(): void {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  redis.on("error", (error) => logger.warn({ err: error }, "redis error"));
  const store = createRedisConversationStore(redis);

  const odooFor: OdooClientFactory =
    config.odoo.transport === "xmlrpc"
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
            context: { lang: user.lang, tz: user.tz, ...(user.company_ids ? { allowed_company_ids: user.company_ids } : {}) },
            timeoutMs: config.odoo.timeoutMs,
          });

  const runner = config.llm ? createLlmRunner(createChatModel(config.llm)) : createPlannerRunner();
  const turns = createTurnService({ store, runner, odooFor, logger });
  const app = createApp({ turns, logger, sharedSecret: config.sharedSecret, claimNonce: store.claimNonce });

  const server = app.listen(config.port, config.host, () => {
    logger.info(
      { port: config.port, transport: config.odoo.transport, mode: runner.mode, odooUrl: config.odoo.url },
      "copilot agent service listening",
    );
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close(() => {
      redis.quit().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main();

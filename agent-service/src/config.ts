import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  // Loopback unless told otherwise: only Odoo talks to the agent (compose sets 0.0.0.0 on its private network)
  HOST: z.string().default("127.0.0.1"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  /** Redis's password, when REDIS_URL does not carry it (compose: REDIS_PASSWORD_FILE). */
  REDIS_PASSWORD: optionalString,
  ODOO_URL: z.string().url().default("http://127.0.0.1:8069"),
  ODOO_TRANSPORT: z.enum(["gateway", "xmlrpc", "json2"]).default("gateway"),
  ODOO_API_KEY: optionalString,
  ODOO_DB: optionalString,
  ODOO_LOGIN: optionalString,
  ODOO_PASSWORD: optionalString,
  ODOO_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  COPILOT_SHARED_SECRET: z.string().min(16, "must be at least 16 characters"),
  LLM_BASE_URL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** A number, or "default" (none sent: the server's). Never sent to o-series/gpt-5 models. */
  LLM_TEMPERATURE: z.union([z.literal("default"), z.coerce.number().min(0).max(2)]).default(0),
  /** Longest silence inside a model's stream (default: LLM_TIMEOUT_MS). */
  LLM_STREAM_IDLE_MS: z.coerce.number().int().positive().optional(),
  /** Longest Retry-After waited before telling the user the model is busy. */
  LLM_MAX_RETRY_AFTER_S: z.coerce.number().min(0).max(60).default(10),
  /** "all" tools offered to the model, or the "relevant" ones first (small local models). */
  LLM_TOOLS: z.enum(["all", "relevant"]).default("all"),
  /** A turn's longest run with the model: under the delegation's 5 minutes. */
  LLM_TURN_DEADLINE_MS: z.coerce.number().int().min(1_000).max(290_000).default(240_000),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BASE_URL: optionalString,
  EMBEDDINGS_API_KEY: optionalString,
  RATE_LIMIT_TURNS_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  TURNS_IN_FLIGHT_PER_USER: z.coerce.number().int().min(0).default(2),
  TURNS_IN_FLIGHT_PER_COMPANY: z.coerce.number().int().min(0).default(16),
  TURN_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  MONTHLY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(0),
  RETENTION_DAYS: z.coerce.number().int().min(0).default(180),
  CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(90),
  METRICS_TOKEN: optionalString,
  /** The catalog over MCP at /mcp (Odoo's Settings can also turn it off per database). */
  MCP_ENABLED: z.enum(["true", "false"]).default("true"),
  MCP_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  MCP_IN_FLIGHT_PER_KEY: z.coerce.number().int().min(0).default(4),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type LlmConfig = {
  baseUrl: string | undefined;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** undefined: not sent. */
  temperature: number | undefined;
  streamIdleMs: number;
  maxRetryAfterSeconds: number;
  turnDeadlineMs: number;
  toolSelection: "all" | "relevant";
};

export type Config = Readonly<{
  port: number;
  host: string;
  redisUrl: string;
  redisPassword: string | undefined;
  odoo: Readonly<{
    url: string;
    transport: "gateway" | "xmlrpc" | "json2";
    apiKey: string | undefined;
    db: string | undefined;
    login: string | undefined;
    password: string | undefined;
    timeoutMs: number;
  }>;
  sharedSecret: string;
  /** undefined: no MCP endpoint. */
  mcp: Readonly<{ perMinute: number; inFlight: number }> | undefined;
  /** undefined: no language model, the offline planner answers. */
  llm: Readonly<LlmConfig> | undefined;
  /** undefined: project questions are ranked by BM25 only. */
  embeddings: Readonly<{ baseUrl: string; apiKey: string; model: string; timeoutMs: number }> | undefined;
  turnsPerMinute: number;
  /** Turns running at once, per user and per company (0: no bound). */
  inflight: { user: number; company: number };
  /** How often a process says it still runs a turn; silent three times as long, the turn is lost. */
  turnHeartbeatMs: number;
  /** /metrics asks for this bearer token; without one it answers loopback callers only. */
  metricsToken: string | undefined;
  /** Model tokens each company may use per month; 0: no budget. */
  monthlyTokenBudget: number;
  /** Conversations are deleted this many days after their last message; 0: kept. */
  retentionDays: number;
  /** ERP lists cached per user this long (0: off). */
  cacheSeconds: number;
  logLevel: string;
}>;

export class ConfigError extends Error {}

/** Parses the environment once; every wrong key is listed in one error. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const llmConfigured = Boolean(e.LLM_MODEL && (e.LLM_BASE_URL || e.LLM_API_KEY));
  if (e.ODOO_TRANSPORT === "xmlrpc" && !(e.ODOO_DB && e.ODOO_LOGIN && e.ODOO_PASSWORD)) {
    throw new ConfigError("Invalid configuration:\n  - ODOO_TRANSPORT=xmlrpc needs ODOO_DB, ODOO_LOGIN and ODOO_PASSWORD");
  }
  if (e.ODOO_TRANSPORT === "json2" && !(e.ODOO_DB && e.ODOO_API_KEY)) {
    throw new ConfigError("Invalid configuration:\n  - ODOO_TRANSPORT=json2 needs ODOO_DB and ODOO_API_KEY");
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    redisPassword: e.REDIS_PASSWORD,
    odoo: Object.freeze({
      url: e.ODOO_URL.replace(/\/+$/, ""),
      transport: e.ODOO_TRANSPORT,
      db: e.ODOO_DB,
      login: e.ODOO_LOGIN,
      password: e.ODOO_PASSWORD,
      apiKey: e.ODOO_API_KEY,
      timeoutMs: e.ODOO_TIMEOUT_MS,
    }),
    sharedSecret: e.COPILOT_SHARED_SECRET,
    mcp: e.MCP_ENABLED === "true" ? Object.freeze({ perMinute: e.MCP_REQUESTS_PER_MINUTE, inFlight: e.MCP_IN_FLIGHT_PER_KEY }) : undefined,
    llm: llmConfigured
      ? Object.freeze({
          baseUrl: e.LLM_BASE_URL,
          // Local servers (Ollama, vLLM, LM Studio) accept any key; the client insists on one.
          apiKey: e.LLM_API_KEY ?? "not-needed",
          model: e.LLM_MODEL as string,
          timeoutMs: e.LLM_TIMEOUT_MS,
          temperature: e.LLM_TEMPERATURE === "default" ? undefined : e.LLM_TEMPERATURE,
          streamIdleMs: e.LLM_STREAM_IDLE_MS ?? e.LLM_TIMEOUT_MS,
          maxRetryAfterSeconds: e.LLM_MAX_RETRY_AFTER_S,
          turnDeadlineMs: e.LLM_TURN_DEADLINE_MS,
          toolSelection: e.LLM_TOOLS,
        })
      : undefined,
    embeddings: e.EMBEDDINGS_MODEL
      ? Object.freeze({
          baseUrl: e.EMBEDDINGS_BASE_URL ?? e.LLM_BASE_URL ?? "https://api.openai.com/v1",
          apiKey: e.EMBEDDINGS_API_KEY ?? e.LLM_API_KEY ?? "not-needed",
          model: e.EMBEDDINGS_MODEL,
          timeoutMs: 15_000,
        })
      : undefined,
    turnsPerMinute: e.RATE_LIMIT_TURNS_PER_MINUTE,
    inflight: { user: e.TURNS_IN_FLIGHT_PER_USER, company: e.TURNS_IN_FLIGHT_PER_COMPANY },
    turnHeartbeatMs: e.TURN_HEARTBEAT_MS,
    metricsToken: e.METRICS_TOKEN,
    monthlyTokenBudget: e.MONTHLY_TOKEN_BUDGET,
    retentionDays: e.RETENTION_DAYS,
    cacheSeconds: e.CACHE_SECONDS,
    logLevel: e.LOG_LEVEL,
  });
}

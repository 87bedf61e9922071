/**
 * The agent's services, put together: the turn runner, the tool invoker, the actions' lifecycle,
 * the conversations, and what the addon reports (changes, the audit anchor). Each lives in its own
 * file; this one only wires them and gives the routes one object.
 */
import { say, type Lang } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { AuditAnchor, ConversationStore } from "../memory/conversation-store.js";
import { CACHED_MODELS } from "../odoo/cached-client.js";
import { DEFAULT_MODELS, roleModels } from "../odoo/model-map.js";
import type { Embedder } from "../retrieval/embeddings.js";
import { catalog } from "../tools/index.js";
import { createActionLifecycle } from "./action-lifecycle.js";
import { createCapabilities, type Capabilities } from "./capabilities.js";
import { createConversations } from "./conversations.js";
import type { Runner } from "./runner.js";
import { createToolContexts } from "./tool-context.js";
import { createToolInvoker } from "./tool-invoker.js";
import { createPlanSeal, redisCall } from "./turn-common.js";
import { createTurnRunner } from "./turn-runner.js";
import type { OdooClientFactory } from "./turn-types.js";

export * from "./turn-types.js";
export { newId, stableId, todayIn, userContext } from "./turn-common.js";
export { choicesFor } from "./tool-invoker.js";

export function createTurnService(deps: {
  store: ConversationStore;
  runner: Runner;
  odooFor: OdooClientFactory;
  logger: Logger;
  capabilities?: Capabilities;
  /** Turns one user may start per minute; 0 for no limit. */
  turnsPerMinute?: number;
  /** Model tokens a company may use per month; 0 for no budget. */
  monthlyTokenBudget?: number;
  /** How long ERP lists (projects, stages, warehouses) are cached per user; 0: not cached. */
  cacheSeconds?: number;
  /** An embeddings endpoint, for retrieval by meaning. */
  embed?: Embedder;
  metrics?: Metrics;
  /** Seals the plans of pending actions (the shared secret): a plan changed in Redis is refused. */
  planKey?: string | undefined;
}) {
  const { store, runner, logger, metrics } = deps;
  const seal = createPlanSeal(deps.planKey);
  const contexts = createToolContexts({ store, odooFor: deps.odooFor, cacheSeconds: deps.cacheSeconds ?? 0, ...(deps.embed ? { embed: deps.embed } : {}) });
  const conversations = createConversations({ store, contexts });
  const actions = createActionLifecycle({ store, contexts, logger, seal });
  const turns = createTurnRunner({
    store,
    runner,
    logger,
    metrics,
    capabilities: deps.capabilities ?? createCapabilities(catalog, logger),
    contexts,
    conversations,
    invokerFor: createToolInvoker({ store, actions, logger, metrics, seal }),
    turnsPerMinute: deps.turnsPerMinute ?? 0,
    monthlyTokenBudget: deps.monthlyTokenBudget ?? 0,
  });

  return {
    /** `offline`: the planner, whose turns can run through the bridge; `llm`: a model. */
    mode: runner.mode,
    runTurn: turns.runTurn,
    stopTurn: turns.stopTurn,
    callTool: turns.callTool,
    listDirectTools: turns.listDirectTools,
    /** An action of the user's, as it stands now (an MCP client asks what became of its proposal). */
    getAction: actions.get,
    confirm: actions.confirm,
    confirmBridged: actions.confirmBridged,
    viaBridge: actions.viaBridge,
    revise: actions.revise,
    reject: actions.reject,
    listSessions: conversations.listSessions,
    updateSession: conversations.updateSession,
    listMessages: conversations.listMessages,
    listMemories: conversations.listMemories,
    deleteMemory: conversations.deleteMemory,
    deleteSession: conversations.deleteSession,
    exportHistory: conversations.exportHistory,
    exportPdf: conversations.exportPdf,
    deleteHistory: conversations.deleteHistory,
    describeTools,
    /** Odoo reports that records of `model` changed: cached lists of it are retired at once. */
    invalidate: async (db: string, model: string) => {
      if (CACHED_MODELS.has(model)) await redisCall(() => store.bumpCacheGeneration(db, model));
    },
    /** The action log's anchor (see the /v1/audit/anchor routes). */
    advanceAnchor: (db: string, anchor: AuditAnchor) => redisCall(() => store.advanceAnchor(db, anchor)),
    getAnchor: (db: string) => redisCall(() => store.getAnchor(db)),
  };
}

export type TurnService = ReturnType<typeof createTurnService>;

/** The catalog as the addon's Settings list it: names, descriptions in `lang`, risk tiers, models. */
function describeTools(lang: Lang) {
  return catalog.map((tool) => ({
    name: tool.name,
    description: say(lang, tool.description),
    risk: tool.risk,
    // a mapped object's default model; the administrator may map another in Settings
    models: [...tool.models, ...(tool.roles ?? []).flatMap((role) => roleModels(role, DEFAULT_MODELS))],
    roles: tool.roles ?? [],
  }));
}

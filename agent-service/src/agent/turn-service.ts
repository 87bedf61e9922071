import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors.js";
import { createFormatter, type OdooFormats } from "../format.js";
import { conversationPdf, projectPdf } from "../export/export-service.js";
import { langOf, say, t, type Lang } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { AuditAnchor, Card, ConversationStore, Owner, StoredAction, StoredMessage } from "../memory/conversation-store.js";
import { CACHED_MODELS, withCache } from "../odoo/cached-client.js";
import { BridgeMismatch, NeedOdooCall, bridged, type BridgeCall, type BridgeReply } from "../odoo/bridge-client.js";
import { OdooError, allowedCompanies, type OdooClient, type UserContext } from "../odoo/odoo-client.js";
import { DEFAULT_MODELS, roleModels, withDefaults, type ModelRole } from "../odoo/model-map.js";
import { normalize } from "../odoo/resolve.js";
import type { Embedder } from "../retrieval/embeddings.js";
import { catalog, findTool } from "../tools/index.js";
import type { SessionActions, ToolContext, UserMemory } from "../tools/types.js";
import { createCapabilities, type Capabilities } from "./capabilities.js";
import type { Invocation, Runner } from "./runner.js";

export type OdooUser = {
  db: string;
  uid: number;
  name?: string | undefined;
  lang: string;
  tz?: string | undefined;
  company_id?: number | undefined;
  company_ids?: number[] | undefined;
  /** Names the user's database on the agent's calls to Odoo (a session of no user, made by the addon). */
  db_session?: string | undefined;
  /** How the user's Odoo language writes numbers and dates. */
  formats?: OdooFormats | undefined;
};

/** Gives the Odoo client that acts as this user (the gateway with their delegation, or XML-RPC). */
export type OdooClientFactory = (user: OdooUser, delegation: string) => OdooClient;

export type PublicAction = Omit<StoredAction, "plan" | "session_id" | "claim" | "claimed_at">;

/** A confirm run through the bridge: Odoo's replies so far, and the claim its first step took. */
export type BridgeState = {
  replies: BridgeReply[];
  claim?: string | undefined;
  /**
   * What a step decided that later steps must decide the same way (which tools the user may
   * use: from the cache, or asked of Odoo), echoed by the addon; signed like the rest.
   */
  memo?: Record<string, unknown> | undefined;
};
/** The next ORM call the waiting Odoo request must run, and the claim to send back with its reply. */
export type BridgeStep = { call: BridgeCall; claim?: string; memo?: Record<string, unknown> };

/** A turn run through the bridge (offline planner): its Odoo, and whether this is its first step. */
export type BridgedRun = {
  odoo: OdooClient;
  firstStep: boolean;
  pending(): BridgeCall | undefined;
  /** What the first step decided, sent back by the addon with each step (see BridgeState.memo). */
  memo: Record<string, unknown>;
};

/** A bridged confirm whose Odoo request went away (killed, timed out) frees the action after this. */
const STALE_CLAIM_MS = 150_000;

/** What the administrator set for a tool: confirm first (default for writes), run at once, or never offer it. */
export type ToolMode = "confirm" | "auto" | "off";
export type ToolPolicy = Record<string, ToolMode>;

export type TurnRequest = {
  user: OdooUser;
  /** Given by the caller when it must be known before the turn starts (an asynchronous turn). */
  turnId?: string | undefined;
  delegation: string;
  sessionId: string;
  message: string;
  clientMessageId?: string | undefined;
  policy?: ToolPolicy | undefined;
  /** Which model plays Kit, Ticket, Document, Installation (Settings); left out: Odoo's own. */
  models?: Partial<Record<ModelRole, string | null | undefined>> | undefined;
};
export type PublicMessage = Omit<StoredMessage, "action_ids" | "client_message_id"> & { actions?: PublicAction[] };
export type Step = { tool: string; args: unknown; status: "done" | "proposed" | "clarify" | "failed" };

export type TurnResult = {
  session_id: string;
  message_id: string;
  reply: string;
  actions: PublicAction[];
  steps: Step[];
  mode: Runner["mode"];
  /** The user stopped the turn: `reply` is what was said before. */
  stopped: boolean;
  /** Several records matched a name: each option carries the message that picks it (a choice card). */
  choices: Choice[];
  cards: Card[];
};

export type Choice = { query: string; model: string; options: { id: number; label: string; message: string }[] };

/** What a streamed turn sends as it goes (server-sent events of `POST /v1/turns/stream`). */
export type TurnEvent =
  | { type: "start"; session_id: string; turn_id: string }
  | { type: "text"; text: string }
  | { type: "tool"; tool: string; status: "started" | Step["status"] }
  | { type: "action"; action: PublicAction }
  | { type: "card"; card: Card }
  | { type: "done"; result: TurnResult };

/** Read tools whose answers the panel draws as cards, at most a few a turn, each of a bounded size. */
const CARD_TOOLS = new Set([
  "search_customers", "search_products", "get_stock", "list_quotations", "get_quotation", "list_projects", "project_summary",
  "list_tasks", "get_task", "show_kit", "list_documents", "ask_project", "list_tickets", "list_installations",
]);
const MAX_CARDS = 4;
const MAX_CARD_CHARS = 16_000;

/** Messages read back per turn; the prompt keeps the newest within its budget and digests the rest. */
const HISTORY_LIMIT = 100;
/** A turn holds its session's lock at most this long (a crashed process frees it by expiry). */
const LOCK_TTL_MS = 180_000;
/** How long a second turn in the same session waits for the first to finish. */
const LOCK_WAIT_MS = 90_000;
const MESSAGES_PAGE = 200;
const SESSIONS_PAGE = 50;

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
}) {
  const { store, runner, odooFor, logger } = deps;
  const turnsPerMinute = deps.turnsPerMinute ?? 0;
  const capabilities = deps.capabilities ?? createCapabilities(catalog, logger);
  const budget = deps.monthlyTokenBudget ?? 0;
  const cacheSeconds = deps.cacheSeconds ?? 0;
  const odooAs = (user: OdooUser, delegation: string) => {
    const odoo = odooFor(user, delegation);
    return cacheSeconds ? withCache(odoo, { store, db: user.db, uid: user.uid, ttlSeconds: cacheSeconds }) : odoo;
  };
  const metrics = deps.metrics;

  /** Turns running in this process, by session: what Stop aborts. */
  const running = new Map<string, AbortController>();

  async function runTurn(
    request: TurnRequest,
    options: { signal?: AbortSignal; onEvent?: (event: TurnEvent) => void; bridged?: BridgedRun } = {},
  ): Promise<TurnResult> {
    const owner = ownerOf(request.user);
    const emit = options.onEvent ?? (() => {});
    const remembered = await answeredBefore(owner, request.clientMessageId);
    if (remembered) {
      emit({ type: "done", result: remembered });
      return remembered;
    }
    // a bridged turn runs again at each of its steps: it is counted once
    if (turnsPerMinute && (!options.bridged || options.bridged.firstStep) && (await redisCall(() => store.countTurn(owner))) > turnsPerMinute) {
      throw new AppError("rate_limit:turns");
    }

    const lock = options.bridged ? await redisCall(() => store.lockSession(owner, request.sessionId, LOCK_TTL_MS)) : await takeSessionLock(owner, request.sessionId, options.signal);
    // a bridged turn never waits (its Odoo request would): another answer is being written there
    if (!lock) throw new AppError("conflict:session_busy");
    const stop = new AbortController();
    const runKey = `${owner.db}:${owner.uid}:${request.sessionId}`;
    running.set(runKey, stop);
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    try {
      // A retry that waited for the lock while its first attempt finished gets that first answer.
      const answered = await answeredBefore(owner, request.clientMessageId);
      if (answered) {
        emit({ type: "done", result: answered });
        return answered;
      }
      const result = await runLocked(request, signal, emit, options.bridged);
      if (request.clientMessageId) await redisCall(() => store.saveTurnResult(owner, request.clientMessageId!, result));
      emit({ type: "done", result });
      return result;
    } finally {
      if (running.get(runKey) === stop) running.delete(runKey);
      await store.unlockSession(owner, request.sessionId, lock).catch(() => {});
    }
  }

  async function runLocked(
    request: TurnRequest,
    signal: AbortSignal,
    emit: (event: TurnEvent) => void,
    bridged?: BridgedRun,
  ): Promise<TurnResult> {
    const { user, sessionId, message } = request;
    const owner = ownerOf(user);
    const lang = langOf(user.lang);
    const turnId = request.turnId ?? newId("turn");
    emit({ type: "start", session_id: sessionId, turn_id: turnId });
    const session = await redisCall(() => store.ensureSession(owner, sessionId, titleFrom(message)));
    const firstTurn = session.created_at === session.updated_at;
    const history = runner.usesHistory ? await redisCall(() => store.getMessages(owner, sessionId, HISTORY_LIMIT)) : [];

    const ctx: ToolContext = {
      // bridged: every call goes back to the waiting Odoo request, none through a cache (the
      // steps of a turn must make the same calls in the same order)
      odoo: bridged ? bridged.odoo : odooAs(user, request.delegation),
      lang,
      fmt: createFormatter(lang, user.formats),
      meta: { sessionId, turnId },
      uid: user.uid,
      today: todayIn(user.tz),
      memory: memoryOf(owner),
      actions: sessionActions(owner, sessionId),
      models: withDefaults(request.models),
      ...(deps.embed ? { embed: deps.embed } : {}),
    };
    const policy = request.policy ?? {};
    const capable = bridged ? await bridgedCapabilities(bridged, `${user.db}:${user.uid}`, ctx) : await capabilities.availableTools(`${user.db}:${user.uid}`, ctx.odoo, ctx.meta, ctx.models!);
    const available = new Set([...capable].filter((name) => policy[name] !== "off"));
    const actions: StoredAction[] = [];
    const steps: Step[] = [];
    const choices: Choice[] = [];
    const cards: Card[] = [];
    const step = (entry: Step) => {
      steps.push(entry);
      emit({ type: "tool", tool: entry.tool, status: entry.status });
    };

    const invoke = async (name: string, rawArgs: unknown): Promise<Invocation> => {
      if (signal.aborted) return { ok: false, error: "The user stopped this turn." };
      const tool = findTool(name);
      if (!tool) return { ok: false, error: `Unknown tool ${name}` };
      if (!available.has(name)) {
        step({ tool: name, args: rawArgs, status: "failed" });
        const unmapped = policy[name] !== "off" ? tool.roles?.find((role) => !ctx.models![role]) : undefined;
        if (unmapped) return { ok: false, error: t(lang, "error.role_unmapped", { kind: t(lang, `kind.${unmapped}`) }) };
        return { ok: false, error: t(lang, "error.tool_unavailable", { tool: say(lang, tool.description) }) };
      }
      const parsed = tool.schema.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        step({ tool: name, args: rawArgs, status: "failed" });
        return { ok: false, error: t(lang, "error.bad_request", { detail: zodSummary(parsed.error) }) };
      }
      emit({ type: "tool", tool: name, status: "started" });
      const toolStarted = performance.now();
      const timeTool = (status: string) => metrics?.toolSeconds.observe({ tool: name, status }, (performance.now() - toolStarted) / 1000);
      try {
        const outcome = await tool.run(parsed.data, { ...ctx, meta: { ...ctx.meta, tool: name } });
        timeTool(outcome.kind);
        if (outcome.kind !== "proposal") {
          if (outcome.kind === "clarify") choices.push(...choicesFor(message, outcome.choices ?? []));
          if (outcome.kind === "answer" && tool.risk === "read" && CARD_TOOLS.has(name) && cards.length < MAX_CARDS) {
            const card = { tool: name, data: outcome.data };
            if (JSON.stringify(card).length <= MAX_CARD_CHARS) {
              cards.push(card);
              emit({ type: "card", card });
            }
          }
          step({ tool: name, args: parsed.data, status: outcome.kind === "answer" ? "done" : "clarify" });
          return { ok: true, outcome };
        }
        const now = new Date().toISOString();
        const action: StoredAction = {
          // bridged: the same id at every step (a step that runs it again overwrites it)
          id: bridged ? stableId("act", `${turnId}:${actions.length}`) : newId("act"),
          session_id: sessionId,
          tool: name,
          args: parsed.data,
          status: "proposed",
          summary: outcome.summary,
          preview: outcome.preview,
          plan: outcome.plan,
          created_at: now,
          updated_at: now,
        };
        await redisCall(() => store.saveAction(owner, action));
        actions.push(action);
        if (policy[name] === "auto" && tool.risk === "draft") {
          // The administrator let this draft-level write run without a confirmation.
          const done = await executeAction(owner, action, { ...ctx, meta: { ...ctx.meta, tool: name, actionId: action.id } });
          actions[actions.length - 1] = done;
          step({ tool: name, args: parsed.data, status: done.status === "done" ? "done" : "failed" });
          emit({ type: "action", action: toPublic(done) });
          return done.status === "done"
            ? { ok: true, outcome: { kind: "answer", text: String((done.result as { message?: string }).message ?? outcome.text), data: done.result }, actionId: done.id }
            : { ok: false, error: done.error ?? t(lang, "error.internal") };
        }
        step({ tool: name, args: parsed.data, status: "proposed" });
        emit({ type: "action", action: toPublic(action) });
        return { ok: true, outcome, actionId: action.id };
      } catch (error) {
        timeTool("failed");
        if (error instanceof AppError || error instanceof NeedOdooCall) throw error;
        step({ tool: name, args: parsed.data, status: "failed" });
        logger.warn({ err: error, tool: name, turnId }, "tool failed");
        return { ok: false, error: odooErrorText(lang, error) };
      }
    };

    if (budget && runner.mode === "llm" && (await redisCall(() => store.companyUsage(user.db, user.company_id ?? 0))) >= budget) {
      throw new AppError("budget:exceeded");
    }
    const memories = runner.usesHistory ? (await redisCall(() => store.listMemories(owner))).map((memory) => memory.text) : [];
    const turnStarted = performance.now();
    const { reply, usage } = await runner.run({
      memories,
      message,
      history,
      lang,
      today: ctx.today,
      userName: user.name,
      invoke,
      tools: available,
      signal,
      onText: (text) => emit({ type: "text", text }),
    });
    // a call Odoo has not answered yet, whose error a tool swallowed: nothing is kept of this step
    const waiting = bridged?.pending();
    if (waiting) throw new NeedOdooCall(waiting);
    const stopped = signal.aborted;
    metrics?.turnSeconds.observe({ mode: runner.mode, outcome: stopped ? "stopped" : "done" }, (performance.now() - turnStarted) / 1000);
    if (usage && (usage.input || usage.output)) {
      metrics?.tokens.inc({ direction: "in" }, usage.input);
      metrics?.tokens.inc({ direction: "out" }, usage.output);
      await redisCall(() => store.addUsage(owner, user.company_id ?? 0, usage));
    }
    const now = new Date().toISOString();
    const userMessage: StoredMessage = {
      id: newId("msg"),
      role: "user",
      content: message,
      created_at: now,
      ...(request.clientMessageId ? { client_message_id: request.clientMessageId } : {}),
    };
    const assistantMessage: StoredMessage = {
      id: newId("msg"),
      role: "assistant",
      content: reply,
      created_at: now,
      ...(actions.length ? { action_ids: actions.map((action) => action.id) } : {}),
      ...(choices.length ? { choices } : {}),
      ...(cards.length ? { cards } : {}),
      ...(stopped ? { stopped: true } : {}),
    };
    await redisCall(() => store.appendMessages(owner, sessionId, [userMessage, assistantMessage]));
    // The first exchange names the conversation after what it did ("Quote for Deco Addict").
    if (firstTurn && steps[0]) {
      const title = titleFromStep(lang, steps[0]);
      if (title) await redisCall(() => store.updateSession(owner, sessionId, { title }));
    }
    logger.info({ turnId, sessionId, mode: runner.mode, stopped, steps: steps.map((s) => `${s.tool}:${s.status}`) }, "turn done");
    return {
      session_id: sessionId,
      message_id: assistantMessage.id,
      reply,
      actions: actions.map(toPublic),
      steps,
      mode: runner.mode,
      stopped,
      choices,
      cards,
    };
  }

  /**
   * The tools of a bridged turn, decided once for all its steps: from the cache when it has them
   * at the first step (no call), else asked of Odoo at every step (the same call each time).
   */
  async function bridgedCapabilities(bridged: BridgedRun, userKey: string, ctx: ToolContext): Promise<Set<string>> {
    const memo = bridged.memo;
    if (Array.isArray(memo.tools)) return new Set(memo.tools as string[]);
    if (memo.tools !== "odoo") {
      const cached = capabilities.cached(userKey, ctx.models!);
      if (cached) {
        memo.tools = [...cached];
        return cached;
      }
      memo.tools = "odoo";
    }
    return capabilities.availableTools(userKey, ctx.odoo, ctx.meta, ctx.models!, { fresh: true });
  }

  function sessionActions(owner: Owner, sessionId: string): SessionActions {
    const summary = (action: StoredAction | undefined) =>
      action && action.session_id === sessionId ? { id: action.id, tool: action.tool, status: action.status, summary: action.summary, record: action.record } : undefined;
    return {
      get: async (id) => summary(await redisCall(() => store.getAction(owner, id))),
      lastDone: async () => {
        const messages = await redisCall(() => store.getMessages(owner, sessionId, HISTORY_LIMIT));
        const ids = messages.flatMap((message) => message.action_ids ?? []).reverse();
        const actions = await redisCall(() => store.getActions(owner, ids));
        return summary(actions.find((action) => action.status === "done" && action.tool !== "undo"));
      },
    };
  }

  function memoryOf(owner: Owner): UserMemory {
    return {
      list: () => redisCall(() => store.listMemories(owner)),
      add: async (text) => {
        const memory = { id: newId("mem"), text, created_at: new Date().toISOString() };
        await redisCall(() => store.addMemory(owner, memory));
        return memory;
      },
      remove: (id) => redisCall(() => store.deleteMemory(owner, id)),
    };
  }

  /** The user's memories, to list and delete from the panel. */
  async function listMemories(user: OdooUser) {
    return redisCall(() => store.listMemories(ownerOf(user)));
  }

  async function deleteMemory(user: OdooUser, memoryId: string) {
    if (!(await redisCall(() => store.deleteMemory(ownerOf(user), memoryId)))) throw new AppError("not_found:memory");
  }

  async function deleteSession(user: OdooUser, sessionId: string) {
    if (!(await redisCall(() => store.deleteSession(ownerOf(user), sessionId)))) throw new AppError("not_found:session");
  }

  /** Everything the copilot keeps about the user, as JSON: conversations with their messages, and memories. */
  async function exportHistory(user: OdooUser) {
    const owner = ownerOf(user);
    const sessions = await redisCall(() => store.listSessions(owner, 10_000));
    const conversations = [];
    for (const session of sessions) conversations.push({ ...session, messages: await listMessages(user, session.id) });
    return { exported_at: new Date().toISOString(), db: user.db, uid: user.uid, conversations, memories: await listMemories(user) };
  }

  /** A PDF of a conversation, or of a project's summary (read in Odoo as the user). */
  async function exportPdf(
    request: { user: OdooUser; delegation: string; sessionId?: string | undefined; projectId?: number | undefined },
    odoo?: OdooClient,
  ): Promise<Buffer> {
    const { user } = request;
    const lang = langOf(user.lang);
    const userName = user.name ?? String(user.uid);
    if (request.projectId) {
      const ctx: ToolContext = {
        odoo: odoo ?? odooAs(user, request.delegation),
        lang,
        fmt: createFormatter(lang, user.formats),
        meta: { tool: "export_pdf", ...(request.sessionId ? { sessionId: request.sessionId } : {}) },
        uid: user.uid,
        today: todayIn(user.tz),
      };
      try {
        return await projectPdf(ctx, request.projectId, userName);
      } catch (error) {
        if (error instanceof OdooError) throw new AppError(error.kind === "unavailable" ? "unavailable:odoo" : "bad_request:odoo", { detail: error.message });
        throw error;
      }
    }
    const owner = ownerOf(user);
    const session = await redisCall(() => store.getSession(owner, request.sessionId ?? ""));
    if (!session) throw new AppError("not_found:session");
    return conversationPdf(lang, { title: session.title, user: userName, messages: await listMessages(user, session.id) });
  }

  async function deleteHistory(user: OdooUser) {
    await redisCall(() => store.deleteAll(ownerOf(user)));
  }

  /** Stops the turn running in this session, if any: the model call and the tool loop are aborted. */
  function stopTurn(user: OdooUser, sessionId: string): boolean {
    const controller = running.get(`${user.db}:${user.uid}:${sessionId}`);
    controller?.abort();
    return Boolean(controller);
  }

  async function answeredBefore(owner: Owner, clientMessageId: string | undefined): Promise<TurnResult | undefined> {
    if (!clientMessageId) return undefined;
    return (await redisCall(() => store.getTurnResult(owner, clientMessageId))) as TurnResult | undefined;
  }

  /** One turn at a time per session: a second one (another tab) waits for the first to finish. */
  async function takeSessionLock(owner: Owner, sessionId: string, signal: AbortSignal | undefined): Promise<string> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const token = await redisCall(() => store.lockSession(owner, sessionId, LOCK_TTL_MS));
      if (token) return token;
      if (Date.now() > deadline || signal?.aborted) throw new AppError("conflict:session_busy");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Runs exactly what the card showed, once; a second confirm answers the first result. */
  async function confirm(request: { user: OdooUser; delegation: string; actionId: string; policy?: ToolPolicy | undefined }): Promise<PublicAction> {
    const owner = ownerOf(request.user);
    const lang = langOf(request.user.lang);
    const action = await loadAction(owner, request.actionId);
    if (request.policy?.[action.tool] === "off") {
      throw new AppError("forbidden:tool", { tool: say(lang, findTool(action.tool)?.description ?? { en: action.tool, fr: action.tool }) });
    }
    if (action.status === "done" || action.status === "failed") return toPublic(action);
    if (action.status === "rejected") throw new AppError("conflict:action", { status: t(lang, "status.rejected") });
    if (action.status === "running") return toPublic(await waitWhileRunning(owner, action.id));

    const ctx = actionContext(request.user, request.delegation, action);
    const result = await executeAction(owner, action, ctx);
    if (result.status === "proposed") return confirm(request);
    if (result.status === "running") return toPublic(await waitWhileRunning(owner, action.id));
    return toPublic(result);
  }

  /**
   * Confirm through the bridge (odoo/bridge-client.ts): the tool's calls run in the Odoo request
   * that waits for the answer. The first step claims the action; the next steps carry the claim.
   */
  async function confirmBridged(request: { user: OdooUser; actionId: string; policy?: ToolPolicy | undefined; bridge: BridgeState }): Promise<{ action: PublicAction } | BridgeStep> {
    const owner = ownerOf(request.user);
    const lang = langOf(request.user.lang);
    let action = await loadAction(owner, request.actionId);
    if (request.policy?.[action.tool] === "off") {
      throw new AppError("forbidden:tool", { tool: say(lang, findTool(action.tool)?.description ?? { en: action.tool, fr: action.tool }) });
    }
    let claim = request.bridge.claim;
    const sameRequest = Boolean(claim) && action.claim === claim;
    if ((action.status === "done" || action.status === "failed") && sameRequest && !request.bridge.replies.length) {
      // The very request that wrote it starts again: Odoo retries a request whose commit failed
      // (a serialization failure), after rolling everything back. Write it again, in this attempt.
      const retried = await redisCall(() => store.transitionAction(owner, action.id, action.status, { status: "running", result: undefined, record: undefined, error: undefined }));
      if (!retried.changed) return confirmBridged(request);
      action = retried.action!;
    }
    if (action.status === "done" || action.status === "failed") return { action: toPublic(action) };
    if (action.status === "rejected") throw new AppError("conflict:action", { status: t(lang, "status.rejected") });
    if (action.status === "running" && !sameRequest) {
      // Another request is writing it. Its Odoo transaction commits only after its last step,
      // so a claim left running that long was never committed: the action is proposed again.
      if (!action.claimed_at || Date.now() - action.claimed_at < STALE_CLAIM_MS) return { action: toPublic(action) };
      await redisCall(() => store.transitionAction(owner, action.id, "running", { status: "proposed" }));
      return confirmBridged({ ...request, bridge: { replies: [], ...(claim ? { claim } : {}) } });
    }
    if (action.status === "proposed") {
      if (request.bridge.replies.length) throw new AppError("bad_request:bridge");
      // the addon names the claim after its HTTP request, the same for Odoo's retries of it
      claim ??= randomBytes(12).toString("base64url");
      const taken = await redisCall(() => store.transitionAction(owner, action.id, "proposed", { status: "running", claim, claimed_at: Date.now() }));
      if (!taken.changed) return confirmBridged(request);
      action = taken.action!;
    }
    const tool = findTool(action.tool);
    const ctx = actionContext(request.user, "", action);
    try {
      if (!tool?.execute) throw new Error(`Tool ${action.tool} has nothing to execute`);
      const outcome = await bridged(request.bridge.replies, userContext(request.user), (odoo) => tool.execute!(action.plan, { ...ctx, odoo }));
      if ("call" in outcome) return { call: outcome.call, ...(claim ? { claim } : {}) };
      const done = await redisCall(() =>
        store.transitionAction(owner, action.id, "running", {
          status: "done",
          result: { ...(outcome.value.result as object), message: outcome.value.text },
          ...(outcome.value.record ? { record: outcome.value.record } : {}),
        }),
      );
      return { action: toPublic(done.action!) };
    } catch (error) {
      if (error instanceof AppError && error.code === "unavailable:redis") throw error;
      if (error instanceof BridgeMismatch) {
        // Odoo rolls its transaction back: the action can be confirmed again
        await redisCall(() => store.transitionAction(owner, action.id, "running", { status: "proposed" }));
        throw new AppError("bad_request:bridge");
      }
      logger.warn({ err: error, actionId: action.id, tool: action.tool }, "action failed");
      const failed = await redisCall(() =>
        store.transitionAction(owner, action.id, "running", { status: "failed", error: odooErrorText(ctx.lang, error) }),
      );
      return { action: toPublic(failed.action!) };
    }
  }


  /** Runs `work` with Odoo reached through the bridge: its value, or the next call for Odoo. */
  function viaBridge<T>(user: OdooUser, bridge: BridgeState, work: (odoo: OdooClient) => Promise<T>) {
    return bridged(bridge.replies, userContext(user), work).catch((error: unknown) => {
      if (error instanceof BridgeMismatch) throw new AppError("bad_request:bridge");
      throw error;
    });
  }

  /** What a tool runs with when the user acts on a card (confirm, edit), after the turn's token expired. */
  function actionContext(user: OdooUser, delegation: string, action: StoredAction, odoo?: OdooClient): ToolContext {
    const lang = langOf(user.lang);
    return {
      odoo: odoo ?? odooAs(user, delegation),
      lang,
      fmt: createFormatter(lang, user.formats),
      meta: { tool: action.tool, sessionId: action.session_id, actionId: action.id },
      uid: user.uid,
      today: todayIn(user.tz),
    };
  }

  /** Moves a proposed action to running (once), writes its plan in Odoo, and records done or failed. */
  async function executeAction(owner: Owner, action: StoredAction, ctx: ToolContext): Promise<StoredAction> {
    const claim = await redisCall(() => store.transitionAction(owner, action.id, "proposed", { status: "running" }));
    if (!claim.changed) return claim.action ?? action;
    const tool = findTool(action.tool);
    try {
      if (!tool?.execute) throw new Error(`Tool ${action.tool} has nothing to execute`);
      const execution = await tool.execute(action.plan, ctx);
      const done = await redisCall(() =>
        store.transitionAction(owner, action.id, "running", {
          status: "done",
          result: { ...(execution.result as object), message: execution.text },
          ...(execution.record ? { record: execution.record } : {}),
        }),
      );
      return done.action!;
    } catch (error) {
      if (error instanceof AppError && error.code === "unavailable:redis") throw error;
      // an auto-run write of a bridged turn waits for Odoo's reply: the next step runs it again
      if (error instanceof NeedOdooCall) throw error;
      logger.warn({ err: error, actionId: action.id, tool: action.tool }, "action failed");
      const failed = await redisCall(() =>
        store.transitionAction(owner, action.id, "running", { status: "failed", error: odooErrorText(ctx.lang, error) }),
      );
      return failed.action!;
    }
  }

  async function reject(request: { user: OdooUser; actionId: string }): Promise<PublicAction> {
    const owner = ownerOf(request.user);
    const lang = langOf(request.user.lang);
    const action = await loadAction(owner, request.actionId);
    if (action.status === "rejected") return toPublic(action);
    if (action.status !== "proposed") throw new AppError("conflict:action", { status: t(lang, `status.${action.status === "running" ? "proposed" : action.status}`) });
    const result = await redisCall(() => store.transitionAction(owner, action.id, "proposed", { status: "rejected" }));
    if (!result.changed) return reject(request);
    return toPublic(result.action!);
  }

  /**
   * "Edit quantities": the proposal computed again by Odoo with other quantities, still waiting
   * for Confirm. Only while it is proposed, and only for a tool that can revise (a quotation).
   */
  async function revise(request: { user: OdooUser; delegation: string; actionId: string; quantities: number[] }, odoo?: OdooClient): Promise<PublicAction> {
    const owner = ownerOf(request.user);
    const lang = langOf(request.user.lang);
    const action = await loadAction(owner, request.actionId);
    const tool = findTool(action.tool);
    if (!tool?.revise) throw new AppError("conflict:not_revisable");
    if (action.status !== "proposed") throw new AppError("conflict:action", { status: t(lang, `status.${action.status === "running" ? "proposed" : action.status}`) });
    const lines = ((action.plan as { lines?: unknown[] } | undefined)?.lines ?? []).length;
    if (request.quantities.length !== lines || !request.quantities.some((quantity) => quantity > 0)) throw new AppError("bad_request:revise");
    const ctx = actionContext(request.user, request.delegation, action, odoo);
    const outcome = await tool.revise(action.plan, request.quantities, ctx);
    const args = action.args as { lines?: Record<string, unknown>[] } | undefined;
    const revisedArgs = args?.lines
      ? { ...args, lines: args.lines.map((line, index) => ({ ...line, quantity: request.quantities[index] })).filter((line) => Number(line.quantity) > 0) }
      : action.args;
    const result = await redisCall(() =>
      store.transitionAction(owner, action.id, "proposed", {
        status: "proposed",
        args: revisedArgs,
        summary: outcome.summary,
        preview: outcome.preview,
        plan: outcome.plan,
        updated_at: new Date().toISOString(),
      }),
    );
    // confirmed or cancelled meanwhile (another tab): say what it is now
    if (!result.changed) throw new AppError("conflict:action", { status: t(lang, `status.${result.action?.status === "running" ? "proposed" : (result.action?.status ?? "proposed")}`) });
    return toPublic(result.action!);
  }

  /** Pinned first, then by last activity; `query` keeps those whose title holds it. */
  async function listSessions(user: OdooUser, query?: string) {
    const sessions = await redisCall(() => store.listSessions(ownerOf(user), query ? 1_000 : SESSIONS_PAGE));
    const wanted = query ? normalize(query) : "";
    const kept = wanted ? sessions.filter((session) => normalize(session.title).includes(wanted)).slice(0, SESSIONS_PAGE) : sessions;
    return [...kept.filter((session) => session.pinned), ...kept.filter((session) => !session.pinned)];
  }

  async function updateSession(user: OdooUser, sessionId: string, changes: { title?: string | undefined; pinned?: boolean | undefined }) {
    const session = await redisCall(() =>
      store.updateSession(ownerOf(user), sessionId, {
        ...(changes.title !== undefined ? { title: titleFrom(changes.title) } : {}),
        ...(changes.pinned !== undefined ? { pinned: changes.pinned } : {}),
      }),
    );
    if (!session) throw new AppError("not_found:session");
    return session;
  }

  async function listMessages(user: OdooUser, sessionId: string): Promise<PublicMessage[]> {
    const owner = ownerOf(user);
    const session = await redisCall(() => store.getSession(owner, sessionId));
    if (!session) throw new AppError("not_found:session");
    const messages = await redisCall(() => store.getMessages(owner, sessionId, MESSAGES_PAGE));
    const actions = await redisCall(() => store.getActions(owner, messages.flatMap((m) => m.action_ids ?? [])));
    const byId = new Map(actions.map((action) => [action.id, toPublic(action)]));
    return messages.map(({ action_ids, client_message_id: _clientId, ...message }) => ({
      ...message,
      ...(action_ids?.length ? { actions: action_ids.map((id) => byId.get(id)).filter((a): a is PublicAction => Boolean(a)) } : {}),
    }));
  }

  async function loadAction(owner: Owner, actionId: string): Promise<StoredAction> {
    const action = await redisCall(() => store.getAction(owner, actionId));
    if (!action) throw new AppError("not_found:action");
    return action;
  }

  /** Another request is writing this action: answer its result rather than write a second record. */
  async function waitWhileRunning(owner: Owner, actionId: string): Promise<StoredAction> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const action = await loadAction(owner, actionId);
      if (action.status !== "running") return action;
    }
    throw new AppError("conflict:action_busy");
  }

  /** Odoo reports that records of `model` changed: cached lists of it are retired at once. */
  async function invalidate(db: string, model: string) {
    if (CACHED_MODELS.has(model)) await redisCall(() => store.bumpCacheGeneration(db, model));
  }

  /** The action log's anchor (see the /v1/audit/anchor routes). */
  function advanceAnchor(db: string, anchor: AuditAnchor) {
    return redisCall(() => store.advanceAnchor(db, anchor));
  }
  function getAnchor(db: string) {
    return redisCall(() => store.getAnchor(db));
  }

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

  return {
    /** `offline`: the planner, whose turns can run through the bridge; `llm`: a model. */
    mode: runner.mode,
    runTurn,
    stopTurn,
    confirm,
    confirmBridged,
    viaBridge,
    revise,
    reject,
    listSessions,
    updateSession,
    listMessages,
    describeTools,
    listMemories,
    deleteMemory,
    deleteSession,
    exportHistory,
    exportPdf,
    deleteHistory,
    invalidate,
    advanceAnchor,
    getAnchor,
  };
}

export type TurnService = ReturnType<typeof createTurnService>;

function ownerOf(user: OdooUser): Owner {
  return { db: user.db, uid: user.uid };
}

/** The context every bridged call carries, as the gateway transport sends it. */
export function userContext(user: OdooUser): UserContext {
  return { lang: user.lang, tz: user.tz, allowed_company_ids: allowedCompanies(user.company_id, user.company_ids) };
}

function toPublic({ plan: _plan, session_id: _sessionId, claim: _claim, claimed_at: _claimedAt, ...action }: StoredAction): PublicAction {
  return action;
}

/**
 * A choice card's options: the user's own message with the ambiguous name replaced by the option's
 * exact label (its `[CODE]` resolves it), so picking one is just sending that message.
 */
export function choicesFor(message: string, found: { query: string; model: string; options: { id: number; label: string }[] }[]): Choice[] {
  return found.map(({ query, model, options }) => {
    const at = message.toLowerCase().indexOf(query.toLowerCase());
    return {
      query,
      model,
      options: options.map((option) => ({
        ...option,
        message: at >= 0 ? `${message.slice(0, at)}${pickText(option.label)}${message.slice(at + query.length)}` : option.label,
      })),
    };
  });
}

/** How a picked record is named in a message: its `[CODE]` when it has one, else its name, quoted if it holds separators. */
function pickText(label: string): string {
  const code = /^\[([^\]]+)\]/.exec(label)?.[1];
  if (code) return `[${code}]`;
  return /[,;:&]|\s(?:et|and|avec|with)\s/i.test(label) ? `"${label}"` : label;
}

/** Today's date where the user is (Odoo's `tz`), falling back to UTC. */
export function todayIn(tz: string | undefined, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: tz || "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

const stepTitles: Record<string, Record<Lang, string>> = {
  create_quotation: { en: "Quote for {customer}", fr: "Devis pour {customer}" },
  get_stock: { en: "Stock of {product}", fr: "Stock de {product}" },
  search_customers: { en: "Customers: {query}", fr: "Clients : {query}" },
  search_products: { en: "Products: {query}", fr: "Produits : {query}" },
  list_quotations: { en: "Quotations {customer}", fr: "Devis {customer}" },
  get_quotation: { en: "Quotation {quotation}", fr: "Devis {quotation}" },
  update_quotation: { en: "Changes to {quotation}", fr: "Modification de {quotation}" },
  confirm_quotation: { en: "Confirm {quotation}", fr: "Confirmation de {quotation}" },
  send_quotation: { en: "Send {quotation}", fr: "Envoi de {quotation}" },
  project_summary: { en: "Project {project}", fr: "Projet {project}" },
  ask_project: { en: "{project}: {question}", fr: "{project} : {question}" },
  list_tasks: { en: "Tasks {project}", fr: "Tâches {project}" },
  create_task: { en: "Task {title}", fr: "Tâche {title}" },
  update_task: { en: "Task {task}", fr: "Tâche {task}" },
  log_project_note: { en: "Note on {project}", fr: "Note sur {project}" },
  show_kit: { en: "Kit {kit}", fr: "Kit {kit}" },
  list_documents: { en: "Documents of {project}", fr: "Documents de {project}" },
  list_tickets: { en: "Tickets {project}{customer}{query}", fr: "Tickets {project}{customer}{query}" },
  list_installations: { en: "Installations {project}{customer}{query}", fr: "Installations {project}{customer}{query}" },
};

/** A conversation's title from its first tool step, e.g. "Devis pour Deco Addict"; undefined when there is no template. */
function titleFromStep(lang: Lang, step: Step): string | undefined {
  const template = stepTitles[step.tool];
  if (!template) return undefined;
  const args = Object.fromEntries(Object.entries((step.args ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  return titleFrom(say(lang, template, args).replace(/\{\w+\}/g, "").replace(/\s+/g, " ").replace(/\s*:\s*$/, "").trim());
}

function titleFrom(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

export function newId(kind: "act" | "msg" | "turn" | "ses" | "mem"): string {
  return `${kind}_${randomBytes(18).toString("base64url")}`;
}

/** The same id for the same seed (a bridged turn's action, at each of its steps). */
export function stableId(kind: "act", seed: string): string {
  return `${kind}_${createHash("sha256").update(seed).digest("base64url").slice(0, 24)}`;
}

function zodSummary(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join(".") || "arguments"}: ${issue.message}`).join("; ");
}

/** A Redis failure becomes one clear error, whatever the operation was. */
async function redisCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError("unavailable:redis", {}, { cause });
  }
}

function odooErrorText(lang: Lang, error: unknown): string {
  if (error instanceof OdooError) {
    if (error.kind === "access" || error.kind === "auth") return t(lang, "error.access", { detail: error.message });
    if (error.kind === "unavailable") return t(lang, "error.unavailable_odoo");
    return t(lang, "error.odoo", { detail: error.message });
  }
  return t(lang, "error.internal");
}

/**
 * A turn: the session's lock, the user's tools, the runner (the model's loop or the offline
 * planner) with the tool invoker, then the exchange stored and the conversation titled. One turn
 * at a time per session; Stop aborts it in this process (the stop channel reaches the others).
 */
import { AppError } from "../errors.js";
import { langOf, say, type Lang } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Card, ConversationStore, Owner, StoredAction, StoredMessage } from "../memory/conversation-store.js";
import { NeedOdooCall } from "../odoo/bridge-client.js";
import { findTool } from "../tools/index.js";
import type { ToolContext } from "../tools/types.js";
import type { Capabilities } from "./capabilities.js";
import { HISTORY_LIMIT, titleFrom, type Conversations } from "./conversations.js";
import type { Invocation, Runner } from "./runner.js";
import type { ToolContexts } from "./tool-context.js";
import type { ToolInvoker } from "./tool-invoker.js";
import { newId, ownerOf, redisCall, toPublic } from "./turn-common.js";
import type { BridgedRun, OdooUser, Step, ToolPolicy, TurnEvent, TurnRequest, TurnResult } from "./turn-types.js";

/** A turn holds its session's lock at most this long (a crashed process frees it by expiry). */
const LOCK_TTL_MS = 180_000;
/** How long a second turn in the same session waits for the first to finish. */
const LOCK_WAIT_MS = 90_000;

export function createTurnRunner(deps: {
  store: ConversationStore;
  runner: Runner;
  logger: Logger;
  capabilities: Capabilities;
  contexts: ToolContexts;
  conversations: Conversations;
  invokerFor: ToolInvoker;
  /** Turns one user may start per minute; 0 for no limit. */
  turnsPerMinute: number;
  /** Model tokens a company may use per month; 0 for no budget. */
  monthlyTokenBudget: number;
  metrics?: Metrics | undefined;
}) {
  const { store, runner, logger, capabilities, contexts, conversations, metrics } = deps;
  const turnsPerMinute = deps.turnsPerMinute;
  const budget = deps.monthlyTokenBudget;

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

    // bridged: every call goes back to the waiting Odoo request, none through a cache (the steps
    // of a turn must make the same calls in the same order)
    const ctx = contexts.forTurn(request, { sessionId, turnId }, {
      memory: conversations.memoryOf(owner),
      actions: conversations.sessionActions(owner, sessionId),
      odoo: bridged?.odoo,
    });
    const policy = request.policy ?? {};
    const capable = bridged ? await bridgedCapabilities(bridged, `${user.db}:${user.uid}`, ctx) : await capabilities.availableTools(`${user.db}:${user.uid}`, ctx.odoo, ctx.meta, ctx.models!);
    const available = new Set([...capable].filter((name) => policy[name] !== "off"));
    const { invoke, actions, steps, choices, cards } = deps.invokerFor({ owner, sessionId, turnId, message, lang, ctx, policy, available, signal, bridged: Boolean(bridged), emit });

    if (budget && runner.mode === "llm" && (await redisCall(() => store.companyUsage(user.db, user.company_id ?? 0))) >= budget) {
      throw new AppError("budget:exceeded");
    }
    const memories = runner.usesHistory ? (await redisCall(() => store.listMemories(owner))).map((memory) => memory.text) : [];
    const turnStarted = performance.now();
    const countUsage = async (usage: { input: number; output: number } | undefined) => {
      if (!usage || !(usage.input || usage.output)) return;
      metrics?.tokens.inc({ direction: "in" }, usage.input);
      metrics?.tokens.inc({ direction: "out" }, usage.output);
      await redisCall(() => store.addUsage(owner, user.company_id ?? 0, usage));
    };
    const { reply, usage, modelFailure, modelFailureReason } = await runner.run({
      memories,
      message,
      context: request.context,
      history,
      lang,
      today: ctx.today,
      userName: user.name,
      invoke,
      tools: available,
      signal,
      onText: (text) => emit({ type: "text", text }),
      odoo: ctx.odoo,
      meta: ctx.meta,
      previousRequest: async () => (history.length ? history : await redisCall(() => store.getMessages(owner, sessionId, 4))).filter((entry) => entry.role === "user").at(-1)?.content,
    }).catch(async (error: unknown) => {
      if (error instanceof AppError && error.code.endsWith(":llm")) {
        logger.warn({ event: "model_failure", code: error.code, reason: error.params.reason, turn: turnId }, "the model failed this turn");
      }
      // the tokens of a turn that failed are spent all the same
      if (error instanceof AppError) await countUsage(error.usage).catch(() => undefined);
      throw error;
    });
    // a call Odoo has not answered yet, whose error a tool swallowed: nothing is kept of this step
    const waiting = bridged?.pending();
    if (waiting) throw new NeedOdooCall(waiting);
    const stopped = signal.aborted;
    if (modelFailure) {
      // answered all the same (the planner, or a sentence), but an admin must see the model failing
      logger.warn({ event: "model_failure", code: modelFailure, reason: modelFailureReason, turn: turnId }, "the model failed this turn; the user got a reply without it");
      metrics?.errors.inc({ code: modelFailure });
    }
    metrics?.turnSeconds.observe({ mode: runner.mode, outcome: stopped ? "stopped" : "done" }, (performance.now() - turnStarted) / 1000);
    await countUsage(usage);
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

  type DirectRequest = { user: OdooUser; delegation: string; sessionId: string; title: string; policy: ToolPolicy; readOnly: boolean; models?: TurnRequest["models"] };

  /** A direct caller's tool context, and the tools it may use (the user's rights, the policies, the key's scope). */
  async function directTools(request: DirectRequest, turnId: string) {
    const owner = ownerOf(request.user);
    const ctx = contexts.forTurn({ user: request.user, delegation: request.delegation, sessionId: request.sessionId, message: "", models: request.models }, { sessionId: request.sessionId, turnId }, {
      memory: conversations.memoryOf(owner),
      actions: conversations.sessionActions(owner, request.sessionId),
    });
    const capable = await capabilities.availableTools(`${request.user.db}:${request.user.uid}`, ctx.odoo, ctx.meta, ctx.models!);
    const available = new Set([...capable].filter((name) => request.policy[name] !== "off" && (!request.readOnly || findTool(name)?.risk === "read")));
    return { ctx, available };
  }

  /** The tools an outside agent (MCP) may use, as the key's user. */
  async function listDirectTools(request: DirectRequest): Promise<Set<string>> {
    return (await directTools(request, newId("turn"))).available;
  }

  /**
   * One tool called directly by an outside agent (MCP), as the key's user: the same rights,
   * policies, validation and proposals as a turn, kept in the conversation `sessionId` so that the
   * user sees each call in the panel (and confirms what it proposed there).
   */
  async function callTool(
    request: DirectRequest & { tool: string; args: unknown },
    signal: AbortSignal,
  ): Promise<{ invocation: Invocation; actions: StoredAction[]; steps: Step[]; cards: Card[] }> {
    const { user, sessionId } = request;
    const owner = ownerOf(user);
    const lang = langOf(user.lang);
    const turnId = newId("turn");
    await redisCall(() => store.ensureSession(owner, sessionId, request.title));
    const { ctx, available } = await directTools(request, turnId);
    const { invoke, actions, steps, cards } = deps.invokerFor({ owner, sessionId, turnId, message: "", lang, ctx, policy: request.policy, available, signal, bridged: false, emit: () => {} });
    const invocation = await invoke(request.tool, request.args);
    const now = new Date().toISOString();
    const said = invocation.ok ? (invocation.outcome.kind === "proposal" ? invocation.outcome.summary : invocation.outcome.text) : invocation.error;
    await redisCall(() =>
      store.appendMessages(owner, sessionId, [
        { id: newId("msg"), role: "user", content: `${request.title} → \`${request.tool}\` ${JSON.stringify(request.args ?? {}).slice(0, 2_000)}`, created_at: now },
        {
          id: newId("msg"),
          role: "assistant",
          content: said ?? "",
          created_at: now,
          ...(actions.length ? { action_ids: actions.map((action) => action.id) } : {}),
          ...(cards.length ? { cards } : {}),
        },
      ]),
    );
    return { invocation, actions, steps, cards };
  }

  return { runTurn, stopTurn, callTool, listDirectTools };
}

export type TurnRunner = ReturnType<typeof createTurnRunner>;

/** A conversation's title from its first tool step, e.g. "Devis pour Deco Addict"; undefined when there is no template. */
function titleFromStep(lang: Lang, step: Step): string | undefined {
  const template = findTool(step.tool)?.presentation.title;
  if (!template) return undefined;
  const args = Object.fromEntries(Object.entries((step.args ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  return titleFrom(say(lang, template, args).replace(/\{\w+\}/g, "").replace(/\s+/g, " ").replace(/\s*:\s*$/, "").trim());
}

import { AppError } from "../errors.js";
import { langOf } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Owner } from "../memory/conversation-store.js";
import { FINAL_STATUSES, type LoggedEvent, type TurnLog, type TurnStatus } from "../memory/turn-log.js";
import type { TurnService } from "../agent/turn-service.js";
import { newId, ownerOf, redisCall, userContext } from "../agent/turn-common.js";
import type { BridgeState, BridgeStep, OdooUser, TurnEvent, TurnRequest, TurnResult } from "../agent/turn-types.js";
import { NeedOdooCall, createBridgeClient } from "../odoo/bridge-client.js";
import type { EventPusher } from "./event-pusher.js";
import type { StopBus } from "./stop-bus.js";

/** How long text is gathered before it is logged as one event: a few events a second, not one per token. */
const TEXT_COALESCE_MS = 100;
/** A turn keeps its place among the running ones at most this long (the lock's own bound). */
const HOLD_MS = 200_000;

export type TurnStart = { session_id: string; turn_id: string; status: TurnStatus; result?: unknown };
export type TurnView = { status: TurnStatus; session_id: string; events: LoggedEvent[]; result?: unknown };

/**
 * Asynchronous turns: `start` answers at once with the turn's id and runs it in the background;
 * what it says is logged in Redis (numbered events, readable by any process) and pushed to Odoo's
 * bus. The Odoo request that started it is long gone while the turn calls Odoo back: no Odoo
 * worker ever waits on the agent while the agent needs Odoo (docs/production.md).
 */
export function createTurnJobs(deps: {
  turns: TurnService;
  log: TurnLog;
  stops?: StopBus | undefined;
  pusher?: EventPusher | undefined;
  logger: Logger;
  /** Turns running at once per user and per company; 0: no bound. */
  inflight?: { user: number; company: number };
  /** How often the turn's liveness is refreshed (the log's `aliveMs` must be a few times longer). */
  heartbeatMs?: number;
}) {
  const heartbeatMs = deps.heartbeatMs ?? 5_000;
  const { turns, log, logger } = deps;
  const bounds = deps.inflight ?? { user: 0, company: 0 };
  /** Turns this process runs: what a Stop heard on the bus aborts. */
  const local = new Map<string, { owner: Owner; sessionId: string; controller: AbortController }>();
  const background = new Set<Promise<void>>();

  /** Aborts this process's turns of a session (a Stop heard on the bus, or without a bus). */
  function abortLocal(owner: Owner, sessionId: string): void {
    for (const turn of local.values()) {
      if (turn.owner.db === owner.db && turn.owner.uid === owner.uid && turn.sessionId === sessionId) turn.controller.abort();
    }
  }

  void deps.stops?.listen((message) => {
    abortLocal(message, message.sessionId);
    // a streamed turn (POST /v1/turns/stream) of this process, if any
    turns.stopTurn({ db: message.db, uid: message.uid, lang: "en_US" }, message.sessionId);
  });

  /** The turn a repeated message (same client message id) already started, as it is now. */
  async function repeated(owner: Owner, request: TurnRequest): Promise<TurnStart | undefined> {
    if (!request.clientMessageId) return undefined;
    const known = await redisCall(() => log.turnForClientMessage(owner, request.clientMessageId!));
    return known ? startedBefore(owner, known, request.sessionId) : undefined;
  }

  /** Takes a place among the turns running at once, or refuses with the bound that is reached. */
  async function admit(owner: Owner, company: number, turnId: string): Promise<void> {
    const refused = await redisCall(() => log.admit(owner, company, turnId, bounds, HOLD_MS));
    if (refused === "user") throw new AppError("rate_limit:inflight", { count: bounds.user });
    if (refused === "company") throw new AppError("rate_limit:inflight_company", { count: bounds.company });
  }

  async function start(request: TurnRequest): Promise<TurnStart> {
    const owner = ownerOf(request.user);
    const company = request.user.company_id ?? 0;
    const before = await repeated(owner, request);
    if (before) return before;
    // the addon's id when it named one (its delegation token serves that turn only)
    const turnId = request.turnId && !(await redisCall(() => log.get(owner, request.turnId!))) ? request.turnId : newId("turn");
    await admit(owner, company, turnId);
    const created = await redisCall(() => log.create(owner, { turnId, sessionId: request.sessionId, message: request.message, clientMessageId: request.clientMessageId, company }));
    if (!created) {
      await log.release(owner, company, turnId).catch(() => {});
      const known = await redisCall(() => log.turnForClientMessage(owner, request.clientMessageId!));
      return startedBefore(owner, known ?? turnId, request.sessionId);
    }
    const controller = new AbortController();
    local.set(turnId, { owner, sessionId: request.sessionId, controller });
    const job = run({ ...request, turnId }, owner, company, controller).finally(() => background.delete(job));
    background.add(job);
    return { session_id: request.sessionId, turn_id: turnId, status: "running" };
  }

  /**
   * An offline turn inside the Odoo request that asks for it (the bridge, as a confirm): the
   * planner needs no model, so the request waits only for the agent's steps, each answered at
   * once, and the agent never calls Odoo meanwhile. Its answer comes with the request's, with no
   * later request to start it, push it or read it. The turn is logged too (a reload, a second tab
   * and `/copilot/turn` see it). A model's turn, or a conversation already answering, starts
   * asynchronously instead.
   */
  async function startBridged(request: TurnRequest, bridge: BridgeState): Promise<TurnStart | BridgeStep> {
    if (turns.mode !== "offline" || !bridge.claim) return start(request);
    const owner = ownerOf(request.user);
    const company = request.user.company_id ?? 0;
    // named after the addon's HTTP request: the same for its steps and for Odoo's retries of it
    const turnId = `turn_${bridge.claim}`;
    const firstStep = bridge.replies.length === 0;
    if (firstStep) {
      const before = await repeated(owner, request);
      if (before) return before;
      await admit(owner, company, turnId);
    }
    const events: TurnEvent[] = [];
    const odoo = createBridgeClient(bridge.replies, userContext(request.user));
    const memo: Record<string, unknown> = { ...(bridge.memo ?? {}) };
    let result: TurnResult;
    try {
      result = await turns.runTurn(
        { ...request, turnId },
        { onEvent: (event) => events.push(event), bridged: { odoo, firstStep, pending: () => odoo.pending(), memo } },
      );
    } catch (error) {
      const waiting = error instanceof NeedOdooCall ? error.call : odoo.pending();
      if (waiting) return { call: waiting, claim: bridge.claim, memo };
      await log.release(owner, company, turnId).catch(() => {});
      // another answer is being written in this conversation: this one waits its turn, asynchronously
      if (error instanceof AppError && error.code === "conflict:session_busy" && firstStep) return start(request);
      throw error;
    }
    const waiting = odoo.pending();
    if (waiting) return { call: waiting, claim: bridge.claim, memo };
    const status = result.stopped ? "stopped" : "done";
    const created = await redisCall(() => log.create(owner, { turnId, sessionId: request.sessionId, message: request.message, clientMessageId: request.clientMessageId, company }));
    if (created) {
      const text = events.filter((event) => event.type === "text").map((event) => (event as { text: string }).text).join("");
      const kept = events.filter((event) => event.type !== "text" && event.type !== "done");
      await redisCall(() => log.append(owner, turnId, [...kept, ...(text ? [{ type: "text", text }] : [])]));
      await redisCall(() => log.finish(owner, turnId, status, { type: "done", result }, result));
    }
    await log.release(owner, company, turnId).catch(() => {});
    return { session_id: request.sessionId, turn_id: turnId, status, result };
  }

  async function startedBefore(owner: Owner, turnId: string, sessionId: string): Promise<TurnStart> {
    const turn = await redisCall(() => log.get(owner, turnId));
    if (!turn) return { session_id: sessionId, turn_id: turnId, status: "running" };
    return { session_id: turn.session_id, turn_id: turnId, status: turn.status, ...(FINAL_STATUSES.has(turn.status) ? { result: turn.result } : {}) };
  }

  async function run(request: TurnRequest & { turnId: string }, owner: Owner, company: number, controller: AbortController): Promise<void> {
    const lang = langOf(request.user.lang);
    const recorder = createRecorder({ ...owner, dbSession: request.user.db_session }, request.turnId, request.sessionId);
    const heartbeat = setInterval(() => void log.heartbeat(owner, request.turnId).catch(() => {}), heartbeatMs);
    // the turn's place among the user's running answers is given back before it says it ended: a
    // panel that sends its next message as soon as it reads "done" is never told to wait
    const release = () => log.release(owner, company, request.turnId).catch(() => {});
    try {
      const result = await turns.runTurn(request, { signal: controller.signal, onEvent: recorder.emit });
      await release();
      await recorder.finish(result.stopped ? "stopped" : "done", { type: "done", result }, result);
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError("internal", {}, { cause: error });
      if (!(error instanceof AppError)) logger.error({ err: error, turnId: request.turnId }, "turn failed");
      const failure = { code: appError.code, message: appError.userMessage(lang) };
      await release();
      await recorder.finish("failed", { type: "error", ...failure }, undefined, failure).catch((cause: unknown) => {
        logger.warn({ err: cause, turnId: request.turnId }, "turn end not recorded");
      });
    } finally {
      clearInterval(heartbeat);
      local.delete(request.turnId);
    }
  }

  /** Logs a turn's events in order (text gathered a moment first) and hands them to the pusher. */
  function createRecorder(owner: Owner & { dbSession?: string | undefined }, turnId: string, sessionId: string) {
    let chain: Promise<unknown> = Promise.resolve();
    let text = "";
    let timer: NodeJS.Timeout | undefined;
    const write = (events: { type: string; [key: string]: unknown }[]) => {
      chain = chain
        .then(() => log.append(owner, turnId, events))
        .then((logged) => deps.pusher?.push(owner, turnId, sessionId, logged))
        .catch((error: unknown) => logger.warn({ err: error, turnId }, "turn event not logged"));
    };
    const flushText = () => {
      clearTimeout(timer);
      timer = undefined;
      if (!text) return;
      const gathered = text;
      text = "";
      write([{ type: "text", text: gathered }]);
    };
    return {
      emit(event: TurnEvent) {
        if (event.type === "text") {
          text += event.text;
          timer ??= setTimeout(flushText, TEXT_COALESCE_MS);
          return;
        }
        flushText();
        // the turn's end is written by `finish`, with its status
        if (event.type !== "done") write([event]);
      },
      async finish(status: Exclude<TurnStatus, "running">, event: { type: string; [key: string]: unknown }, result: TurnResult | undefined, error?: { code: string; message: string }) {
        flushText();
        await chain;
        const logged = await log.finish(owner, turnId, status, event, result, error);
        deps.pusher?.push(owner, turnId, sessionId, logged ? [logged] : [], true);
      },
    };
  }

  /** What a turn said after `after`, and its status; a turn whose process died ends as failed here. */
  async function read(user: OdooUser, turnId: string, after: number): Promise<TurnView> {
    const owner = ownerOf(user);
    let turn = await redisCall(() => log.get(owner, turnId));
    if (!turn) throw new AppError("not_found:turn");
    if (turn.status === "running" && !turn.alive && !local.has(turnId)) {
      // nobody refreshes it any more: the process running it was killed. Its proposals were only
      // proposals, and confirms commit in Odoo's own transaction: nothing half-written to undo.
      const failure = { code: "unavailable:agent_lost", message: new AppError("unavailable:agent_lost").userMessage(langOf(user.lang)) };
      const logged = await redisCall(() => log.finish(owner, turnId, "failed", { type: "error", ...failure }, undefined, failure));
      if (logged) deps.pusher?.push({ ...owner, dbSession: user.db_session }, turnId, turn.session_id, [logged], true);
      turn = (await redisCall(() => log.get(owner, turnId)))!;
    }
    const events = await redisCall(() => log.events(owner, turnId, after));
    const final = FINAL_STATUSES.has(turn.status);
    return { status: turn.status, session_id: turn.session_id, events, ...(final ? { result: turn.result ?? null } : {}) };
  }

  /** The session's newest turn, when it is still running (a panel reloaded during an answer resumes it). */
  async function running(user: OdooUser, sessionId: string): Promise<{ turn_id: string; message: string } | undefined> {
    const owner = ownerOf(user);
    const turnId = await redisCall(() => log.sessionTurn(owner, sessionId));
    if (!turnId) return undefined;
    const turn = await redisCall(() => log.get(owner, turnId));
    return turn?.status === "running" ? { turn_id: turnId, message: turn.message } : undefined;
  }

  /** Stops the session's running turn, whichever process runs it; answers whether one was running. */
  async function stop(user: OdooUser, sessionId: string): Promise<boolean> {
    const owner = ownerOf(user);
    const wasRunning = Boolean(await running(user, sessionId));
    const streamed = turns.stopTurn(user, sessionId);
    if (deps.stops) await redisCall(() => deps.stops!.publish({ ...owner, sessionId }));
    else abortLocal(owner, sessionId);
    return wasRunning || streamed;
  }

  return {
    start,
    startBridged,
    read,
    running,
    stop,
    /** The turns' keys go with the conversation, and with delete-all. */
    deleteSession: (user: OdooUser, sessionId: string) => redisCall(() => log.deleteSession(ownerOf(user), sessionId)),
    deleteAll: (user: OdooUser) => redisCall(() => log.deleteAll(ownerOf(user))),
    /** The turns of a session as kept (for the history export). */
    async exportSession(user: OdooUser, sessionId: string) {
      const owner = ownerOf(user);
      const ids = await redisCall(() => log.sessionTurns(owner, sessionId));
      const exported = [];
      for (const id of ids) {
        const turn = await redisCall(() => log.get(owner, id));
        if (turn) exported.push({ turn_id: id, status: turn.status, created_at: turn.created_at, events: await redisCall(() => log.events(owner, id, 0)) });
      }
      return exported;
    },
    /** Resolves when every turn this process runs has ended (tests, graceful shutdown). */
    async idle(): Promise<void> {
      while (background.size) await Promise.all([...background]);
      await deps.pusher?.flush();
    },
    /** Aborts the turns this process runs (shutdown). */
    abortAll(): void {
      for (const turn of local.values()) turn.controller.abort();
    },
  };
}

export type TurnJobs = ReturnType<typeof createTurnJobs>;

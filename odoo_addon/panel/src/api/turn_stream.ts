/**
 * A turn as the panel receives it (docs/contract.md, section A): `/copilot/chat` starts it and
 * answers at once with its id; its events — numbered from 1 — arrive on Odoo's bus
 * (`copilot/turn`, pushed by the agent through the addon), and `/copilot/turn {turn_id, after}`
 * answers those the panel has not seen: after a gap in the numbers, after a silence (a websocket
 * that a proxy does not route), or when following a turn started elsewhere (a reload, a tab).
 * No Odoo worker is held while the answer is written.
 */

import type { Rpc } from "../odoo/rpc";
import type { Action, ChatParams, StreamParams, TurnContext, TurnEvent, TurnResult } from "./types";

/** The bus notification type, as the addon sends it (copilot_bridge.py `_relay_turn_events`). */
export const TURN_BUS_TYPE = "copilot/turn";

export type TurnStatus = "running" | "done" | "failed" | "stopped";

/** `/copilot/chat`'s answer: the turn started (or, for a message already answered, its result). */
export interface TurnStart {
  session_id: string;
  turn_id: string;
  status: TurnStatus;
  result?: TurnResult;
}

/** One event as logged by the agent: `seq` from 1 per turn. */
export interface LoggedEvent {
  seq: number;
  type: string;
  [key: string]: unknown;
}

/** `/copilot/turn`'s answer. */
export interface TurnView {
  status: TurnStatus;
  session_id?: string;
  events: LoggedEvent[];
  result?: TurnResult | null;
}

export type ChatStream = (params: StreamParams & { context?: TurnContext }, onEvent: (event: TurnEvent) => void, signal?: AbortSignal) => Promise<void>;
export type FollowTurn = (turnId: string, after: number, onEvent: (event: TurnEvent) => void, signal?: AbortSignal) => Promise<void>;

export interface TurnStreamOptions {
  rpc: Rpc;
  /** Listens to the bus notifications of a type; answers the function that stops listening. */
  listen: (type: string, onPayload: (payload: unknown) => void) => () => void;
  /** With nothing heard for this long, the panel asks `/copilot/turn` (the websocket may not deliver). */
  silenceMs?: number;
  /** The first look, in case the turn ended before the panel listened. */
  firstLookMs?: number;
  /**
   * Once a turn ended: whether its events came over the bus (`true`), or by `/copilot/turn`
   * only (`false`: the websocket does not deliver). Settings shows what the panels report.
   */
  onDelivery?: (overBus: boolean) => void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A logged event as the store's TurnEvent; undefined for what the panel does not know. */
export function toTurnEvent(event: LoggedEvent): TurnEvent | undefined {
  switch (event.type) {
    case "start":
      return typeof event.session_id === "string" ? { type: "start", session_id: event.session_id, turn_id: String(event.turn_id ?? "") } : undefined;
    case "text":
      return typeof event.text === "string" ? { type: "text", text: event.text } : undefined;
    case "tool":
      return typeof event.tool === "string"
        ? { type: "tool", tool: event.tool, status: String(event.status ?? "started") as "started", ...(typeof event.label === "string" ? { label: event.label } : {}) }
        : undefined;
    case "action":
      return isObject(event.action) && typeof event.action.id === "string" ? { type: "action", action: event.action as unknown as Action } : undefined;
    case "card":
      return isObject(event.card) && typeof event.card.tool === "string" ? { type: "card", card: { tool: event.card.tool, data: event.card.data } } : undefined;
    case "done":
      return isObject(event.result) ? { type: "done", result: event.result as unknown as TurnResult } : undefined;
    case "error":
      return { type: "error", code: String(event.code ?? "internal"), message: String(event.message ?? "") };
    default:
      return undefined;
  }
}

export function createTurnStream(options: TurnStreamOptions): { chatStream: ChatStream; followTurn: FollowTurn; start: (params: ChatParams & { client_message_id?: string; context?: TurnContext }) => Promise<TurnStart> } {
  const silenceMs = options.silenceMs ?? 1500;
  const firstLookMs = options.firstLookMs ?? 700;

  const start = (params: ChatParams & { client_message_id?: string; context?: TurnContext }) =>
    options.rpc<TurnStart>("/copilot/chat", {
      message: params.message,
      ...(params.session_id ? { session_id: params.session_id } : {}),
      ...(params.client_message_id ? { client_message_id: params.client_message_id } : {}),
      ...(params.context && Object.keys(params.context).length ? { context: params.context } : {}),
    });

  /**
   * Passes the turn's events after `after` to `onEvent`, in order and once each, until its
   * `done` or `error`. Resolves then; rejects with the AbortError when `signal` aborts, or with
   * the RpcError of `/copilot/turn` when Odoo refuses (a turn of another user, expired).
   */
  const follow = (turnId: string, after: number, onEvent: (event: TurnEvent) => void, signal: AbortSignal | undefined, firstLook: number) =>
    new Promise<void>((resolve, reject) => {
      let last = after;
      let ended = false;
      let asking = false;
      let askAgain = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let failures = 0;
      let heard = 0;
      let polled = 0;
      const waiting = new Map<number, LoggedEvent>();

      const end = (error?: unknown) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        stopListening();
        signal?.removeEventListener("abort", onAbort);
        if (error === undefined && (heard || polled)) options.onDelivery?.(heard > 0);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onAbort = () => end(signal?.reason ?? new DOMException("Aborted", "AbortError"));

      const arm = (ms: number) => {
        clearTimeout(timer);
        if (!ended) timer = setTimeout(() => void ask(), ms);
      };

      const take = (events: LoggedEvent[]) => {
        for (const event of events) {
          if (isObject(event) && typeof event.seq === "number" && event.seq > last) waiting.set(event.seq, event);
        }
        while (!ended && waiting.has(last + 1)) {
          const event = waiting.get(last + 1)!;
          waiting.delete(last + 1);
          last += 1;
          const decoded = toTurnEvent(event);
          if (decoded) onEvent(decoded);
          if (event.type === "done" || event.type === "error") end();
        }
      };

      const ask = async () => {
        if (ended) return;
        if (asking) {
          askAgain = true;
          return;
        }
        asking = true;
        try {
          const view = await options.rpc<TurnView>("/copilot/turn", { turn_id: turnId, after: last });
          failures = 0;
          const events = Array.isArray(view.events) ? view.events : [];
          if (events.some((event) => isObject(event) && typeof event.seq === "number" && event.seq > last)) polled += 1;
          take(events);
          if (!ended && view.status !== "running") {
            // ended, and its last events were more than one answer holds: they come next;
            // or its final event is gone (expired): its result says how it ended
            if (view.events?.length) askAgain = true;
            else if (view.result) {
              onEvent({ type: "done", result: view.result });
              end();
            } else end();
          }
        } catch (error) {
          failures += 1;
          const kind = (error as { kind?: string }).kind;
          // Odoo unreachable for a moment: keep trying (slower); a refusal ends the turn here
          if (kind !== "network" && kind !== "http") return end(error);
          if (failures > 20) return end(error);
        } finally {
          asking = false;
        }
        if (ended) return;
        if (askAgain || waiting.size) {
          askAgain = false;
          void ask();
        } else arm(failures ? Math.min(10_000, silenceMs * 2 ** failures) : quiet());
      };

      // once the bus has delivered, a silence is the model thinking, not a lost websocket
      const quiet = () => (heard ? silenceMs * 4 : silenceMs);
      const stopListening = options.listen(TURN_BUS_TYPE, (payload) => {
        if (!isObject(payload) || payload.turn_id !== turnId || ended) return;
        heard += 1;
        const events = Array.isArray(payload.events) ? (payload.events as LoggedEvent[]) : [];
        take(events);
        if (ended) return;
        const lastSeq = typeof payload.last_seq === "number" ? payload.last_seq : last;
        // a gap (an event missed, or a batch too large for the bus): read what is missing now
        if (waiting.size || lastSeq > last) void ask();
        else arm(quiet());
      });
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort);
      arm(firstLook);
    });
  /** Follows a turn started elsewhere (a reload, another tab): what it said so far comes at once. */
  const followTurn: FollowTurn = (turnId, after, onEvent, signal) => follow(turnId, after, onEvent, signal, 0);

  const chatStream: ChatStream = async (params, onEvent, signal) => {
    const started = await start(params);
    if (signal?.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
    onEvent({ type: "start", session_id: started.session_id, turn_id: started.turn_id });
    if (started.status !== "running" && started.result) {
      // this message was answered before (a retry): its answer as it was
      onEvent({ type: "done", result: started.result });
      return;
    }
    await follow(started.turn_id, 0, onEvent, signal, firstLookMs);
  };

  return { chatStream, followTurn, start };
}

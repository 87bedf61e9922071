import { randomBytes } from "node:crypto";
import { sign } from "../http/signature.js";
import { dbHeaders } from "../odoo/gateway-client.js";
import type { Logger } from "../logger.js";
import type { Owner } from "../memory/conversation-store.js";
import type { LoggedEvent } from "../memory/turn-log.js";

/** The addon's route that puts a turn's events on Odoo's bus (docs/contract.md, (E)). */
export const PUSH_PATH = "/copilot/turn/push";
/** Above this, a batch is not pushed: the panel is told how far the turn got and reads the rest. */
const MAX_PUSH_BYTES = 48_000;

type Queue = {
  owner: Owner;
  dbSession?: string | undefined;
  sessionId: string;
  events: LoggedEvent[];
  sending: boolean;
  /** Sends the waiting push now (it was gathering the events of the moment). */
  fire: (() => void) | undefined;
  final: boolean;
};

/**
 * Pushes a turn's events to Odoo, which relays them to the user's open panels over its bus (served
 * in production by Odoo's gevent process). Batched: one request in flight per turn, the events that
 * arrive meanwhile go together in the next one, at most one every `intervalMs` — a few short
 * requests per turn (one for a turn shorter than `intervalMs`), never one per token. A push that fails is dropped: the panel notices the gap
 * in `seq` (or the silence) and reads the events from `/copilot/turn`.
 */
export function createEventPusher(options: {
  odooUrl: string;
  secret: string;
  logger: Logger;
  intervalMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}) {
  const interval = options.intervalMs ?? 250;
  const timeout = options.timeoutMs ?? 5_000;
  const doFetch = options.fetch ?? fetch;
  const queues = new Map<string, Queue>();
  const inFlight = new Set<Promise<void>>();

  async function post(owner: Owner, dbSession: string | undefined, turnId: string, sessionId: string, events: LoggedEvent[]): Promise<void> {
    const push = { db: owner.db, uid: owner.uid, turn_id: turnId, session_id: sessionId, events, last_seq: events.at(-1)?.seq ?? 0 };
    let payload = JSON.stringify(push);
    if (payload.length > MAX_PUSH_BYTES) payload = JSON.stringify({ ...push, events: [] });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString("base64url");
    try {
      const response = await doFetch(`${options.odooUrl}${PUSH_PATH}`, {
        method: "POST",
        headers: {
          ...dbHeaders(owner.db, dbSession),
          "X-Copilot-Timestamp": timestamp,
          "X-Copilot-Nonce": nonce,
          "X-Copilot-Signature": sign(options.secret, { timestamp, nonce, method: "POST", path: PUSH_PATH, body: payload }),
        },
        body: payload,
        signal: AbortSignal.timeout(timeout),
      });
      await response.body?.cancel().catch(() => {});
      if (!response.ok) options.logger.info({ turnId, status: response.status }, "turn events not pushed to Odoo");
    } catch (error) {
      options.logger.info({ turnId, err: (error as Error).message }, "turn events not pushed to Odoo");
    }
  }

  async function drain(turnId: string, queue: Queue): Promise<void> {
    queue.sending = true;
    try {
      while (queue.events.length) {
        const batch = queue.events.splice(0, queue.events.length);
        await post(queue.owner, queue.dbSession, turnId, queue.sessionId, batch);
        if (queue.events.length && !queue.final) await new Promise((resolve) => setTimeout(resolve, interval));
      }
    } finally {
      queue.sending = false;
      if (queue.final) queues.delete(turnId);
    }
  }

  return {
    /** Queues events of a turn; `final` after its last event (sent without waiting). */
    push(owner: Owner & { dbSession?: string | undefined }, turnId: string, sessionId: string, events: LoggedEvent[], final = false): void {
      if (!events.length && !final) return;
      let queue = queues.get(turnId);
      if (!queue) {
        queue = { owner: { db: owner.db, uid: owner.uid }, dbSession: owner.dbSession, sessionId, events: [], sending: false, fire: undefined, final: false };
        queues.set(turnId, queue);
      }
      queue.events.push(...events);
      queue.final ||= final;
      if (queue.sending) return; // the running drain sends them next
      if (!queue.events.length) {
        if (queue.final) queues.delete(turnId);
        return;
      }
      if (queue.fire) {
        // the last events go at once, with those that were waiting
        if (final) queue.fire();
        return;
      }
      const ready = queue;
      // Wait a moment, so the events of that moment go in one request: a turn that ends within
      // it (most offline turns) costs Odoo one push in all; a long one, one every `interval`.
      const started = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, final ? 0 : interval);
        ready.fire = () => {
          clearTimeout(timer);
          resolve();
        };
      }).then(() => {
        ready.fire = undefined;
        return ready.sending ? undefined : drain(turnId, ready);
      });
      inFlight.add(started);
      void started.finally(() => inFlight.delete(started));
    },
    /** Resolves once every queued push was sent (tests, shutdown). */
    async flush(): Promise<void> {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}

export type EventPusher = ReturnType<typeof createEventPusher>;

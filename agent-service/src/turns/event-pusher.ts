import { randomBytes } from "node:crypto";
import { sign } from "../http/signature.js";
import { dbHeaders } from "../odoo/gateway-client.js";
import type { Logger } from "../logger.js";
import type { Owner } from "../memory/conversation-store.js";
import type { LoggedEvent } from "../memory/turn-log.js";

/** The addon's route that puts turns' events on Odoo's bus (docs/contract.md, (E)). */
export const PUSH_PATH = "/copilot/turn/push";
/** Above this, a turn's events are not pushed: the panel is told how far the turn got and reads the rest. */
const MAX_TURN_BYTES = 48_000;
/** A request carries the turns of the moment up to about this size; more go in the next one. */
const MAX_REQUEST_BYTES = 64_000;

/** One turn's events in a push (the addon sends them to the turn's user, one bus notification). */
type TurnPush = { uid: number; turn_id: string; session_id: string; events: LoggedEvent[]; last_seq: number };

type Batch = {
  db: string;
  dbSession?: string | undefined;
  /** The turns with events waiting, in the order they came (a Map keeps it). */
  turns: Map<string, { uid: number; sessionId: string; events: LoggedEvent[] }>;
  sending: boolean;
  /** Sends the waiting push now (it was gathering the events of the moment). */
  fire: (() => void) | undefined;
  /** A turn ended: what is waiting goes without waiting for the interval. */
  urgent: boolean;
};

/**
 * Pushes turns' events to Odoo, which relays them to the users' open panels over its bus (served
 * in production by Odoo's gevent process). Batched per database, across turns: one request in
 * flight per database, the events of every turn that arrive meanwhile go together in the next one,
 * at most one every `intervalMs` — so Odoo's workers spend one short request per interval on all
 * the turns running at once, not one per turn (8 sellers asking at once: a quarter of the pushes),
 * and never one per token. A turn's last events go at once, with whatever else is waiting. A push
 * that fails is dropped: the panel notices the gap in `seq` (or the silence) and reads the events
 * from `/copilot/turn`.
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
  const batches = new Map<string, Batch>();
  const inFlight = new Set<Promise<void>>();

  async function post(batch: Batch, turns: TurnPush[]): Promise<void> {
    const payload = JSON.stringify({ db: batch.db, turns });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString("base64url");
    const turnIds = turns.map((turn) => turn.turn_id);
    try {
      const response = await doFetch(`${options.odooUrl}${PUSH_PATH}`, {
        method: "POST",
        headers: {
          ...dbHeaders(batch.db, batch.dbSession),
          "X-Copilot-Timestamp": timestamp,
          "X-Copilot-Nonce": nonce,
          "X-Copilot-Signature": sign(options.secret, { timestamp, nonce, method: "POST", path: PUSH_PATH, body: payload }),
        },
        body: payload,
        signal: AbortSignal.timeout(timeout),
      });
      await response.body?.cancel().catch(() => {});
      if (!response.ok) options.logger.info({ turnIds, status: response.status }, "turn events not pushed to Odoo");
    } catch (error) {
      options.logger.info({ turnIds, err: (error as Error).message }, "turn events not pushed to Odoo");
    }
  }

  /** The waiting turns as requests of a bounded size; a turn too large goes as its `last_seq` only. */
  function requests(batch: Batch): TurnPush[][] {
    const all: TurnPush[][] = [];
    let current: TurnPush[] = [];
    let size = 0;
    for (const [turnId, turn] of batch.turns) {
      let push: TurnPush = { uid: turn.uid, turn_id: turnId, session_id: turn.sessionId, events: turn.events, last_seq: turn.events.at(-1)?.seq ?? 0 };
      let bytes = JSON.stringify(push).length;
      if (bytes > MAX_TURN_BYTES) {
        push = { ...push, events: [] };
        bytes = JSON.stringify(push).length;
      }
      if (current.length && size + bytes > MAX_REQUEST_BYTES) {
        all.push(current);
        current = [];
        size = 0;
      }
      current.push(push);
      size += bytes;
    }
    if (current.length) all.push(current);
    batch.turns.clear();
    return all;
  }

  async function drain(key: string, batch: Batch): Promise<void> {
    batch.sending = true;
    try {
      while (batch.turns.size) {
        batch.urgent = false;
        for (const turns of requests(batch)) await post(batch, turns);
        if (batch.turns.size && !batch.urgent) await wait(batch, interval);
      }
    } finally {
      batch.sending = false;
      if (!batch.turns.size && batches.get(key) === batch) batches.delete(key);
    }
  }

  /** Waits `ms`, or less if a turn ends meanwhile (`fire`). */
  function wait(batch: Batch, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      batch.fire = () => {
        clearTimeout(timer);
        resolve();
      };
    }).then(() => {
      batch.fire = undefined;
    });
  }

  return {
    /** Queues events of a turn; `final` after its last event (sent without waiting). */
    push(owner: Owner & { dbSession?: string | undefined }, turnId: string, sessionId: string, events: LoggedEvent[], final = false): void {
      const key = owner.db;
      let batch = batches.get(key);
      if (!events.length) {
        // a turn that ends with nothing more to say: what is waiting goes now
        if (final && batch) {
          batch.urgent = true;
          batch.fire?.();
        }
        return;
      }
      if (!batch) {
        batch = { db: owner.db, turns: new Map(), sending: false, fire: undefined, urgent: false };
        batches.set(key, batch);
      }
      if (owner.dbSession) batch.dbSession = owner.dbSession;
      const turn = batch.turns.get(turnId);
      if (turn) turn.events.push(...events);
      else batch.turns.set(turnId, { uid: owner.uid, sessionId, events: [...events] });
      if (final) {
        batch.urgent = true;
        batch.fire?.();
      }
      if (batch.sending || batch.fire) return; // the running drain, or the waiting one, sends them
      const ready = batch;
      // Wait a moment, so the events of that moment go in one request: a turn that ends within
      // it (most offline turns) costs Odoo one push in all, shared with the turns of that moment.
      const started = wait(ready, final ? 0 : interval).then(() => (ready.sending ? undefined : drain(key, ready)));
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

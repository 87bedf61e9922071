import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { createEventPusher } from "../../src/turns/event-pusher.js";

const owner = { db: "copilot_demo", uid: 2 };
const ev = (seq: number, type = "text") => ({ seq, type });

type Sent = { turn_id: string; uid: number; events: { seq: number }[]; last_seq: number; headers: Record<string, string>; request: number };

/** Records each turn of each push request (`request` numbers the request that carried it). */
function recorder() {
  const sent: Sent[] = [];
  let requests = 0;
  const fetch = (async (_url: string, init: { body: string; headers: Record<string, string> }) => {
    requests += 1;
    const body = JSON.parse(init.body) as { db: string; turns: Omit<Sent, "headers" | "request">[] };
    expect(body.db).toBe("copilot_demo");
    for (const turn of body.turns) sent.push({ ...turn, headers: init.headers, request: requests });
    return new Response("{}", { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return { sent, fetch, requests: () => requests };
}

describe("the event pusher (turn events to Odoo's bus)", () => {
  it("a turn shorter than the interval costs Odoo one push, sent as soon as the turn ends", async () => {
    const { sent, fetch } = recorder();
    const pusher = createEventPusher({ odooUrl: "http://odoo", secret: "s".repeat(20), logger: createLogger("silent"), intervalMs: 10_000, fetch });
    pusher.push({ ...owner, dbSession: "sid_1" }, "turn_a", "s1", [ev(1, "start")]);
    pusher.push(owner, "turn_a", "s1", [ev(2), ev(3)]);
    pusher.push(owner, "turn_a", "s1", [ev(4, "done")], true);
    await pusher.flush();
    expect(sent.map((push) => push.events.map((event) => event.seq))).toEqual([[1, 2, 3, 4]]);
    expect(sent[0]!.last_seq).toBe(4);
    expect(sent[0]!.headers).toMatchObject({ "X-Odoo-Database": "copilot_demo", Cookie: "session_id=sid_1" });
  });

  it("a long turn: a push every interval at most, in order, nothing lost", async () => {
    const { sent, fetch } = recorder();
    const pusher = createEventPusher({ odooUrl: "http://odoo", secret: "s".repeat(20), logger: createLogger("silent"), intervalMs: 20, fetch });
    for (let seq = 1; seq <= 30; seq += 1) {
      pusher.push(owner, "turn_b", "s1", [ev(seq)], seq === 30);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await pusher.flush();
    const seqs = sent.flatMap((push) => push.events.map((event) => event.seq));
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(sent.length).toBeLessThan(15);
  });

  it("turns running at once share their pushes: one request per interval for all, each turn's events in order", async () => {
    const { sent, fetch, requests } = recorder();
    const pusher = createEventPusher({ odooUrl: "http://odoo", secret: "s".repeat(20), logger: createLogger("silent"), intervalMs: 20, fetch });
    const turns = Array.from({ length: 8 }, (_, index) => ({ turn: `turn_${index}`, uid: 10 + index }));
    for (let seq = 1; seq <= 10; seq += 1) {
      for (const { turn, uid } of turns) pusher.push({ db: "copilot_demo", uid }, turn, `s_${turn}`, [ev(seq)], seq === 10);
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    await pusher.flush();
    for (const { turn, uid } of turns) {
      const mine = sent.filter((push) => push.turn_id === turn);
      expect(mine.every((push) => push.uid === uid)).toBe(true);
      expect(mine.flatMap((push) => push.events.map((event) => event.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    // one per turn and per interval would be 8 × (pushes of one turn): shared, it is the turn's count
    const perTurn = new Set(sent.filter((push) => push.turn_id === "turn_0").map((push) => push.request)).size;
    expect(requests()).toBeLessThanOrEqual(perTurn + 1);
    expect(requests()).toBeLessThan(8);
  });

  it("the other databases' turns go in their own requests", async () => {
    const bodies: { db: string; turns: { turn_id: string }[]; database?: string }[] = [];
    const fetch = (async (_url: string, init: { body: string; headers: Record<string, string> }) => {
      bodies.push({ ...JSON.parse(init.body), database: init.headers["X-Odoo-Database"] });
      return new Response("{}", { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const pusher = createEventPusher({ odooUrl: "http://odoo", secret: "s".repeat(20), logger: createLogger("silent"), intervalMs: 10_000, fetch });
    pusher.push({ db: "db_a", uid: 2 }, "turn_a", "s1", [ev(1)], true);
    pusher.push({ db: "db_b", uid: 2 }, "turn_b", "s2", [ev(1)], true);
    await pusher.flush();
    expect(bodies.map((body) => [body.db, body.database, body.turns.map((turn) => turn.turn_id)]).sort()).toEqual([
      ["db_a", "db_a", ["turn_a"]],
      ["db_b", "db_b", ["turn_b"]],
    ]);
  });

  it("a batch too large for the bus is sent as `last_seq` only (the panel reads the rest)", async () => {
    const { sent, fetch } = recorder();
    const pusher = createEventPusher({ odooUrl: "http://odoo", secret: "s".repeat(20), logger: createLogger("silent"), fetch });
    pusher.push(owner, "turn_c", "s1", [{ seq: 1, type: "card", card: { data: "x".repeat(60_000) } }], true);
    await pusher.flush();
    pusher.push(owner, "turn_d", "s2", [ev(1, "start")]);
    pusher.push(owner, "turn_c", "s1", [{ seq: 2, type: "card", card: { data: "y".repeat(60_000) } }], true);
    await pusher.flush();
    expect(sent).toMatchObject([{ turn_id: "turn_c", events: [], last_seq: 1 }, { turn_id: "turn_d", events: [{ seq: 1 }] }, { turn_id: "turn_c", events: [], last_seq: 2 }]);
  });
});

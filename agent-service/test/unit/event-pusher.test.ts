import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { createEventPusher } from "../../src/turns/event-pusher.js";

const owner = { db: "copilot_demo", uid: 2 };
const ev = (seq: number, type = "text") => ({ seq, type });

function recorder() {
  const sent: { events: { seq: number }[]; last_seq: number; headers: Record<string, string> }[] = [];
  const fetch = (async (_url: string, init: { body: string; headers: Record<string, string> }) => {
    sent.push({ ...JSON.parse(init.body), headers: init.headers });
    return new Response("{}", { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return { sent, fetch };
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

  it("a batch too large for the bus is sent as `last_seq` only (the panel reads the rest)", async () => {
    const { sent, fetch } = recorder();
    const pusher = createEventPusher({ odooUrl: "http://odoo", secret: "s".repeat(20), logger: createLogger("silent"), fetch });
    pusher.push(owner, "turn_c", "s1", [{ seq: 1, type: "card", card: { data: "x".repeat(60_000) } }], true);
    await pusher.flush();
    expect(sent).toMatchObject([{ events: [], last_seq: 1 }]);
  });
});

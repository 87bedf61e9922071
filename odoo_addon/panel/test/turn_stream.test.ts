import { describe, expect, it } from "vitest";

import { createTurnStream, type LoggedEvent, type TurnView } from "../src/api/turn_stream";
import type { TurnEvent } from "../src/api/types";
import { RpcError, type Rpc } from "../src/odoo/rpc";

/**
 * Odoo as the turn stream meets it: `/copilot/chat` starts turn_1, `/copilot/turn` answers the
 * logged events after `after`, and a bus the test drives (what the agent pushed, or nothing).
 */
function odoo(log: LoggedEvent[], options: { status?: () => TurnView["status"]; refuse?: boolean } = {}) {
  const asked: { route: string; params: Record<string, unknown> }[] = [];
  const listeners = new Set<(payload: unknown) => void>();
  const rpc: Rpc = async <T>(route: string, params: Record<string, unknown> = {}) => {
    asked.push({ route, params });
    if (route === "/copilot/chat") return { session_id: "s1", turn_id: "turn_1", status: "running" } as T;
    if (route === "/copilot/turn") {
      if (options.refuse) throw new RpcError("server", "This answer is no longer available.");
      const after = Number(params.after ?? 0);
      const status = options.status?.() ?? (log.some((event) => event.type === "done") ? "done" : "running");
      return { status, events: log.filter((event) => event.seq > after), ...(status !== "running" ? { result: null } : {}) } as T;
    }
    throw new Error(`unexpected ${route}`);
  };
  return {
    rpc,
    asked,
    listen: (_type: string, onPayload: (payload: unknown) => void) => {
      listeners.add(onPayload);
      return () => listeners.delete(onPayload);
    },
    bus: (payload: unknown) => {
      for (const listener of listeners) listener(payload);
    },
    listening: () => listeners.size,
  };
}

const done = { session_id: "s1", reply: "Bonjour", actions: [], message_id: "m1", steps: [], stopped: false, choices: [] };
const LOG: LoggedEvent[] = [
  { seq: 1, type: "start", session_id: "s1", turn_id: "turn_1" },
  { seq: 2, type: "text", text: "Bon" },
  { seq: 3, type: "text", text: "jour" },
  { seq: 4, type: "done", result: done },
];

const texts = (events: TurnEvent[]) => events.filter((event) => event.type === "text").map((event) => (event as { text: string }).text);

describe("a turn's events (bus, then /copilot/turn)", () => {
  it("passes the bus's events in order and once, and reads a gap from /copilot/turn with `after`", async () => {
    const server = odoo(LOG);
    const delivered: boolean[] = [];
    const stream = createTurnStream({ rpc: server.rpc, listen: server.listen, silenceMs: 10_000, firstLookMs: 10_000, onDelivery: (overBus) => delivered.push(overBus) });
    const events: TurnEvent[] = [];
    const finished = stream.chatStream({ message: "Salut", client_message_id: "cm_1" }, (event) => events.push(event));
    await new Promise((resolve) => setTimeout(resolve, 10));
    server.bus({ turn_id: "turn_1", events: [LOG[0], LOG[1]], last_seq: 2 });
    server.bus({ turn_id: "turn_1", events: [LOG[1]], last_seq: 2 }); // a repeat
    server.bus({ turn_id: "other", events: [LOG[2]], last_seq: 3 }); // another turn's
    expect(texts(events)).toEqual(["Bon"]);
    server.bus({ turn_id: "turn_1", events: [LOG[3]], last_seq: 4 }); // 3 was missed
    await finished;
    expect(texts(events)).toEqual(["Bon", "jour"]);
    expect(events.at(-1)).toEqual({ type: "done", result: done });
    const reads = server.asked.filter((entry) => entry.route === "/copilot/turn");
    expect(reads).toEqual([{ route: "/copilot/turn", params: { turn_id: "turn_1", after: 2 } }]);
    expect(server.listening()).toBe(0);
    expect(delivered).toEqual([true]);
  });

  it("reads the turn from /copilot/turn when the bus says nothing (a websocket the proxy does not route)", async () => {
    const log: LoggedEvent[] = [LOG[0]!];
    const server = odoo(log);
    const delivered: boolean[] = [];
    const stream = createTurnStream({ rpc: server.rpc, listen: server.listen, silenceMs: 15, firstLookMs: 5, onDelivery: (overBus) => delivered.push(overBus) });
    const events: TurnEvent[] = [];
    const finished = stream.chatStream({ message: "Salut", client_message_id: "cm_2" }, (event) => events.push(event));
    await new Promise((resolve) => setTimeout(resolve, 30));
    log.push(LOG[1]!, LOG[2]!);
    await new Promise((resolve) => setTimeout(resolve, 30));
    log.push(LOG[3]!);
    await finished;
    expect(texts(events)).toEqual(["Bon", "jour"]);
    expect(events.filter((event) => event.type === "done")).toHaveLength(1);
    const afters = server.asked.filter((entry) => entry.route === "/copilot/turn").map((entry) => entry.params.after);
    // each read asks only for what is new
    expect(afters[0]).toBe(0);
    expect(afters.at(-1)).toBe(3);
    // what Settings will say: the websocket did not deliver
    expect(delivered).toEqual([false]);
  });

  it("follows a turn started elsewhere from its first event (a reload, another tab)", async () => {
    const server = odoo(LOG);
    const stream = createTurnStream({ rpc: server.rpc, listen: server.listen });
    const events: TurnEvent[] = [];
    await stream.followTurn("turn_1", 0, (event) => events.push(event));
    expect(events.map((event) => event.type)).toEqual(["start", "text", "text", "done"]);
  });

  it("ends with the turn's error event, and rejects when Odoo refuses to show the turn", async () => {
    const failing = odoo([{ seq: 1, type: "error", code: "unavailable:agent_lost", message: "Le service du copilote s'est arrêté." }]);
    const events: TurnEvent[] = [];
    await createTurnStream({ rpc: failing.rpc, listen: failing.listen }).followTurn("turn_1", 0, (event) => events.push(event));
    expect(events).toEqual([{ type: "error", code: "unavailable:agent_lost", message: "Le service du copilote s'est arrêté." }]);

    const refused = odoo(LOG, { refuse: true });
    await expect(createTurnStream({ rpc: refused.rpc, listen: refused.listen }).followTurn("turn_1", 0, () => {})).rejects.toMatchObject({ kind: "server" });
  });

  it("stops listening when aborted", async () => {
    const server = odoo([LOG[0]!]);
    const stream = createTurnStream({ rpc: server.rpc, listen: server.listen, silenceMs: 10_000, firstLookMs: 10_000 });
    const controller = new AbortController();
    const following = stream.followTurn("turn_1", 1, () => {}, controller.signal);
    controller.abort();
    await expect(following).rejects.toBeDefined();
    expect(server.listening()).toBe(0);
  });
});

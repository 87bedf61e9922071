import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, DEMO, TEST_SECRET, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";
import { bridged } from "../helpers/bridge.js";
import { startOdooDouble, type OdooDouble } from "../helpers/odoo-double.js";
import { freePort } from "../helpers/redis-server.js";

const QUOTE = "Crée moi un devis pour le client Deco Addict avec 3 Office Chair et 2 Office Lamp";
const STOCK = "What is the stock of Large Cabinet?";

/** Reads a turn from `app` until it ended: its events, status and result. */
async function untilEnded(app: TestApp, user: typeof ADMIN, turnId: string, timeoutMs = 8_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await app.call("GET", `/v1/turns/${turnId}?db=${user.db}&uid=${user.uid}&lang=${user.lang}&after=0`);
    expect(status).toBe(200);
    if (body.status !== "running") return body;
    if (Date.now() > deadline) throw new Error(`turn ${turnId} still running`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Asynchronous turns (docs/production.md): the addon starts a turn and is answered at once; any
 * agent process answers for it afterwards (its events, Stop, the confirm of what it proposed).
 * Two apps on one Redis and one key prefix are two replicas of the service.
 */
describe("asynchronous turns, served by any replica", () => {
  let double: OdooDouble;
  let a: TestApp;
  let b: TestApp;
  const prefix = `test:replicas:${Date.now()}:`;
  beforeAll(async () => {
    double = await startOdooDouble({ secret: TEST_SECRET, db: ADMIN.db });
    a = await buildTestApp({ double, prefix });
    b = await buildTestApp({ double, prefix });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await double.close();
  });

  const start = (app: TestApp, message: string, sessionId = newSessionId(), user = ADMIN, extra: Record<string, unknown> = {}) =>
    app.call("POST", "/v1/turns/start", { ...app.as(user, sessionId), session_id: sessionId, message, ...extra });

  it("answers at once with the turn's id; the other replica reads its events, numbered from 1, and `after` gives exactly the rest", async () => {
    const sessionId = newSessionId();
    const user = { ...ADMIN, db_session: "dbsession_0123456789" };
    const started = await start(a, STOCK, sessionId, user);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ session_id: sessionId, status: "running" });
    expect(started.body.turn_id).toMatch(/^turn_/);
    expect(started.body.result).toBeUndefined();

    const view = await untilEnded(b, ADMIN, started.body.turn_id);
    expect(view.status).toBe("done");
    expect(view.events.map((event: { seq: number }) => event.seq)).toEqual(view.events.map((_: unknown, index: number) => index + 1));
    expect(view.events[0]).toMatchObject({ seq: 1, type: "start", session_id: sessionId, turn_id: started.body.turn_id });
    expect(view.events.at(-1)).toMatchObject({ type: "done", result: { session_id: sessionId, stopped: false } });
    expect(view.result.reply).toContain("Large Cabinet");
    expect(view.events.map((event: { type: string }) => event.type)).toContain("card");

    const rest = await b.call("GET", `/v1/turns/${started.body.turn_id}?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=en_US&after=2`);
    expect(rest.body.events).toEqual(view.events.slice(2));

    // the events were pushed to Odoo as they came, signed, naming the database, in order
    await a.jobs.idle();
    const pushed = double.pushes.filter((push) => push.turn_id === started.body.turn_id).flatMap((push) => push.events);
    expect(pushed.map((event) => event.seq)).toEqual(view.events.map((event: { seq: number }) => event.seq));
    // the database named by the session the addon made for it (17/18) and by X-Odoo-Database (19)
    expect(double.pushes.find((push) => push.turn_id === started.body.turn_id)).toMatchObject({ db: ADMIN.db, uid: ADMIN.uid, session_id: sessionId, cookie: "session_id=dbsession_0123456789" });

    // another user cannot read it
    const other = await b.call("GET", `/v1/turns/${started.body.turn_id}?db=${DEMO.db}&uid=${DEMO.uid}&lang=en_US`);
    expect(other.status).toBe(404);
    // and the conversation holds the exchange, with no running turn left
    const history = await b.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=en_US`);
    expect(history.body.messages).toHaveLength(2);
    expect(history.body.running_turn).toBeUndefined();
  });

  it("a turn named by the addon runs under that id, its token serving that turn only", async () => {
    const sessionId = newSessionId();
    const turnId = "turn_named_by_addon_01";
    const started = await a.call("POST", "/v1/turns/start", { ...a.as(ADMIN, sessionId, turnId), session_id: sessionId, turn_id: turnId, message: STOCK });
    expect(started.body.turn_id).toBe(turnId);
    const view = await untilEnded(b, ADMIN, turnId);
    expect(view.status).toBe("done");
    expect(view.result.reply).toContain("Large Cabinet");
    // a token made for another turn is refused by the gateway: the turn cannot read Odoo
    const other = await a.call("POST", "/v1/turns/start", { ...a.as(ADMIN, sessionId, "turn_another_one_01"), session_id: sessionId, turn_id: "turn_named_by_addon_02", message: STOCK });
    const refused = await untilEnded(b, ADMIN, other.body.turn_id);
    expect(refused.result?.reply ?? "").not.toMatch(/500/);
  });

  it("a retried start (same client message id) answers the same turn, and its result once it ended", async () => {
    const sessionId = newSessionId();
    const first = await start(a, STOCK, sessionId, ADMIN, { client_message_id: "cm_retry_1" });
    const again = await start(b, STOCK, sessionId, ADMIN, { client_message_id: "cm_retry_1" });
    expect(again.body.turn_id).toBe(first.body.turn_id);
    await untilEnded(a, ADMIN, first.body.turn_id);
    const late = await start(b, STOCK, sessionId, ADMIN, { client_message_id: "cm_retry_1" });
    expect(late.body).toMatchObject({ turn_id: first.body.turn_id, status: "done", result: { session_id: sessionId } });
  });

  it("a reload before the first answer's conversation is stored finds the answer running, not 'no such conversation'", async () => {
    const sessionId = newSessionId();
    // the conversation's lock held elsewhere: the turn has started, and stored nothing yet
    const lock = `${prefix}${encodeURIComponent(ADMIN.db)}:${ADMIN.uid}:s:${sessionId}:lock`;
    await a.redis.set(lock, "another-holder", "PX", 10_000);
    const started = await start(a, STOCK, sessionId);
    const history = await b.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=en_US`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual({ session_id: sessionId, messages: [], running_turn: { turn_id: started.body.turn_id, message: STOCK } });
    await a.redis.del(lock);
    expect((await untilEnded(b, ADMIN, started.body.turn_id)).status).toBe("done");
    // a conversation that does not exist is still not found
    expect((await b.call("GET", `/v1/sessions/${newSessionId()}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=en_US`)).status).toBe(404);
  });

  it("Stop received by one replica stops the turn the other runs, and a reload meanwhile finds it running", async () => {
    const sessionId = newSessionId();
    double.setDelay(600);
    try {
      const started = await start(a, STOCK, sessionId);
      // the turn waits on Odoo: a panel reloaded now is told to follow it
      const history = await b.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=en_US`);
      expect(history.body.running_turn).toEqual({ turn_id: started.body.turn_id, message: STOCK });
      const stopped = await b.call("POST", `/v1/sessions/${sessionId}/stop`, { user: ADMIN });
      expect(stopped.body).toEqual({ stopped: true });
      const view = await untilEnded(b, ADMIN, started.body.turn_id);
      expect(view.status).toBe("stopped");
      expect(view.result.stopped).toBe(true);
    } finally {
      double.setDelay(0);
    }
  });

  it("a quotation proposed by a turn of one replica is confirmed through the other, in the waiting request (bridge), once", async () => {
    const sessionId = newSessionId();
    const started = await start(a, QUOTE, sessionId);
    const view = await untilEnded(a, ADMIN, started.body.turn_id);
    const [action] = view.result.actions;
    expect(action).toMatchObject({ tool: "create_quotation", status: "proposed" });
    const before = double.records("sale.order").length;
    const gatewayCalls = double.calls.length;

    const confirmed = await bridged(b, ADMIN, `/v1/actions/${action.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.action).toMatchObject({ id: action.id, status: "done", record: { model: "sale.order" } });
    expect(confirmed.calls).toBeGreaterThan(0);
    expect(double.records("sale.order").length).toBe(before + 1);
    // every ORM call of the confirm ran in the bridge: none came back as a request of its own
    expect(double.calls.length - gatewayCalls).toBe(confirmed.calls);
    expect(double.actionLog.filter((entry) => entry.action_id === action.id).map((entry) => entry.method)).toEqual(["create"]);

    const twice = await bridged(a, ADMIN, `/v1/actions/${action.id}/confirm`);
    expect(twice.body.action).toEqual(confirmed.body.action);
    expect(double.records("sale.order").length).toBe(before + 1);
  });

  it("refuses replies that do not answer the calls made, and the action can be confirmed afterwards", async () => {
    const sessionId = newSessionId();
    const view = await untilEnded(a, ADMIN, (await start(a, QUOTE, sessionId)).body.turn_id);
    const [action] = view.result.actions;
    const first = await a.call("POST", `/v1/actions/${action.id}/confirm`, { user: ADMIN, bridge: { replies: [] } });
    expect(first.body.call).toMatchObject({ model: "sale.order", method: "create" });
    const forged = await a.call("POST", `/v1/actions/${action.id}/confirm`, {
      user: ADMIN,
      bridge: { replies: [{ key: "not-this-call", result: 999 }], claim: first.body.claim },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe("bad_request:bridge");
    const confirmed = await bridged(b, ADMIN, `/v1/actions/${action.id}/confirm`);
    expect(confirmed.body.action.status).toBe("done");
  });

  it("an offline turn runs in the waiting request: its calls come back to it, then its result; Odoo is never called on the side", async () => {
    const sessionId = newSessionId();
    const user = { ...ADMIN };
    const gatewayCalls = double.calls.length;
    const pushes = double.pushes.length;
    const answer = await bridged(a, user, "/v1/turns/start", { ...a.as(user, sessionId), session_id: sessionId, message: QUOTE, client_message_id: "cm_bridged_1" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ session_id: sessionId, status: "done", result: { session_id: sessionId, mode: "offline" } });
    expect(answer.body.turn_id).toMatch(/^turn_claim_/);
    const [action] = answer.body.result.actions;
    expect(action).toMatchObject({ tool: "create_quotation", status: "proposed", preview: { amount_total: 333.5 } });
    // every ORM call of the turn was one the waiting request ran (the double counts them as served)
    expect(double.calls.length - gatewayCalls).toBe(answer.calls);
    // no event of this turn was pushed to Odoo (another test's late push may land meanwhile)
    expect(double.pushes.slice(pushes).filter((push) => push.turn_id === answer.body.turn_id)).toEqual([]);
    // the turn is logged like any other: another replica reads it, a reload finds it ended
    const view = await untilEnded(b, ADMIN, answer.body.turn_id);
    expect(view.status).toBe("done");
    expect(view.events.map((event: { type: string }) => event.type)).toEqual(expect.arrayContaining(["start", "action", "done"]));
    // and the action it proposed is the one stored, confirmed once through the bridge
    const confirmed = await bridged(b, ADMIN, `/v1/actions/${action.id}/confirm`);
    expect(confirmed.body.action).toMatchObject({ id: action.id, status: "done" });
    // a retried request (same client message id) answers the same turn and result
    const again = await a.call("POST", "/v1/turns/start", { ...a.as(user, sessionId), session_id: sessionId, message: QUOTE, client_message_id: "cm_bridged_1", bridge: { replies: [], claim: "claim_other_request" } });
    expect(again.body).toMatchObject({ turn_id: answer.body.turn_id, status: "done" });
    const history = await b.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=en_US`);
    expect(history.body.messages).toHaveLength(2);

    // with the user's tools known to this replica, a stock question costs Odoo the planner's one
    // search for what the request names, the read, and where the stock is (its quants)
    const before = double.calls.length;
    const stock = await bridged(a, user, "/v1/turns/start", { ...a.as(user, newSessionId()), session_id: newSessionId(), message: STOCK });
    expect(stock.body.result.reply).toContain("Large Cabinet");
    expect(double.calls.slice(before).map((call) => `${call.model}.${call.method}`)).toEqual(["copilot.lookup.find", "product.product.search_read", "stock.quant.search_read"]);
  });

  it("edits quantities through the bridge too", async () => {
    const view = await untilEnded(a, ADMIN, (await start(a, QUOTE)).body.turn_id);
    const [action] = view.result.actions;
    const revised = await bridged(b, ADMIN, `/v1/actions/${action.id}/revise`, { quantities: [5, 0] });
    expect(revised.status).toBe(200);
    expect(revised.body.action.preview.amount_total).toBe(402.5);
  });
});

describe("turns running at once", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ inflight: { user: 1, company: 2 } });
  });
  afterAll(async () => {
    await app.close();
  });

  it("a user has at most their bound running; the next start is refused with a translated message, nothing forwarded", async () => {
    app.double.setDelay(400);
    try {
      const first = await app.call("POST", "/v1/turns/start", { ...app.as(ADMIN), session_id: newSessionId(), message: STOCK });
      expect(first.status).toBe(202);
      const calls = app.double.calls.length;
      const second = await app.call("POST", "/v1/turns/start", { ...app.as(ADMIN), session_id: newSessionId(), message: STOCK });
      expect(second.status).toBe(429);
      expect(second.body.error).toMatchObject({ code: "rate_limit:inflight" });
      expect(second.body.error.message).toMatch(/réponses en cours/);
      // another user of the company still may
      const other = await app.call("POST", "/v1/turns/start", { ...app.as(DEMO), session_id: newSessionId(), message: STOCK });
      expect(other.status).toBe(202);
      // the company's bound (2) is reached now
      const third = await app.call("POST", "/v1/turns/start", { ...app.as({ ...DEMO, uid: 7 }), session_id: newSessionId(), message: STOCK });
      expect(third.body.error?.code).toBe("rate_limit:inflight_company");
      expect(app.double.calls.length).toBeLessThanOrEqual(calls + 2);
      await untilEnded(app, ADMIN, first.body.turn_id);
      // its place is free again
      const after = await app.call("POST", "/v1/turns/start", { ...app.as(ADMIN), session_id: newSessionId(), message: STOCK });
      expect(after.status).toBe(202);
      await untilEnded(app, ADMIN, after.body.turn_id);
    } finally {
      app.double.setDelay(0);
    }
  });
});

describe("an agent process killed mid-turn", () => {
  let child: ChildProcess | undefined;
  let reader: TestApp;
  let double: OdooDouble;
  let url: string;
  let outdir: string;
  beforeAll(async () => {
    double = await startOdooDouble({ secret: TEST_SECRET, db: ADMIN.db });
    // inside the package, so that its dependencies resolve from its node_modules
    mkdirSync(join(import.meta.dirname, "../../dist"), { recursive: true });
    outdir = mkdtempSync(join(import.meta.dirname, "../../dist/killed-"));
    await build({ entryPoints: [join(import.meta.dirname, "../../src/main.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile: join(outdir, "main.mjs"), logLevel: "silent" });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [join(outdir, "main.mjs")], {
      cwd: join(import.meta.dirname, "../.."),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        REDIS_URL: inject("redisUrl"),
        ODOO_URL: double.url,
        COPILOT_SHARED_SECRET: TEST_SECRET,
        TURN_HEARTBEAT_MS: "150",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    });
    for (let attempt = 0; ; attempt += 1) {
      // ready: listening and connected to Redis (a loaded machine connects after it listens)
      const ok = await fetch(`${url}/readyz`).then((response) => response.ok).catch(() => false);
      if (ok) break;
      if (attempt > 100) throw new Error("the agent process did not start");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // the service's own key prefix: this reader is another replica of it
    reader = await buildTestApp({ double, prefix: "copilot:" });
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    rmSync(outdir, { recursive: true, force: true });
    await reader?.close();
    await double.close();
  });

  it("leaves a clear error on its turn, readable from another replica, and no write", async () => {
    const sessionId = newSessionId();
    double.setDelay(5_000);
    const body = JSON.stringify({ ...reader.as(ADMIN, sessionId), session_id: sessionId, message: QUOTE });
    const response = await signedPost(url, "/v1/turns/start", body);
    const turn = (await response.json()) as { turn_id: string; status: string };
    expect(turn.status, JSON.stringify(turn)).toBe("running");
    // the turn is waiting on Odoo; the process dies
    await new Promise((resolve) => setTimeout(resolve, 200));
    child!.kill("SIGKILL");
    await new Promise((resolve) => child!.once("exit", resolve));
    double.setDelay(0);
    const view = await untilEnded(reader, ADMIN, turn.turn_id, 5_000);
    expect(view.status).toBe("failed");
    expect(view.events.at(-1)).toMatchObject({ type: "error", code: "unavailable:agent_lost" });
    expect(view.events.at(-1).message).toMatch(/s'est arrêté.*rien n'a été modifié/);
    expect(double.actionLog).toEqual([]);
  });
});

async function signedPost(base: string, path: string, body: string): Promise<Response> {
  const { sign } = await import("../../src/http/signature.js");
  const { randomBytes } = await import("node:crypto");
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString("base64url");
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Copilot-Timestamp": timestamp, "X-Copilot-Nonce": nonce, "X-Copilot-Signature": sign(TEST_SECRET, { timestamp, nonce, method: "POST", path, body }) },
    body,
  });
}

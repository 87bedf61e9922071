import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, TEST_SECRET, buildTestApp, newSessionId } from "../helpers/build-test-app.js";
import { startOdooDouble } from "../helpers/odoo-double.js";
import { startRedisServer } from "../helpers/redis-server.js";
import { startScriptedLlm } from "../helpers/scripted-llm.js";

/** Real processes failing: Redis killed and restarted, the service restarted, a broken model. */
describe("fault suite", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("Redis killed mid-conversation: a clear error during the outage, nothing acknowledged is lost after restart", async () => {
    // On a unix socket in its own directory: the restarted server gets its address back for sure.
    const dir = mkdtempSync(join(tmpdir(), "copilot-aof-"));
    let redis = await startRedisServer({ unixSocket: true, dir, appendonly: true });
    const app = await buildTestApp({ redisUrl: redis.url });
    cleanups.push(async () => {
      await app.close();
      await redis.stop();
    });
    const sessionId = newSessionId();
    const send = (message: string) => app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message });
    const first = await send("Create a quote for Deco Addict with 1 Office Chair");
    expect(first.status).toBe(200);

    redis.process.kill("SIGKILL");
    await new Promise((resolve) => redis.process.once("exit", resolve));
    const during = await send("What is the stock of Large Cabinet?");
    expect(during.status).toBe(503);
    expect(during.body.error.code).toBe("unavailable:redis");

    redis = await startRedisServer({ unixSocket: true, dir, appendonly: true });
    // ioredis reconnects by itself, after a back-off: the service answers again once it has.
    if (app.redis.status !== "ready") await once(app.redis, "ready");
    const after = await send("What is the stock of Large Cabinet?");
    expect(after.status).toBe(200);
    const history = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}`);
    expect(history.body.messages.map((m: { content: string }) => m.content.slice(0, 25))).toEqual([
      "Create a quote for Deco A",
      first.body.reply.slice(0, 25),
      "What is the stock of Larg",
      after.body.reply.slice(0, 25),
    ]);
    // The proposal made before the crash can still be confirmed, once.
    const confirm = await app.call("POST", `/v1/actions/${first.body.actions[0].id}/confirm`, app.as(ADMIN, sessionId));
    expect(confirm.body.action.status).toBe("done");
  }, 60_000);

  it("the service restarted between propose and confirm: the pending action survives", async () => {
    const double = await startOdooDouble({ secret: TEST_SECRET, db: ADMIN.db });
    cleanups.push(() => double.close());
    const prefix = `restart:${Date.now()}:`;
    const before = await buildTestApp({ prefix, double });
    const sessionId = newSessionId();
    const { body } = await before.call("POST", "/v1/turns", { ...before.as(ADMIN, sessionId), session_id: sessionId, message: "Create a quote for Deco Addict with 2 Office Lamp" });
    await before.close();

    const after = await buildTestApp({ prefix, double });
    cleanups.push(() => after.close());
    const orders = double.records("sale.order").length;
    const confirm = await after.call("POST", `/v1/actions/${body.actions[0].id}/confirm`, after.as(ADMIN, sessionId));
    expect(confirm.body.action).toMatchObject({ status: "done", record: { model: "sale.order" } });
    expect(double.records("sale.order").length).toBe(orders + 1);
  });

  it("a model answering malformed tool-call JSON, then timing out: a clear message, no crash, no write", async () => {
    const llm = await startScriptedLlm();
    const app = await buildTestApp({ runner: { llmBaseUrl: llm.baseUrl } });
    cleanups.push(async () => {
      await app.close();
      await llm.close();
    });
    const orders = app.double.records("sale.order").length;
    llm.push({ toolCalls: [{ name: "create_quotation", args: '{"customer": "Deco Addict", "lines": [{"product": ' }] }, { content: "Could you repeat the products?" });
    const sessionId = newSessionId();
    const { status, body } = await app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message: "devis Deco Addict" });
    expect(status).toBe(200);
    expect(body.actions).toEqual([]);
    expect(app.double.records("sale.order").length).toBe(orders);
    expect(typeof body.reply).toBe("string");
  });
});

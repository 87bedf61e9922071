import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";
import { freePort, startRedisServer, type RedisProcess } from "../helpers/redis-server.js";

describe("when a part is down", () => {
  describe("Odoo", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await buildTestApp();
    });
    afterAll(async () => {
      await app.close();
    });

    it("answers a clear message during a turn, and proposes nothing", async () => {
      const sessionId = newSessionId();
      app.double.setDelay(3_000); // beyond the client's 2 s timeout
      const { status, body } = await app.call("POST", "/v1/turns", {
        ...app.as(ADMIN, sessionId),
        session_id: sessionId,
        message: "Quel est le stock de Large Cabinet ?",
      });
      app.double.setDelay(0);
      expect(status).toBe(200);
      expect(body.reply).toMatch(/^Odoo est injoignable pour le moment ; rien n'a été modifié/);
      expect(body.actions).toEqual([]);
    });

    it("marks a confirm as failed with a clear message, and a retry does not write twice", async () => {
      const sessionId = newSessionId();
      const { body } = await app.call("POST", "/v1/turns", {
        ...app.as(ADMIN, sessionId),
        session_id: sessionId,
        message: "Create a quote for Deco Addict with 1 Office Chair",
      });
      const id = body.actions[0].id;
      const orders = app.double.records("sale.order").length;
      await app.double.close(); // Odoo goes away between the proposal and the confirm
      const first = await app.call("POST", `/v1/actions/${id}/confirm`, app.as(ADMIN, sessionId));
      expect(first.body.action).toMatchObject({ status: "failed", error: "Odoo est injoignable pour le moment ; rien n'a été modifié. Réessayez dans un instant." });
      const again = await app.call("POST", `/v1/actions/${id}/confirm`, app.as(ADMIN, sessionId));
      expect(again.body.action.status).toBe("failed");
      expect(app.double.records("sale.order").length).toBe(orders);
    });
  });

  describe("Redis", () => {
    let redis: RedisProcess;
    let app: TestApp;
    beforeAll(async () => {
      redis = await startRedisServer({ port: await freePort() });
      app = await buildTestApp({ redisUrl: redis.url });
    });
    afterAll(async () => {
      await app.close();
      await redis.stop();
    });

    it("answers 503 with a clear, translated message and does not crash", async () => {
      await redis.stop();
      const sessionId = newSessionId();
      const { status, body } = await app.call("POST", "/v1/turns", {
        ...app.as(ADMIN, sessionId),
        session_id: sessionId,
        message: "Bonjour",
      });
      expect(status).toBe(503);
      expect(body.error).toEqual({
        code: "unavailable:redis",
        message: "La mémoire du copilote (Redis) est injoignable ; rien n'a été modifié. Réessayez dans un instant.",
      });
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    });
  });
});

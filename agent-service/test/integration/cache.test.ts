import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, DEMO, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

describe("the ERP list cache", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ cacheSeconds: 90 });
  });
  afterAll(async () => {
    await app.close();
  });

  const projectReads = () => app.double.calls.filter((c) => c.model === "project.project" && c.method === "search_read").length;
  const listProjects = (user = ADMIN) => {
    const sessionId = newSessionId();
    return app.call("POST", "/v1/turns", { ...app.as(user, sessionId), session_id: sessionId, message: "show me the projects" });
  };

  it("answers a repeated list from the cache, per user, until Odoo reports a change", async () => {
    const before = projectReads();
    await listProjects();
    await listProjects();
    expect(projectReads()).toBe(before + 1); // hit
    await listProjects(DEMO);
    expect(projectReads()).toBe(before + 2); // another user: their own rights, their own entry

    app.double.records("project.project").find((p) => p.name === "Home Construction")!.name = "Home Construction Phase 2";
    const stale = await listProjects();
    expect(stale.body.reply).not.toContain("Phase 2");

    const webhook = await app.call("POST", "/v1/webhooks/odoo", { db: ADMIN.db, models: ["project.project"] });
    expect(webhook.status).toBe(200);
    const fresh = await listProjects();
    expect(fresh.body.reply).toContain("Home Construction Phase 2");
    expect(projectReads()).toBe(before + 3);
  });

  it("expires entries after their time to live", async () => {
    const keys = await app.redis.keys("test:*cache:*project.project*");
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await app.redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(90);
    }
  });

  it("refuses an unsigned webhook", async () => {
    const response = await fetch(`${app.url}/v1/webhooks/odoo`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ db: ADMIN.db, models: ["project.project"] }) });
    expect(response.status).toBe(401);
  });
});

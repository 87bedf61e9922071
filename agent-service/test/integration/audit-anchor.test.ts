import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, buildTestApp, type TestApp } from "../helpers/build-test-app.js";

/** The action log's anchor: the newest entry of Odoo's hash chain, kept in Redis, outside Odoo's database. */
describe("the audit anchor", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const hash = (char: string) => char.repeat(64);
  const get = async (db = ADMIN.db) => (await app.call("GET", `/v1/audit/anchor?db=${encodeURIComponent(db)}`)).body.anchor;

  it("keeps the newest entry Odoo reported, and never moves back", async () => {
    expect(await get("anchor-db")).toBeNull();
    const first = await app.call("POST", "/v1/audit/anchor", { db: "anchor-db", id: 7, hash: hash("a") });
    expect(first.status).toBe(200);
    expect(first.body.anchor).toMatchObject({ id: 7, hash: hash("a") });
    await app.call("POST", "/v1/audit/anchor", { db: "anchor-db", id: 9, hash: hash("b") });
    // a late report of an older entry (or a replay meant to hide dropped entries) changes nothing
    const late = await app.call("POST", "/v1/audit/anchor", { db: "anchor-db", id: 8, hash: hash("c") });
    expect(late.body.anchor).toMatchObject({ id: 9, hash: hash("b") });
    expect(await get("anchor-db")).toMatchObject({ id: 9, hash: hash("b"), at: expect.stringMatching(/^\d{4}-/) });
    // another database has its own
    expect(await get(ADMIN.db)).toBeNull();
    // in Redis, where a reset of the agent's process does not lose it
    expect(await app.redis.keys(`${(await app.redis.keys("test:*anchor-db:audit:anchor"))[0]}`)).toHaveLength(1);
  });

  it("moves forward by a bounded step: a forged huge id cannot wedge it", async () => {
    await app.call("POST", "/v1/audit/anchor", { db: "step-db", id: 100, hash: hash("a") });
    const forged = await app.call("POST", "/v1/audit/anchor", { db: "step-db", id: 2_000_000_000, hash: hash("f") });
    expect(forged.body.anchor).toMatchObject({ id: 100, hash: hash("a") });
    // the next real commits still move it
    const next = await app.call("POST", "/v1/audit/anchor", { db: "step-db", id: 103, hash: hash("b") });
    expect(next.body.anchor).toMatchObject({ id: 103, hash: hash("b") });
  });

  it("refuses a malformed or unsigned report", async () => {
    const bad = await app.call("POST", "/v1/audit/anchor", { db: "anchor-db", id: 10, hash: "not-a-hash" });
    expect(bad.status).toBe(400);
    const unsigned = await fetch(`${app.url}/v1/audit/anchor`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ db: "anchor-db", id: 99, hash: hash("d") }) });
    expect(unsigned.status).toBe(401);
    expect(await get("anchor-db")).toMatchObject({ id: 9 });
  });
});

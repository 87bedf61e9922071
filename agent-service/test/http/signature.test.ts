import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign } from "../../src/http/signature.js";
import { ADMIN, TEST_SECRET, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

describe("request signatures", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const body = () => {
    const sessionId = newSessionId();
    return JSON.stringify({ ...app.as(ADMIN, sessionId), session_id: sessionId, message: "/help" });
  };
  const post = (raw: string, headers: Record<string, string>) =>
    fetch(`${app.url}/v1/turns`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: raw });
  const signed = (raw: string, overrides: { timestamp?: number; nonce?: string; secret?: string; path?: string } = {}) => {
    const timestamp = String(overrides.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = overrides.nonce ?? randomBytes(16).toString("base64url");
    return {
      "X-Copilot-Timestamp": timestamp,
      "X-Copilot-Nonce": nonce,
      "X-Copilot-Signature": sign(overrides.secret ?? TEST_SECRET, { timestamp, nonce, method: "POST", path: overrides.path ?? "/v1/turns", body: raw }),
    };
  };

  it("accepts a request the addon signed", async () => {
    const raw = body();
    expect((await post(raw, signed(raw))).status).toBe(200);
  });

  it.each([
    ["no signature", (raw: string) => ({ ...signed(raw), "X-Copilot-Signature": "" })],
    ["another secret", (raw: string) => signed(raw, { secret: "not-the-shared-secret-at-all" })],
    ["a stale timestamp", (raw: string) => signed(raw, { timestamp: Math.floor(Date.now() / 1000) - 301 })],
    ["a future timestamp", (raw: string) => signed(raw, { timestamp: Math.floor(Date.now() / 1000) + 301 })],
    ["another path", (raw: string) => signed(raw, { path: "/v1/actions/act_aaaaaaaaaaaa/confirm" })],
    ["a body changed after signing", (raw: string) => signed(raw.replace("/help", "/stock x"))],
  ])("refuses %s with 401 and runs nothing", async (_name, headers) => {
    const raw = body();
    const before = await app.redis.dbsize();
    const response = await post(raw, headers(raw));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "auth:signature", message: "La requête n'est pas signée par le module Odoo." } });
    expect(await app.redis.dbsize()).toBe(before);
  });

  it("refuses a replayed request", async () => {
    const raw = body();
    const headers = signed(raw);
    expect((await post(raw, headers)).status).toBe(200);
    expect((await post(raw, headers)).status).toBe(401);
  });

  it("answers 400 with the wrong fields, in the user's language, for a signed but invalid body", async () => {
    const raw = JSON.stringify({ ...app.as(ADMIN), session_id: "x", message: "" });
    const response = await post(raw, signed(raw));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("bad_request:body");
    expect(error.message).toMatch(/^La requête n'est pas valide : session_id: .*; message: /);
  });

  it("answers /healthz without a signature", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(await response.json()).toEqual({ ok: true });
  });
});

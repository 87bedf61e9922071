import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, DEMO, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

describe("limits and readiness", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ turnsPerMinute: 3 });
  });
  afterAll(async () => {
    await app.close();
  });

  it("refuses a user's turns beyond the per-minute limit, politely, without touching other users", async () => {
    const send = (user = ADMIN) => {
      const sessionId = newSessionId();
      return app.call("POST", "/v1/turns", { ...app.as(user, sessionId), session_id: sessionId, message: "/help" });
    };
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await send()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await send();
    expect(refused.body.error).toEqual({ code: "rate_limit:turns", message: "Vous avez envoyé beaucoup de messages en peu de temps ; attendez une minute et réessayez." });
    expect((await send(DEMO)).status).toBe(200);
  });

  it("refuses a message over the size limit with 400", async () => {
    const sessionId = newSessionId();
    const { status, body } = await app.call("POST", "/v1/turns", { ...app.as(DEMO, sessionId), session_id: sessionId, message: "x".repeat(8001) });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/message: Too big/);
  });

  it("answers /readyz from its dependencies", async () => {
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, redis: true });
  });
});

describe("the OpenAPI document", () => {
  it("is generated from the request schemas, the contract and the tool declarations", async () => {
    const app = await buildTestApp();
    try {
      const doc = (await (await fetch(`${app.url}/openapi.json`)).json()) as any;
      expect(doc.openapi).toBe("3.1.0");
      const turn = doc.paths["/v1/turns"].post.requestBody.content["application/json"].schema;
      expect(turn.required).toEqual(expect.arrayContaining(["user", "delegation", "session_id", "message"]));
      expect(turn.properties.message.maxLength).toBe(8000);
      expect(Object.keys(doc.paths)).toContain("/v1/actions/{id}/confirm");
      // answers from the contract, every tool's arguments from its declaration
      expect(doc.paths["/v1/turns"].post.responses[200].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/TurnResult" });
      expect(doc.components.schemas.Action.properties.preview.$ref).toBe("#/components/schemas/ActionPreview");
      expect(JSON.stringify(doc)).not.toContain("#/$defs/");
      expect(doc.components.schemas.Tool_get_stock.properties.warehouse.type).toBe("string");
      expect(doc.components.schemas.Tool_get_partner.required).toEqual(["customer"]);
    } finally {
      await app.close();
    }
  });
});

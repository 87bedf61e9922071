import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";
import { bridged } from "../helpers/bridge.js";

const QUOTE = "Crée moi un devis pour le client Deco Addict avec 3 Office Chair et 2 Office Lamp";

/** Findings of the outside security review (issue #16) that the agent answers for. */
describe("security review findings (agent)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ metricsToken: "metrics-token-0123456789" });
  });
  afterAll(async () => {
    await app.close();
  });

  const propose = async () => {
    const sessionId = newSessionId();
    const { body } = await app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message: QUOTE });
    return body.actions[0] as { id: string };
  };

  it("a pending plan changed in Redis is never run (finding 6): confirm refuses it, directly and through the bridge", async () => {
    const before = app.double.records("sale.order").length;
    for (const through of ["direct", "bridge"] as const) {
      const action = await propose();
      const [key] = await app.redis.keys(`*:a:${action.id}`);
      const stored = JSON.parse((await app.redis.hget(key!, "data"))!);
      // someone with Redis access swaps the customer the quotation is for
      stored.plan.customer_id = 1;
      await app.redis.hset(key!, "data", JSON.stringify(stored));
      const answer =
        through === "direct" ? await app.call("POST", `/v1/actions/${action.id}/confirm`, app.as(ADMIN)) : await bridged(app, ADMIN, `/v1/actions/${action.id}/confirm`);
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe("conflict:tampered");
      expect(answer.body.error.message).toMatch(/modifiée hors du copilote/); // ADMIN reads French
    }
    expect(app.double.records("sale.order").length).toBe(before);
    // an untouched plan still confirms
    const action = await propose();
    const confirmed = await bridged(app, ADMIN, `/v1/actions/${action.id}/confirm`);
    expect(confirmed.body.action.status).toBe("done");
    // and an edited one (Edit quantities) is sealed again
    const another = await propose();
    const revised = await bridged(app, ADMIN, `/v1/actions/${another.id}/revise`, { quantities: [1, 1] });
    expect(revised.status).toBe(200);
    expect((await bridged(app, ADMIN, `/v1/actions/${another.id}/confirm`)).body.action.status).toBe("done");
  });

  it("references match exactly or not at all (finding 2): an order number or internal reference never becomes the closest record", async () => {
    const turn = async (message: string) => {
      const sessionId = newSessionId();
      return (await app.call("POST", "/v1/turns", { ...app.as({ ...ADMIN, lang: "en_US" }, sessionId), session_id: sessionId, message })).body;
    };
    for (const message of ["Confirm quotation S00090", "Show quotation S0000", "Send quotation S00100"]) {
      const answer = await turn(message);
      expect(answer.actions, message).toEqual([]);
      expect(JSON.stringify(answer.steps), message).not.toMatch(/"status":"(done|proposed)"/);
      expect(answer.reply, message).not.toMatch(/S00001|S00002/);
    }
    // the exact reference is found
    const exact = await turn("Show quotation S00001");
    expect(exact.reply).toContain("S00001");
    // an internal reference with a typo is a question, not a neighbour's stock
    const typo = await turn("What is the stock of FURN_7778?");
    expect(typo.reply).not.toMatch(/Office Chair|FURN_7777/);
    expect((await turn("What is the stock of FURN_7777?")).reply).toContain("Office Chair");
  });

  it("/metrics answers only with its token when one is set (finding 6)", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { Authorization: "Bearer wrong" } })).status).toBe(401);
    const allowed = await fetch(`${app.url}/metrics`, { headers: { Authorization: "Bearer metrics-token-0123456789" } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("copilot_");
  });
});

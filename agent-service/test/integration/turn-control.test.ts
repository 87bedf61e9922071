import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";
import { startScriptedLlm, type ScriptedLlm } from "../helpers/scripted-llm.js";
import { readEvents } from "../helpers/sse.js";

describe("turns under control: streaming, Stop, one turn per session, retries", () => {
  let llm: ScriptedLlm;
  let app: TestApp;
  beforeAll(async () => {
    llm = await startScriptedLlm();
    app = await buildTestApp({ runner: { llmBaseUrl: llm.baseUrl } });
  });
  afterAll(async () => {
    await app.close();
    await llm.close();
  });
  beforeEach(() => {
    llm.reset();
    app.double.setDelay(0);
  });

  const body = (sessionId: string, message: string, extra: Record<string, unknown> = {}) => ({ ...app.as(ADMIN, sessionId), session_id: sessionId, message, ...extra });

  it("streams the model's words as they come, tool steps, then the result", async () => {
    llm.push({ toolCalls: [{ name: "get_stock", args: { product: "Large Cabinet" } }] }, { content: "Il reste 500 Large Cabinet en stock, 270 prévus." });
    const response = await app.fetchSigned("POST", "/v1/turns/stream", body(newSessionId(), "stock du Large Cabinet ?"));
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const events = await readEvents(response);
    const kinds = events.map((e) => e.event);
    expect(kinds[0]).toBe("start");
    expect(events.filter((e) => e.event === "tool").map((e) => e.data)).toEqual([
      // what the panel shows while it runs, in the user's language, from the tool's declaration
      { tool: "get_stock", status: "started", label: "Lecture du stock…" },
      { tool: "get_stock", status: "done", label: "Stock vérifié" },
    ]);
    const texts = events.filter((e) => e.event === "text").map((e) => e.data.text);
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.join("")).toBe("Il reste 500 Large Cabinet en stock, 270 prévus.");
    expect(kinds.at(-1)).toBe("done");
    expect(events.at(-1)!.data).toMatchObject({ reply: "Il reste 500 Large Cabinet en stock, 270 prévus.", stopped: false });
  });

  it("streams, stores and resends none of a reasoning model's <think> block, before a tool call or before the reply", async () => {
    const sessionId = newSessionId();
    llm.push(
      { toolCalls: [{ name: "get_stock", args: { product: "Large Cabinet" } }], content: "<think>The user asks about stock. Call get_stock.</think>" },
      { content: "<think>\nOn hand is 500, forecast 270. Answer in French.\n</think>\n\nIl reste 500 Large Cabinet en stock." },
    );
    const events = await readEvents(await app.fetchSigned("POST", "/v1/turns/stream", body(sessionId, "stock du Large Cabinet ?")));
    const streamed = events.filter((e) => e.event === "text").map((e) => e.data.text).join("");
    expect(streamed).toBe("Il reste 500 Large Cabinet en stock.");
    expect(events.at(-1)!.data).toMatchObject({ reply: "Il reste 500 Large Cabinet en stock." });
    const history = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}`);
    expect(JSON.stringify(history.body.messages)).not.toMatch(/think|On hand is 500/);
    llm.push({ content: "Oui." });
    await app.call("POST", "/v1/turns", body(sessionId, "Et demain ?"));
    expect(JSON.stringify(llm.requests.at(-1)!.messages)).not.toMatch(/<think>|On hand is 500/);
  });

  it("Stop during the tool loop: no tool call and no model call start after it, the partial turn is kept as stopped", async () => {
    const sessionId = newSessionId();
    // Stop arrives while the first tool's Odoo call is being answered.
    app.double.setDelay(200);
    app.double.onNextCall(() => void app.call("POST", `/v1/sessions/${sessionId}/stop`, { user: ADMIN }));
    llm.push(
      { toolCalls: [{ name: "get_stock", args: { product: "Large Cabinet" } }] },
      { toolCalls: [{ name: "search_products", args: { query: "desk" } }] },
      { content: "never said" },
    );
    const { status, body: result } = await app.call("POST", "/v1/turns", body(sessionId, "stock then desks"));
    expect(status).toBe(200);
    expect(result.stopped).toBe(true);
    expect(llm.requests).toHaveLength(1);
    // The first tool's Odoo calls were made (the product, where its stock is); after Stop, the
    // model was not called again, so the second tool never started.
    expect(app.double.calls.at(-1)).toMatchObject({ transport: "gateway" });
    expect(["product.product", "stock.warehouse", "stock.quant"]).toContain(app.double.calls.at(-1)!.model);
    expect(result.steps.map((s: { tool: string }) => s.tool)).not.toContain("search_products");
    const history = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}`);
    expect(history.body.messages.at(-1)).toMatchObject({ role: "assistant", stopped: true });
  });

  it("serializes two turns of one session: the second sees the first in its history", async () => {
    const sessionId = newSessionId();
    llm.push({ content: "Réponse A" }, { content: "Réponse B" });
    const [a, b] = await Promise.all([
      app.call("POST", "/v1/turns", body(sessionId, "Message A")),
      app.call("POST", "/v1/turns", body(sessionId, "Message B")),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const second = llm.requests[1]!.messages.map((m) => String(m.content));
    const firstUser = llm.requests[0]!.messages.at(-1)!.content;
    expect(second).toContain(firstUser);
    const history = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}`);
    const roles = history.body.messages.map((m: { role: string }) => m.role);
    expect(roles).toEqual(["user", "assistant", "user", "assistant"]);
  });

  it("answers a retried message id with the first result, once", async () => {
    const sessionId = newSessionId();
    llm.push({ content: "Une seule fois." }, { content: "Deux fois ?" });
    const first = await app.call("POST", "/v1/turns", body(sessionId, "Bonjour", { client_message_id: "cm-1" }));
    const again = await app.call("POST", "/v1/turns", body(sessionId, "Bonjour", { client_message_id: "cm-1" }));
    expect(again.body).toEqual(first.body);
    expect(llm.requests).toHaveLength(1);
    const history = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}`);
    expect(history.body.messages).toHaveLength(2);
  });
});

describe("answers kept for retries and reloads", () => {
  it("a retried stream gets the first answer as its done event; choices come back with the history", async () => {
    const app = await buildTestApp();
    try {
      const sessionId = newSessionId();
      const body = { ...app.as(ADMIN, sessionId), session_id: sessionId, message: "Crée un devis pour Deco Addict avec 2 Customizable Desk", client_message_id: "cm-choice" };
      const first = await readEvents(await app.fetchSigned("POST", "/v1/turns/stream", body));
      const retry = await readEvents(await app.fetchSigned("POST", "/v1/turns/stream", body));
      expect(retry.map((e) => e.event)).toEqual(["done"]);
      expect(retry[0]!.data).toEqual(first.at(-1)!.data);
      const history = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}`);
      expect(history.body.messages[1].choices[0]).toMatchObject({ query: "Customizable Desk", options: [{ id: 50 }, { id: 51 }] });
    } finally {
      await app.close();
    }
  });

  it("finds a product by its source name when the user's language translates it", async () => {
    const app = await buildTestApp();
    try {
      const french = { ...ADMIN, lang: "fr_FR" };
      const sessionId = newSessionId();
      const byEnglish = await app.call("POST", "/v1/turns", { ...app.as(french, sessionId), session_id: sessionId, message: "Crée un devis pour Deco Addict avec 2 Office Chair" });
      expect(byEnglish.body.actions[0].preview.lines[0].product.id).toBe(5);
      const byFrench = await app.call("POST", "/v1/turns", { ...app.as(french, sessionId), session_id: sessionId, message: "Crée un devis pour Deco Addict avec 2 Chaise de bureau" });
      expect(byFrench.body.actions[0].preview.lines[0].product.id).toBe(5);
    } finally {
      await app.close();
    }
  });
});

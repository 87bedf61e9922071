import { describe, expect, it } from "vitest";
import { catalog } from "../../src/tools/index.js";
import { ADMIN, DEMO, STOCK_ONLY, newSessionId, useLlmApp } from "../helpers/build-test-app.js";

/** The real LangChain agent loop and @langchain/openai client, against a scripted OpenAI-compatible server. */
describe("the language-model runner", () => {
  const env = useLlmApp();

  const turn = (message: string, user = ADMIN, sessionId = newSessionId()) =>
    env.app.call("POST", "/v1/turns", { ...env.app.as(user, sessionId), session_id: sessionId, message });

  it("calls the tool the model chose, proposes the write, and replies with the model's words", async () => {
    const orders = env.app.double.records("sale.order").length;
    env.llm.push(
      { toolCalls: [{ name: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Office Chair", quantity: 3 }, { product: "FURN_8888", quantity: 2 }] } }] },
      { content: "Voici le devis proposé pour Deco Addict : 333,50 $ TTC. Confirmez pour le créer." },
    );
    const { status, body } = await turn("Crée moi un devis pour Deco Addict avec 3 Office Chair et 2 Office Lamp");
    expect(status).toBe(200);
    expect(body.mode).toBe("llm");
    expect(body.reply).toBe("Voici le devis proposé pour Deco Addict : 333,50 $ TTC. Confirmez pour le créer.");
    expect(body.actions).toHaveLength(1);
    expect(body.actions[0]).toMatchObject({ tool: "create_quotation", status: "proposed", preview: { amount_total: 333.5 } });

    // First request: the system prompt in the user's language and the catalog as tools — but
    // tickets and installations, which no model plays unless Settings map one.
    const [first, second] = env.llm.requests;
    expect(first!.messages[0]).toMatchObject({ role: "system", content: expect.stringContaining("Always answer in French") });
    const unmapped = ["list_installations", "list_tickets"];
    expect(first!.tools!.map((t) => t.function.name).sort()).toEqual(catalog.map((tool) => tool.name).filter((name) => !unmapped.includes(name)).sort());
    // Second request: the tool's result went back to the model as data, with the proposal's id.
    const toolMessage = second!.messages.find((m) => m.role === "tool");
    expect(JSON.parse(String(toolMessage!.content))).toMatchObject({ proposed_action: body.actions[0].id, preview: { amount_total: 333.5 } });
    expect(env.app.double.records("sale.order")).toHaveLength(orders);
  });

  it("offers the model only the tools the user may use", async () => {
    env.llm.push({ content: "Je ne peux pas créer de devis pour vous." });
    await turn("Crée un devis pour Deco Addict avec 1 Office Chair", STOCK_ONLY);
    const offered = env.llm.requests[0]!.tools!.map((t) => t.function.name);
    expect(offered).toContain("get_stock");
    expect(offered).not.toContain("create_quotation");
    expect(offered).not.toContain("list_quotations");
  });

  it("gives a read tool's data to the model and answers in one turn", async () => {
    env.llm.push({ toolCalls: [{ name: "get_stock", args: { product: "Large Cabinet" } }] }, (request) => {
      const data = JSON.parse(String(request.messages.at(-1)!.content)).data;
      return { content: `Large Cabinet: ${data.on_hand} on hand, ${data.forecast} forecast.` };
    });
    const { body } = await turn("what is the stock of Large Cabinet?", DEMO);
    expect(body.reply).toBe("Large Cabinet: 500 on hand, 270 forecast.");
    expect(body.steps).toEqual([{ tool: "get_stock", args: { product: "Large Cabinet" }, status: "done" }]);
  });

  it("rejects invalid tool arguments before Odoo is called, and the model sees why", async () => {
    const callsBefore = env.app.double.calls.length;
    env.llm.push(
      { toolCalls: [{ name: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Office Chair", quantity: -3 }] } }] },
      { content: "The quantity must be positive. How many chairs?" },
    );
    const { body } = await turn("quote Deco Addict -3 chairs", DEMO);
    expect(body.reply).toBe("The quantity must be positive. How many chairs?");
    expect(body.actions).toEqual([]);
    expect(env.app.double.calls.length).toBe(callsBefore);
    const toolMessage = env.llm.requests[1]!.messages.find((m) => m.role === "tool");
    expect(String(toolMessage!.content)).toMatch(/quantity|Too small|>0/i);
  });

  for (const how of ["length", "eof"] as const) {
    it(`never acts on a tool call cut inside its arguments (${how === "length" ? "finish_reason length" : "stream closed before [DONE]"}): nothing is proposed and the user is told`, async () => {
      const callsBefore = env.app.double.calls.length;
      // 12 Large Cabinets asked; the stream stops right after the "1" of 12.
      env.llm.push({ toolCalls: [{ name: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Large Cabinet", quantity: 12 }] } }], cut: { after: '"quantity":1', how } });
      const { status, body } = await turn("quote Deco Addict 12 Large Cabinet", DEMO);
      expect(status).toBe(200);
      expect(body.actions).toEqual([]);
      expect(body.steps ?? []).toEqual([]);
      expect(body.reply).toBe("The model's answer was cut off before it was complete, so nothing was done. Please ask again, perhaps in smaller steps.");
      expect(env.llm.requests).toHaveLength(1);
      expect(env.app.double.calls.length).toBe(callsBefore);
      expect(await (await fetch(`${env.app.url}/metrics`)).text()).toMatch(/copilot_errors_total\{code="llm_cut"\} [1-9]/);
    });
  }

  it("tells a French user in French that the answer was cut", async () => {
    env.llm.push({ toolCalls: [{ name: "get_stock", args: { product: "Large Cabinet" } }], cut: { after: '"Large', how: "eof" } });
    const { body } = await turn("stock du Large Cabinet ?", ADMIN);
    expect(body.reply).toMatch(/^La réponse du modèle a été coupée avant d'être complète : rien n'a été fait\./);
    expect(body.steps ?? []).toEqual([]);
  });

  it("accepts a whole tool call from a server that closes after its finish reason without [DONE]", async () => {
    env.llm.push({ toolCalls: [{ name: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Large Cabinet", quantity: 12 }] } }], noDone: true }, { content: "Here is the quotation." });
    const { body } = await turn("quote Deco Addict 12 Large Cabinet", DEMO);
    expect(body.actions).toHaveLength(1);
    expect(body.actions[0]).toMatchObject({ tool: "create_quotation", status: "proposed" });
    expect(body.actions[0].preview).toMatchObject({ lines: [{ quantity: 12 }], amount_untaxed: 3840 });
  });

  it("ends a model that loops on a tool after 6 calls with a clear sentence, not an outage", async () => {
    for (let i = 0; i < 12; i += 1) env.llm.push({ toolCalls: [{ name: "get_stock", args: { product: "Large Cabinet" } }] });
    const { status, body } = await turn("is there any Large Cabinet?", DEMO);
    expect(status).toBe(200);
    expect(body.reply).toBe("I stopped after 6 steps without reaching an answer. What was done so far is listed above; try asking more precisely.");
    expect(body.steps).toHaveLength(6);
    expect(env.llm.requests).toHaveLength(6);
    expect(await (await fetch(`${env.app.url}/metrics`)).text()).toMatch(/copilot_errors_total\{code="llm_step_limit"\} 1\b/);
  });

  it("carries the session's history into the next turn", async () => {
    const sessionId = newSessionId();
    env.llm.push({ content: "Bonjour ! Que puis-je faire ?" });
    await turn("Bonjour", ADMIN, sessionId);
    env.llm.push({ content: "Vous m'avez dit bonjour." });
    await turn("Qu'est-ce que je viens de dire ?", ADMIN, sessionId);
    const roles = env.llm.requests.at(-1)!.messages.map((m) => `${m.role}:${typeof m.content === "string" ? m.content : ""}`);
    expect(roles.slice(1)).toEqual(["user:Bonjour", "assistant:Bonjour ! Que puis-je faire ?", "user:Qu'est-ce que je viens de dire ?"]);
  });

  it("answers a clear, translated 503 when the model keeps failing, and stores nothing", async () => {
    const sessionId = newSessionId();
    env.llm.push({ status: 500 }, { status: 500 }, { status: 500 });
    const { status, body } = await turn("Bonjour", ADMIN, sessionId);
    expect(status).toBe(503);
    expect(body.error).toEqual({ code: "unavailable:llm", message: "Le modèle de langage est injoignable pour le moment. Réessayez dans un instant." });
    const history = await env.app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}`);
    expect(history.body.messages).toEqual([]);
  });
});

describe("a model server that refuses the copilot's request", () => {
  const env = useLlmApp();

  it("says the model is misconfigured (and why), not 'try again', and does not retry", async () => {
    env.llm.push({ status: 401, error: "Incorrect API key provided: sk-abcdefghijklmnopqrstuvwxyz0123456789" }, { status: 401 }, { status: 401 });
    const sessionId = newSessionId();
    const { status, body } = await env.app.call("POST", "/v1/turns", { ...env.app.as(DEMO, sessionId), session_id: sessionId, message: "hello there" });
    expect(status).toBe(503);
    expect(body.error.code).toBe("misconfigured:llm");
    expect(body.error.message).toMatch(/^The language model refused the copilot's request \(HTTP 401\): its settings are wrong/);
    expect(env.llm.requests).toHaveLength(1);
  });

  it("still lets the offline planner answer what it understands, and counts the failure", async () => {
    env.llm.push({ status: 404, error: "model 'qwen3:8b' not found" });
    const sessionId = newSessionId();
    const { status, body } = await env.app.call("POST", "/v1/turns", { ...env.app.as(ADMIN, sessionId), session_id: sessionId, message: "Quel est le stock de Large Cabinet ?" });
    expect(status).toBe(200);
    expect(body.reply).toMatch(/500 Units en stock/);
    // not "unreachable": the model answered, and refused
    expect(body.reply).toMatch(/Le modèle de langage a refusé la requête \(sa configuration demande un administrateur\)/);
    expect(body.reply).not.toMatch(/injoignable/);
    // once for the refused turn above, once for this one (answered by the planner)
    expect(await (await fetch(`${env.app.url}/metrics`)).text()).toMatch(/copilot_errors_total\{code="misconfigured:llm"\} 2\b/);
  });
});

describe("the language-model runner under pressure", () => {
  const env = useLlmApp();

  it("falls back to the offline planner for a request it knows when the model cannot be reached", async () => {
    env.llm.push({ status: 500 }, { status: 500 }, { status: 500 });
    const sessionId = newSessionId();
    const { status, body } = await env.app.call("POST", "/v1/turns", { ...env.app.as(ADMIN, sessionId), session_id: sessionId, message: "Quel est le stock de Large Cabinet ?" });
    expect(status).toBe(200);
    expect(body.reply).toMatch(/500 Units en stock, 270 Units prévus/);
    expect(body.reply).toMatch(/Le modèle de langage est injoignable pour le moment : cette réponse vient du mode hors ligne/);
    // answered, but the model's failure is counted for the admin
    expect(await (await fetch(`${env.app.url}/metrics`)).text()).toMatch(/copilot_errors_total\{code="unavailable:llm"\} 1\b/);
  });

  it("keeps the prompt under a fixed size after a flood of 100 long messages", async () => {
    const sessionId = newSessionId();
    const owner = { db: ADMIN.db, uid: ADMIN.uid };
    await env.app.store.ensureSession(owner, sessionId, "flood");
    const flood = Array.from({ length: 100 }, (_, index) => ({
      id: `msg_${index}`,
      role: (index % 2 ? "assistant" : "user") as "user" | "assistant",
      content: `message ${index} ${"lorem ipsum ".repeat(300)}`,
      created_at: new Date().toISOString(),
    }));
    await env.app.store.appendMessages(owner, sessionId, flood);
    env.llm.push({ content: "ok" });
    await env.app.call("POST", "/v1/turns", { ...env.app.as(ADMIN, sessionId), session_id: sessionId, message: "Et maintenant ?" });
    const prompt = env.llm.requests[0]!.messages;
    const size = prompt.reduce((sum, m) => sum + String(m.content ?? "").length, 0);
    expect(size).toBeLessThan(20_000);
    expect(String(prompt[0]!.content)).toMatch(/Earlier in this conversation the user asked \(\d+ requests/);
    expect(String(prompt.at(-1)!.content)).toBe("Et maintenant ?");
  });
});

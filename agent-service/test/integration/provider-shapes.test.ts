import { describe, expect, it } from "vitest";
import { ADMIN, DEMO, STOCK_ONLY, newSessionId, useLlmApp, type TestApp } from "../helpers/build-test-app.js";
import { readEvents } from "../helpers/sse.js";
import type { ScriptedLlm } from "../helpers/scripted-llm.js";

/**
 * What real OpenAI-compatible servers send (Ollama, vLLM, llama.cpp, LM Studio, DeepSeek, OpenAI's
 * reasoning models), replayed by the scripted server against the real client and agent loop.
 */
const STOCK_CALL = { name: "get_stock", args: { product: "Large Cabinet" } };
const answerStock = (request: { messages: { role: string; content: unknown }[] }) => {
  const tool = [...request.messages].reverse().find((m) => m.role === "tool");
  const data = JSON.parse(String(tool?.content ?? "{}")).data as { on_hand?: number } | undefined;
  return { content: data?.on_hand !== undefined ? `Large Cabinet: ${data.on_hand} on hand.` : `no data: ${String(tool?.content)}` };
};

function helpers(env: { llm: ScriptedLlm; app: TestApp }) {
  const turn = (message: string, user = DEMO, sessionId = newSessionId()) =>
    env.app.call("POST", "/v1/turns", { ...env.app.as(user, sessionId), session_id: sessionId, message });
  const streamTurn = async (message: string, user = DEMO, sessionId = newSessionId()) => {
    const events = await readEvents(await env.app.fetchSigned("POST", "/v1/turns/stream", { ...env.app.as(user, sessionId), session_id: sessionId, message }));
    return { streamed: events.filter((e) => e.event === "text").map((e) => e.data.text).join(""), last: events.at(-1)!, sessionId };
  };
  const toolMessages = (index: number) => env.llm.requests[index]!.messages.filter((m) => m.role === "tool").map((m) => String(m.content));
  return { turn, streamTurn, toolMessages };
}

describe("tool calls as small and local models write them", () => {
  const env = useLlmApp();
  const { turn, streamTurn, toolMessages } = helpers(env);

  it("arguments sent as a JSON object (Ollama), streamed or not", async () => {
    env.llm.push({ toolCalls: [STOCK_CALL], argsObject: true }, answerStock);
    expect((await turn("stock of Large Cabinet?")).body.reply).toBe("Large Cabinet: 500 on hand.");
    env.llm.push({ toolCalls: [STOCK_CALL], argsObject: true, ignoreStream: true }, answerStock);
    expect((await turn("stock of Large Cabinet?")).body.reply).toBe("Large Cabinet: 500 on hand.");
  });

  for (const [label, args] of [
    ["fenced in ```json", '```json\n{"product": "Large Cabinet"}\n```'],
    ["followed by a stop token", '{"product": "Large Cabinet"}<|eot_id|>'],
    ["in single quotes", "{'product': 'Large Cabinet'}"],
    ["encoded twice", JSON.stringify(JSON.stringify({ product: "Large Cabinet" }))],
  ] as const) {
    it(`arguments ${label}`, async () => {
      env.llm.push({ toolCalls: [{ name: "get_stock", args }] }, answerStock);
      const { body } = await turn("stock of Large Cabinet?");
      expect(body.reply).toBe("Large Cabinet: 500 on hand.");
      expect(body.steps).toEqual([{ tool: "get_stock", args: { product: "Large Cabinet" }, status: "done" }]);
    });
  }

  it("quantities written as text are read as numbers; a write stays a proposal", async () => {
    const orders = env.app.double.records("sale.order").length;
    env.llm.push(
      { toolCalls: [{ name: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Large Cabinet", quantity: "12" }, { product: "Office Chair", quantity: "three" }] } }] },
      { content: "Proposed." },
    );
    const { body } = await turn("quote Deco Addict 12 Large Cabinet and three Office Chair");
    expect(body.actions).toHaveLength(1);
    expect(body.actions[0].status).toBe("proposed");
    expect(body.steps[0].args.lines.map((line: { quantity: unknown }) => line.quantity)).toEqual([12, 3]);
    expect(env.app.double.records("sale.order")).toHaveLength(orders);
  });

  it("invalid arguments: one short, translated error the model can act on, no stack trace, Odoo never called", async () => {
    env.llm.push({ content: "Bonjour" });
    await turn("bonjour", ADMIN);
    env.llm.reset();
    const calls = env.app.double.calls.length;
    env.llm.push(
      { toolCalls: [{ name: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Large Cabinet", quantity: -2 }] } }] },
      { content: "Combien ?" },
    );
    await turn("devis Deco Addict -2 Large Cabinet", ADMIN);
    const [error] = toolMessages(1);
    expect(JSON.parse(error!).error).toMatch(/^Requête invalide|quantity/i);
    expect(error).not.toMatch(/ at |\/src\/|node_modules|ZodError|Error:/);
    expect(env.app.double.calls.length).toBe(calls);
    for (const empty of ["", "{}"]) {
      env.llm.reset();
      env.llm.push({ toolCalls: [{ name: "get_stock", args: empty }] }, { content: "?" });
      await turn("stock?");
      expect(JSON.parse(toolMessages(1)[0]!).error).toMatch(/product/i);
    }
  });

  it("a tool that does not exist or is not offered: the model is told, no tool name it was not given", async () => {
    env.llm.push({ toolCalls: [{ name: "drop_database", args: {} }] }, { content: "Sorry." });
    await turn("stock?", STOCK_ONLY);
    const [unknown] = toolMessages(1);
    expect(JSON.parse(unknown!).error).toBe("There is no tool named drop_database. Use only the tools you were given.");
    env.llm.push({ toolCalls: [{ name: "create_quotation", args: { customer: "Deco Addict", lines: [{ product: "Office Chair", quantity: 1 }] } }] }, { content: "Sorry." });
    await turn("quote", STOCK_ONLY);
    const [hidden] = toolMessages(1);
    expect(hidden).not.toMatch(/list_quotations|confirm_quotation|Valid tools/);
    expect(env.app.double.records("sale.order").some((order) => order.partner_id === "Office Chair")).toBe(false);
  });

  for (const [label, content] of [
    ["Hermes/Qwen <tool_call>", '<tool_call>\n{"name": "get_stock", "arguments": {"product": "Large Cabinet"}}\n</tool_call>'],
    ["bare JSON", '{"name": "get_stock", "parameters": {"product": "Large Cabinet"}}'],
    ["a fenced JSON list", '```json\n[{"name": "get_stock", "arguments": {"product": "Large Cabinet"}}]\n```'],
    ["Llama <|python_tag|>", '<|python_tag|>{"name": "get_stock", "parameters": {"product": "Large Cabinet"}}<|eom_id|>'],
    ["Llama <function=…>", '<function=get_stock>{"product": "Large Cabinet"}</function>'],
    ["Mistral [TOOL_CALLS]", '[TOOL_CALLS][{"name": "get_stock", "arguments": {"product": "Large Cabinet"}}]'],
  ] as const) {
    it(`a call written as the whole text (${label}) runs as a call, and the user never sees it`, async () => {
      env.llm.push({ content }, answerStock);
      const { streamed, last, sessionId } = await streamTurn("stock of Large Cabinet?");
      expect(last.data).toMatchObject({ reply: "Large Cabinet: 500 on hand." });
      expect(streamed).toBe("Large Cabinet: 500 on hand.");
      const history = await env.app.call("GET", `/v1/sessions/${sessionId}/messages?db=${DEMO.db}&uid=${DEMO.uid}`);
      expect(history.body.messages.map((m: { content: string }) => m.content)).toEqual(["stock of Large Cabinet?", "Large Cabinet: 500 on hand."]);
    });
  }

  it("a write written as text is only proposed", async () => {
    const orders = env.app.double.records("sale.order").length;
    env.llm.push({ content: '<tool_call>{"name": "create_quotation", "arguments": {"customer": "Deco Addict", "lines": [{"product": "Large Cabinet", "quantity": 2}]}}</tool_call>' }, { content: "Here is the proposal." });
    const { body } = await turn("quote Deco Addict 2 Large Cabinet");
    expect(body.actions.map((a: { status: string }) => a.status)).toEqual(["proposed"]);
    expect(env.app.double.records("sale.order")).toHaveLength(orders);
  });

  it("text that only quotes a call, or names a tool not offered, is text: nothing runs", async () => {
    const quoted = 'The product note says: {"name": "get_stock", "arguments": {"product": "Large Cabinet"}}';
    env.llm.push({ content: quoted });
    const first = await streamTurn("what does the note say?");
    expect(first.last.data.reply).toBe(quoted);
    expect(first.streamed).toBe(quoted);
    const notOffered = '{"name": "create_quotation", "arguments": {"customer": "Deco Addict", "lines": [{"product": "Office Chair", "quantity": 1}]}}';
    env.llm.push({ content: notOffered });
    const second = await streamTurn("quote", STOCK_ONLY);
    expect(second.last.data.reply).toBe(notOffered);
    expect(second.last.data.actions ?? []).toEqual([]);
    expect(env.llm.requests).toHaveLength(2);
  });

  it("a reply that starts like JSON but is not a call still streams whole", async () => {
    env.llm.push({ content: "[S00012] is confirmed." });
    const { streamed, last } = await streamTurn("status of S00012?");
    expect(streamed).toBe("[S00012] is confirmed.");
    expect(last.data.reply).toBe("[S00012] is confirmed.");
  });
});

describe("provider shapes", () => {
  const env = useLlmApp();
  const { turn, streamTurn } = helpers(env);

  it("deltas and messages without role", async () => {
    env.llm.push({ toolCalls: [STOCK_CALL], noRole: true }, (request) => ({ ...answerStock(request), noRole: true }));
    const { streamed, last } = await streamTurn("stock of Large Cabinet?");
    expect(last.data.reply).toBe("Large Cabinet: 500 on hand.");
    expect(streamed).toBe("Large Cabinet: 500 on hand.");
  });

  it("a server that ignores stream: true and answers one JSON body", async () => {
    env.llm.push({ toolCalls: [STOCK_CALL], ignoreStream: true }, (request) => ({ ...answerStock(request), ignoreStream: true }));
    const { streamed, last } = await streamTurn("stock of Large Cabinet?");
    expect(last.data.reply).toBe("Large Cabinet: 500 on hand.");
    expect(streamed).toBe("Large Cabinet: 500 on hand.");
  });

  it("a stream that yields nothing is asked again once without streaming", async () => {
    env.llm.push({ content: "", emptyStream: true }, { content: "Bonjour !" });
    const { body } = await turn("bonjour", ADMIN);
    expect(body.reply).toBe("Bonjour !");
    expect(env.llm.requests.map((r) => Boolean(r.stream))).toEqual([true, false]);
  });

  it("a reasoning model's reasoning_content is shown to no one and given back with its tool calls within the turn", async () => {
    env.llm.push({ toolCalls: [STOCK_CALL], reasoning: "The user wants stock. I call get_stock." }, answerStock);
    const { streamed, last } = await streamTurn("stock of Large Cabinet?");
    expect(streamed).toBe("Large Cabinet: 500 on hand.");
    expect(last.data.reply).toBe("Large Cabinet: 500 on hand.");
    const assistant = env.llm.requests[1]!.messages.find((m) => m.role === "assistant" && m.tool_calls?.length);
    expect(assistant?.reasoning_content).toBe("The user wants stock. I call get_stock.");
  });

  it("temperature 0 is sent by default; tool schemas are those strict servers accept", async () => {
    env.llm.push({ content: "ok" });
    await turn("hello");
    const [request] = env.llm.requests;
    expect(request!.temperature).toBe(0);
    const schemas = JSON.stringify(request!.tools!.map((t) => t.function.parameters));
    expect(schemas).not.toMatch(/"\$schema"|"additionalProperties"|"format"|"pattern"|"exclusiveMinimum"/);
    // a field with a default is not required
    const quotation = request!.tools!.find((t) => t.function.name === "list_quotations")!.function.parameters as { required?: string[]; properties: Record<string, { default?: unknown }> };
    for (const name of quotation.required ?? []) expect(quotation.properties[name]!.default).toBeUndefined();
  });

  it("a Retry-After longer than the cap is not waited: the user is told the model is busy, and for how long", async () => {
    env.llm.push({ status: 429, retryAfter: 45 });
    const { status, body } = await turn("Bonjour", ADMIN);
    expect(status).toBe(503);
    expect(body.error.code).toBe("busy:llm");
    expect(body.error.message).toMatch(/45 s/);
    expect(env.llm.requests).toHaveLength(1);
    // a request the offline planner knows is still answered, and says why
    env.llm.push({ status: 429, retryAfter: 45 });
    const stock = await turn("stock of Large Cabinet?");
    expect(stock.status).toBe(200);
    expect(stock.body.reply).toMatch(/The language model is busy right now/);
  });

  it("the tokens a failed turn spent are counted (the budget applies), with or without the planner's answer", async () => {
    const company = { db: ADMIN.db, id: ADMIN.company_id! };
    const before = await env.app.store.companyUsage(company.db, company.id);
    env.llm.push({ toolCalls: [STOCK_CALL] }, { status: 500 }, { status: 500 }, { status: 500 });
    expect((await turn("Bonjour", ADMIN)).status).toBe(503);
    const afterFailure = await env.app.store.companyUsage(company.db, company.id);
    expect(afterFailure).toBeGreaterThan(before);
    env.llm.reset();
    env.llm.push({ toolCalls: [STOCK_CALL] }, { status: 500 }, { status: 500 }, { status: 500 });
    const answered = await turn("stock of Large Cabinet?", ADMIN);
    expect(answered.status).toBe(200);
    expect(await env.app.store.companyUsage(company.db, company.id)).toBeGreaterThan(afterFailure);
  });

  it("a short Retry-After is waited once, then the answer comes", async () => {
    env.llm.push({ status: 429, retryAfter: 1 }, { content: "Here." });
    const { body } = await turn("hello");
    expect(body.reply).toBe("Here.");
    expect(env.llm.requests).toHaveLength(2);
  });
});

describe("a turn is bounded", () => {
  describe("a stream that stalls after its headers", () => {
    const env = useLlmApp({ model: { streamIdleMs: 300 } });
    const { turn } = helpers(env);
    it("ends the turn with the clear model error, not a hang", async () => {
      env.llm.push({ content: "never", stall: true });
      const { status, body } = await turn("Bonjour", ADMIN);
      expect(status).toBe(503);
      expect(body.error.code).toBe("unavailable:llm");
    });
  });

  describe("the whole-turn deadline", () => {
    const env = useLlmApp({ model: { streamIdleMs: 60_000 }, turnDeadlineMs: 1_000 });
    const { turn } = helpers(env);
    it("stops the turn with a sentence saying so, before its delegation expires", async () => {
      env.llm.push({ content: "never", stall: true });
      const { status, body } = await turn("Write me a poem");
      expect(status).toBe(200);
      expect(body.reply).toMatch(/^This answer took longer than 1 s, so I stopped it\./);
    });
  });
});

describe("the prompt a small model can hold", () => {
  describe("every tool (LLM_TOOLS=all)", () => {
    const env = useLlmApp();
    const { turn } = helpers(env);
    it("describes the tools in the user's language", async () => {
      env.llm.push({ content: "ok" }, { content: "ok" });
      await turn("stock du Large Cabinet ?", ADMIN);
      await turn("stock of Large Cabinet?", DEMO);
      const [fr, en] = env.llm.requests.map((r) => r.tools!.find((t) => t.function.name === "get_stock")!.function.description);
      expect(en).toBe("Stock of one product: quantity on hand and forecast (on hand plus incoming minus outgoing).");
      expect(fr).toBe("Stock d'un produit : quantité en stock et prévue (en stock plus entrées moins sorties).");
      expect(env.llm.requests[0]!.tools!.map((t) => t.function.name)).not.toContain("more_tools");
    });
  });

  describe("the relevant tools first (LLM_TOOLS=relevant)", () => {
    const env = useLlmApp({ toolSelection: "relevant" });
    const { turn } = helpers(env);
    it("offers the tools the request can need and more_tools; more_tools offers the rest", async () => {
      env.llm.push({ toolCalls: [STOCK_CALL] }, answerStock);
      const { body } = await turn("how many Large Cabinet do we have left?");
      expect(body.reply).toBe("Large Cabinet: 500 on hand.");
      const first = env.llm.requests[0]!.tools!.map((t) => t.function.name);
      expect(first).toContain("get_stock");
      expect(first).toContain("more_tools");
      expect(first.length).toBeLessThanOrEqual(7);
      const firstSize = JSON.stringify(env.llm.requests[0]!.tools).length;

      env.llm.reset();
      env.llm.push({ toolCalls: [{ name: "more_tools", args: {} }] }, { toolCalls: [{ name: "list_projects", args: {} }] }, { content: "Here are the projects." });
      const second = await turn("how many Large Cabinet do we have left?", ADMIN);
      expect(second.body.reply).toBe("Here are the projects.");
      const listed = JSON.parse(String(env.llm.requests[1]!.messages.find((m) => m.role === "tool")!.content)).tools.map((t: { name: string }) => t.name);
      expect(listed).toContain("list_projects");
      const after = env.llm.requests[1]!.tools!.map((t) => t.function.name);
      expect(after).toContain("list_projects");
      expect(after).not.toContain("more_tools");
      expect(JSON.stringify(env.llm.requests[1]!.tools).length).toBeGreaterThan(firstSize * 2);
    });
  });
});

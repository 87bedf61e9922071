import { describe, expect, it } from "vitest";
import { cleanSchema, completionToSse, prepareRequest, refusesTemperature } from "../../src/agent/provider-wire.js";
import { coerceToSchema, mayBeTextToolCall, parseArguments, toolCallsInText } from "../../src/agent/tool-call-repair.js";

describe("what is sent to the model server", () => {
  it("temperature: as configured, not at all when unset, never to o-series or gpt-5", () => {
    expect(prepareRequest({ model: "qwen3:8b", temperature: 1 }, { temperature: 0 }).temperature).toBe(0);
    expect("temperature" in prepareRequest({ model: "qwen3:8b", temperature: 0 }, { temperature: undefined })).toBe(false);
    for (const model of ["o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini", "openai/gpt-5-nano", "azure:o3"]) {
      expect(refusesTemperature(model), model).toBe(true);
      expect("temperature" in prepareRequest({ model, temperature: 0 }, { temperature: 0 })).toBe(false);
    }
    for (const model of ["gpt-4.1-mini", "gpt-4o", "llama3.1:8b", "deepseek-chat", "qwen2.5:7b-instruct", "solar-pro"]) expect(refusesTemperature(model), model).toBe(false);
  });

  it("tool schemas cleaned for strict servers", () => {
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "object",
      additionalProperties: false,
      properties: {
        quantity: { type: "integer", exclusiveMinimum: 0 },
        price: { type: "number", exclusiveMinimum: 0 },
        date: { type: "string", format: "date", pattern: "^\\d{4}" },
        limit: { type: "integer", default: 10 },
        lines: { type: "array", items: { type: "object", additionalProperties: false, properties: { product: { type: "string" } }, required: ["product"] } },
      },
      required: ["quantity", "price", "date", "limit", "lines"],
    };
    expect(cleanSchema(schema)).toEqual({
      type: "object",
      properties: {
        quantity: { type: "integer", minimum: 1 },
        price: { type: "number", minimum: 0 },
        date: { type: "string" },
        limit: { type: "integer", default: 10 },
        lines: { type: "array", items: { type: "object", properties: { product: { type: "string" } }, required: ["product"] } },
      },
      required: ["quantity", "price", "date", "lines"],
    });
    // a property named like a dropped key is a property, not a key
    expect(cleanSchema({ type: "object", properties: { format: { type: "string" } } })).toEqual({ type: "object", properties: { format: { type: "string" } } });
  });

  it("a whole completion as the stream it should have been", () => {
    const sse = completionToSse({ id: "c1", model: "m", choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_stock", arguments: "{}" } }] }, finish_reason: "tool_calls" }], usage: { prompt_tokens: 3 } });
    const events = sse.trim().split("\n\n").map((event) => event.replace(/^data: /, ""));
    expect(events.at(-1)).toBe("[DONE]");
    const first = JSON.parse(events[0]!);
    expect(first.choices[0]).toMatchObject({ delta: { role: "assistant", tool_calls: [{ index: 0, id: "call_1", function: { name: "get_stock" } }] }, finish_reason: "tool_calls" });
    expect(JSON.parse(events[1]!).usage).toEqual({ prompt_tokens: 3 });
  });
});

describe("tool calls written loosely", () => {
  it("arguments read whole or not at all", () => {
    expect(parseArguments({ a: 1 })).toEqual({ a: 1 });
    expect(parseArguments('```json\n{"a": 1}\n```<|im_end|>')).toEqual({ a: 1 });
    expect(parseArguments("{'a': 'l\\'eau', b: [1, 2,],}")).toEqual({ a: "l'eau", b: [1, 2] });
    expect(parseArguments("")).toEqual({});
    // cut short, or not an object: unreadable
    expect(parseArguments('{"quantity": 1')).toBeUndefined();
    expect(parseArguments('{"lines": [{"quantity": 12}')).toBeUndefined();
    expect(parseArguments("[1, 2]")).toBeUndefined();
    expect(parseArguments("12")).toBeUndefined();
  });

  it("calls as the whole text only, of offered tools only", () => {
    const offered = new Set(["get_stock", "search_products"]);
    expect(toolCallsInText('<tool_call>{"name":"get_stock","arguments":{"product":"X"}}</tool_call>\n<tool_call>{"name":"search_products","arguments":{"query":"desk"}}</tool_call>', offered)).toEqual([
      { name: "get_stock", args: { product: "X" } },
      { name: "search_products", args: { query: "desk" } },
    ]);
    expect(toolCallsInText('{"type": "function", "function": {"name": "get_stock", "arguments": "{\\"product\\": \\"X\\"}"}}', offered)).toEqual([{ name: "get_stock", args: { product: "X" } }]);
    expect(toolCallsInText("[TOOL_CALLS]get_stock[ARGS]{\"product\": \"X\"}", offered)).toEqual([{ name: "get_stock", args: { product: "X" } }]);
    // not calls
    for (const text of [
      'Here it is: {"name": "get_stock", "arguments": {"product": "X"}}',
      '{"name": "get_stock", "arguments": {"product": "X"}} and more',
      '{"name": "drop_table", "arguments": {}}',
      '{"name": "Large Cabinet", "price": 320}',
      '{"name": "get_stock", "arguments": {"product": "X"}, "note": "extra key"}',
      "[1, 2, 3]",
      "<tool_call>not json</tool_call>",
      '<tool_call>{"name": "get_stock", "arguments": {"product": "X"',
      "The stock is 500.",
    ]) {
      expect(toolCallsInText(text, offered), text).toBeUndefined();
    }
  });

  it("which replies are held back while they may still be a call", () => {
    for (const start of ["", " ", "{", '{"na', "[", "[{", "[TOOL", "`", "```json", "<", "<tool", "<|python", "<function="]) expect(mayBeTextToolCall(start), start).toBe(true);
    for (const start of ["Hello", "[S00012]", "<b>", "- item", "1.", "Le stock"]) expect(mayBeTextToolCall(start), start).toBe(false);
  });

  it("numbers written as text read as the schema asks", () => {
    const schema = {
      type: "object",
      properties: {
        quantity: { type: "number" },
        limit: { anyOf: [{ type: "integer" }, { type: "null" }] },
        name: { type: "string" },
        flag: { type: "boolean" },
        lines: { type: "array", items: { type: "object", properties: { quantity: { type: "number" } } } },
      },
    };
    expect(coerceToSchema({ quantity: "2,5", limit: "10", name: "12", flag: "true", lines: '[{"quantity": "trois"}]' }, schema)).toEqual({
      quantity: 2.5,
      limit: 10,
      name: "12",
      flag: true,
      lines: [{ quantity: 3 }],
    });
    // what is not a number stays as it came, for validation to refuse
    expect(coerceToSchema({ quantity: "a few" }, schema)).toEqual({ quantity: "a few" });
    expect(coerceToSchema({ quantity: "1 000" }, schema)).toEqual({ quantity: 1000 });
  });
});

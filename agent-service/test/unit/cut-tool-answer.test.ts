import { describe, expect, it } from "vitest";
import { isCutToolAnswer } from "../../src/agent/create-agent.js";

const call = (args: unknown) => ({
  tool_calls: [{ name: "get_stock", args: {} }],
  additional_kwargs: { tool_calls: [{ function: { arguments: args } }] },
});

describe("a model answer cut inside its tool calls", () => {
  it("is whole when the arguments parse to an object and the server finished on tool_calls", () => {
    expect(isCutToolAnswer({ ...call('{"product":"Large Cabinet"}'), response_metadata: { finish_reason: "tool_calls" } })).toBe(false);
  });
  it("is whole when a server sends the arguments as an object, or none", () => {
    expect(isCutToolAnswer({ ...call({ product: "Large Cabinet" }), response_metadata: { finish_reason: "stop" } })).toBe(false);
    expect(isCutToolAnswer({ ...call(""), response_metadata: { finish_reason: "tool_calls" } })).toBe(false);
  });
  it("is cut when the arguments do not parse whole, whatever the finish reason says", () => {
    expect(isCutToolAnswer({ ...call('{"product":"Large Cabinet","quantity":1'), response_metadata: { finish_reason: "tool_calls" } })).toBe(true);
    expect(isCutToolAnswer({ ...call('"Large Cabinet"'), response_metadata: { finish_reason: "tool_calls" } })).toBe(true);
  });
  it("is cut on finish_reason length, or when the stream ended with no finish reason", () => {
    expect(isCutToolAnswer({ ...call('{"product":"Large Cabinet"}'), response_metadata: { finish_reason: "length" } })).toBe(true);
    expect(isCutToolAnswer({ ...call('{"product":"Large Cabinet"}'), response_metadata: { copilot_cut: true } })).toBe(true);
  });
  it("never concerns an answer without tool calls", () => {
    expect(isCutToolAnswer({ tool_calls: [], response_metadata: { finish_reason: "length" } })).toBe(false);
  });
});

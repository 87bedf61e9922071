import { describe, expect, it } from "vitest";
import { createThinkingFilter, stripThinking } from "../../src/agent/think.js";

const answer = "<think>\nThe user wants the stock of Large Cabinet. I should call get_stock.\n</think>\n\nLarge Cabinet: 500 on hand.";

describe("thinking written in a reasoning model's answer", () => {
  it("is removed from the whole text, closed or not", () => {
    expect(stripThinking(answer)).toBe("Large Cabinet: 500 on hand.");
    expect(stripThinking("<think>still thinking when the stream stopped")).toBe("");
    expect(stripThinking("No thinking here, only a <b>tag</b>.")).toBe("No thinking here, only a <b>tag</b>.");
    expect(stripThinking("Before <think>x</think>after")).toBe("Before after");
  });

  it("never reaches the stream, however the pieces cut the tags", () => {
    for (let size = 1; size <= answer.length; size += 1) {
      const filter = createThinkingFilter();
      let shown = "";
      for (let at = 0; at < answer.length; at += size) shown += filter.push(answer.slice(at, at + size));
      expect(shown, `pieces of ${size}`).toBe("Large Cabinet: 500 on hand.");
    }
  });

  it("lets through text that only looks like the start of a tag", () => {
    const filter = createThinkingFilter();
    expect(filter.push("a < b and <t")).toBe("a < b and ");
    expect(filter.push("able>")).toBe("<table>");
  });
});

import { describe, expect, it } from "vitest";
import { fitToBudget } from "../../src/agent/create-agent.js";
import { buildPromptHistory } from "../../src/agent/history.js";

describe("budgets", () => {
  it("cuts a tool's long lists to fit, and says more is available", () => {
    const data = { products: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `Product ${i}` })), more: false };
    const fitted = fitToBudget(data, 2_000) as { products: unknown[]; truncated: boolean; more_available: boolean };
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(2_100);
    expect(fitted.products.length).toBeGreaterThan(10);
    expect(fitted).toMatchObject({ truncated: true, more_available: true });
    expect(fitToBudget({ a: 1 }, 2_000)).toEqual({ a: 1 });
  });

  it("keeps the newest messages within the budget and starts with the user", () => {
    const messages = Array.from({ length: 50 }, (_, i) => ({
      id: String(i),
      role: (i % 2 ? "assistant" : "user") as "user" | "assistant",
      content: `${i}:${"x".repeat(900)}`,
      created_at: "",
    }));
    const { digest, recent } = buildPromptHistory(messages, 5_000);
    expect(recent.length).toBeLessThanOrEqual(6);
    expect(recent[0]!.role).toBe("user");
    expect(recent.at(-1)!.content.startsWith("49:")).toBe(true);
    expect(digest).toMatch(/^Earlier in this conversation the user asked \(2\d requests/);
  });
});

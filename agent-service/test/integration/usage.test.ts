import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";
import { startScriptedLlm, type ScriptedLlm } from "../helpers/scripted-llm.js";

describe("token usage, the monthly budget and metrics", () => {
  let llm: ScriptedLlm;
  let app: TestApp;
  beforeAll(async () => {
    llm = await startScriptedLlm();
    app = await buildTestApp({ runner: { llmBaseUrl: llm.baseUrl }, monthlyTokenBudget: 50 });
  });
  afterAll(async () => {
    await app.close();
    await llm.close();
  });

  const turn = (message: string) => {
    const sessionId = newSessionId();
    return app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message });
  };

  it("counts the model's tokens per company and refuses politely once the month's budget is spent", async () => {
    llm.push({ content: "Bonjour !" }, { content: "Encore ?" });
    expect((await turn("Bonjour")).status).toBe(200);
    expect(await app.store.companyUsage(ADMIN.db, ADMIN.company_id!)).toBeGreaterThan(50);
    const refused = await turn("Encore une question");
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: "budget:exceeded",
      message: "Le budget mensuel du copilote de votre société est épuisé ; il se renouvelle le mois prochain. Votre administrateur peut l'augmenter.",
    });
    expect(llm.requests).toHaveLength(1);
  });

  it("exposes Prometheus metrics: turns, model calls, tokens, errors", async () => {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(/copilot_turn_seconds_count\{mode="llm",outcome="done"\} 1/);
    expect(text).toMatch(/copilot_model_call_seconds_count 1/);
    expect(text).toMatch(/copilot_model_tokens_total\{direction="in"\} [1-9]/);
    expect(text).toMatch(/copilot_errors_total\{code="budget:exceeded"\} 1/);
  });

  it("estimates the tokens of a server that reports no usage, so the budget still applies", async () => {
    const company = { ...ADMIN, db: "copilot_nousage" };
    const sessionId = newSessionId();
    llm.reset();
    llm.push({ toolCalls: [{ name: "get_stock", args: { product: "Large Cabinet" } }], noUsage: true }, { content: "Il reste 500 Large Cabinet.", noUsage: true });
    const { status } = await app.call("POST", "/v1/turns", { ...app.as(company, sessionId), session_id: sessionId, message: "stock du Large Cabinet ?" });
    expect(status).toBe(200);
    // Two calls, each carrying the system prompt and the offered tools' schemas: thousands of tokens, not 0.
    const used = await app.store.companyUsage(company.db, company.company_id!);
    expect(used).toBeGreaterThan(1000);
    expect(used).toBeLessThan(20_000);
  });
});

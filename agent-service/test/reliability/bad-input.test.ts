import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIntent } from "../../src/agent/planner/parse.js";
import { ADMIN, DEMO, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

/**
 * Property-based bad input: random unicode, huge strings, deep JSON, wrong types, missing fields.
 * Always a 4xx with a clear message or a polite answer; never a 5xx, never a crash; the Redis state
 * of another user's session untouched.
 */
describe("bad input", () => {
  let app: TestApp;
  let witness: { sessionId: string; messages: unknown };
  beforeAll(async () => {
    app = await buildTestApp();
    const sessionId = newSessionId();
    await app.call("POST", "/v1/turns", { ...app.as(DEMO, sessionId), session_id: sessionId, message: "What is the stock of Large Cabinet?" });
    witness = { sessionId, messages: (await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${DEMO.db}&uid=${DEMO.uid}`)).body };
  });
  afterAll(async () => {
    // Another user's conversation is as it was.
    const now = await app.call("GET", `/v1/sessions/${witness.sessionId}/messages?db=${DEMO.db}&uid=${DEMO.uid}`);
    expect(now.body).toEqual(witness.messages);
    await app.close();
  });

  const deepJson = fc.letrec((tie) => ({ tree: fc.oneof({ depthSize: "small" }, fc.jsonValue(), fc.array(tie("tree"), { maxLength: 3 }), fc.dictionary(fc.string(), tie("tree"), { maxKeys: 3 })) })).tree;
  const anyValue = fc.oneof(fc.string({ unit: "binary" }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), deepJson, fc.string({ minLength: 9000, maxLength: 12000 }));

  it("turns: any body is a 4xx with a message, or a polite 200", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { user: fc.oneof(anyValue, fc.constant(ADMIN)), delegation: anyValue, session_id: fc.oneof(anyValue, fc.constant(newSessionId())), message: fc.oneof(anyValue, fc.string({ unit: "grapheme", maxLength: 300 })) },
          { requiredKeys: [] },
        ),
        async (body) => {
          const { status, body: answer } = await app.call("POST", "/v1/turns", body);
          expect(status).toBeLessThan(500);
          if (status >= 400) expect(answer.error.message.length).toBeGreaterThan(10);
          else expect(typeof answer.reply).toBe("string");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the offline planner reads any text without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 400 }), fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom("/", "/devis", "/stock ", "devis pour :", "3x", "combien de  ?")), (text) => {
        const intent = parseIntent(text, "2026-11-23");
        expect(["tool", "ask", "help", "refuse_destructive", "unknown"]).toContain(intent.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it("action, session and stop routes: random ids, bodies and queries never answer a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 80 }), anyValue, async (id, body) => {
        const path = encodeURIComponent(id) || "x";
        const text = encodeURIComponent(JSON.stringify(body) ?? "x");
        for (const [method, url, payload] of [
          ["POST", `/v1/actions/${path}/confirm`, body],
          ["POST", `/v1/actions/${path}/reject`, { ...app.as(ADMIN), junk: body }],
          ["GET", `/v1/sessions/${path}/messages?db=${text}&uid=${text}`, undefined],
          ["GET", `/v1/sessions?uid=${path}`, undefined],
          ["POST", `/v1/sessions/${path}/stop`, body],
        ] as const) {
          const { status } = await app.call(method, url, payload);
          expect(status, `${method} ${url}`).toBeLessThan(500);
        }
      }),
      { numRuns: 40 },
    );
  });
});

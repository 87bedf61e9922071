import { Redis } from "ioredis";
import { describe, expect, inject, it } from "vitest";
import { createRedisConversationStore } from "../../src/memory/redis-conversation-store.js";
import { ADMIN, DEMO, buildTestApp, newSessionId, useLlmApp } from "../helpers/build-test-app.js";

describe("long-term memory, export and deletion", () => {
  const env = useLlmApp();
  const query = (user = ADMIN) => `db=${user.db}&uid=${user.uid}&lang=${user.lang}`;
  const turn = (message: string, user = ADMIN, sessionId = newSessionId()) =>
    env.app.call("POST", "/v1/turns", { ...env.app.as(user, sessionId), session_id: sessionId, message });

  it("a preference stated in one conversation is used in another", async () => {
    env.llm.push({ toolCalls: [{ name: "remember", args: { fact: "Mon entrepôt par défaut est WH2" } }] }, { content: "C'est noté." });
    await turn("Retiens que mon entrepôt par défaut est WH2");
    env.llm.push({ content: "Je regarde dans WH2." });
    await turn("Quel est le stock de Large Cabinet ?");
    const system = String(env.llm.requests.at(-1)!.messages[0]!.content);
    expect(system).toContain('"Mon entrepôt par défaut est WH2"');
    // Another user's conversations do not see it.
    env.llm.push({ content: "ok" });
    await turn("Bonjour", DEMO);
    expect(String(env.llm.requests.at(-1)!.messages[0]!.content)).not.toContain("WH2");
  });

  it("lists and deletes memories, exports and deletes the history", async () => {
    const { body } = await env.app.call("GET", `/v1/memories?${query()}`);
    expect(body.memories.map((m: { text: string }) => m.text)).toEqual(["Mon entrepôt par défaut est WH2"]);
    const id = body.memories[0].id;
    expect((await env.app.call("POST", `/v1/memories/${id}/delete`, { user: DEMO })).status).toBe(404);
    expect((await env.app.call("POST", `/v1/memories/${id}/delete`, { user: ADMIN })).body).toEqual({ deleted: true });
    expect((await env.app.call("GET", `/v1/memories?${query()}`)).body.memories).toEqual([]);

    const exported = await env.app.call("GET", `/v1/export?${query()}`);
    expect(exported.body.conversations.length).toBeGreaterThanOrEqual(2);
    expect(exported.body.conversations[0].messages.length).toBeGreaterThan(0);
    const sessionId = exported.body.conversations[0].id;
    expect((await env.app.call("POST", `/v1/sessions/${sessionId}/delete`, { user: ADMIN })).body).toEqual({ deleted: true });
    expect((await env.app.call("GET", `/v1/sessions/${sessionId}/messages?${query()}`)).status).toBe(404);

    await env.app.call("POST", "/v1/history/delete", { user: ADMIN });
    expect((await env.app.call("GET", `/v1/sessions?${query()}`)).body.sessions).toEqual([]);
    expect((await env.app.call("GET", `/v1/sessions?${query(DEMO)}`)).body.sessions.length).toBe(1);
  });

  it("the offline planner remembers and forgets too", async () => {
    const planner = await buildTestApp();
    try {
      const sessionId = newSessionId();
      const said = await planner.call("POST", "/v1/turns", { ...planner.as(ADMIN, sessionId), session_id: sessionId, message: "Retiens que je préfère les devis valables 60 jours" });
      expect(said.body.reply).toMatch(/^C'est noté : « je préfère les devis valables 60 jours »/);
      const forgot = await planner.call("POST", "/v1/turns", { ...planner.as(ADMIN, sessionId), session_id: sessionId, message: "Oublie les devis valables 60 jours" });
      expect(forgot.body.reply).toMatch(/^Oublié : « je préfère les devis valables 60 jours »/);
    } finally {
      await planner.close();
    }
  });

  it("conversations expire after the retention time since their last message", async () => {
    const redis = new Redis(inject("redisUrl"));
    try {
      const store = createRedisConversationStore(redis, { prefix: `retention:${Date.now()}:`, retentionSeconds: 3600 });
      const owner = { db: "d", uid: 1 };
      await store.ensureSession(owner, "s1", "t");
      await store.appendMessages(owner, "s1", [{ id: "m", role: "user", content: "x", created_at: "" }]);
      const keys = await redis.keys(`retention:*:s:s1*`);
      expect(keys).toHaveLength(2);
      for (const key of keys) expect(await redis.ttl(key)).toBeGreaterThan(3500);
    } finally {
      redis.disconnect();
    }
  });
});

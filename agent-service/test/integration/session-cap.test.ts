import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createRedisConversationStore } from "../../src/memory/redis-conversation-store.js";

/** A user's conversations are bounded (security review, finding 7): the oldest unpinned make room. */
describe("conversations per user", () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(inject("redisUrl"));
  });
  afterAll(() => redis.disconnect());

  it("keeps at most the bound, deleting the oldest that is not pinned, never the one being written", async () => {
    const store = createRedisConversationStore(redis, { prefix: `test:cap:${randomBytes(4).toString("hex")}:`, maxSessions: 3 });
    const owner = { db: "copilot_demo", uid: 6 };
    for (const id of ["s_one_0001", "s_two_0002", "s_three_03"]) {
      await store.ensureSession(owner, id, id);
      await new Promise((resolve) => setTimeout(resolve, 2)); // distinct activity times
    }
    await store.updateSession(owner, "s_one_0001", { pinned: true });
    await store.appendMessages(owner, "s_two_0002", [{ id: "m1", role: "user", content: "hi", created_at: "2026-01-01" }]);
    await store.ensureSession(owner, "s_four_004", "four");
    const ids = (await store.listSessions(owner, 10)).map((session) => session.id).sort();
    expect(ids).toEqual(["s_four_004", "s_one_0001", "s_two_0002"]);
    expect(await store.getSession(owner, "s_three_03")).toBeUndefined();
    expect(await store.getMessages(owner, "s_two_0002", 10)).toHaveLength(1);
  });
});

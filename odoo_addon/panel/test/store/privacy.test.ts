import { describe, expect, it, vi } from "vitest";

import { CopilotStore } from "../../src/store/copilot_store";

import { T, fakeApi } from "../fakes";
import { missingRoute, NEWER, networkError, session } from "./helpers";

describe("memories and history", () => {
  const memories = [
    { id: "mem_1", text: "Livraisons le lundi", created_at: T },
    { id: "mem_2", text: "Bureau de Bruxelles", created_at: T },
  ];

  it("lists the memories and deletes one", async () => {
    const api = fakeApi({ memories: vi.fn(async () => ({ memories })) });
    const store = new CopilotStore(api);
    await store.loadMemories();
    expect(store.memoriesState).toBe("ready");
    expect(store.memories).toHaveLength(2);
    await expect(store.deleteMemory("mem_1")).resolves.toBe(true);
    expect(api.deleteMemory).toHaveBeenCalledWith("mem_1");
    expect(store.memories.map((memory) => memory.id)).toEqual(["mem_2"]);
  });

  it("says the addon is too old when the memories route is missing", async () => {
    const store = new CopilotStore(fakeApi({ memories: vi.fn().mockRejectedValue(missingRoute()) }));
    await store.loadMemories();
    expect(store.memoriesState).toBe("error");
    expect(store.memoriesError).toBe(NEWER);
  });

  it("exports the history, and deletes all of it: conversation, list and memories emptied", async () => {
    const api = fakeApi({ memories: vi.fn(async () => ({ memories })), sessions: vi.fn(async () => ({ sessions: [session("s1", T)] })) });
    const store = new CopilotStore(api);
    await expect(store.exportHistory()).resolves.toMatchObject({ conversations: [] });
    await store.loadSessions();
    await store.loadMemories();
    store.sessionId = "s1";
    await expect(store.deleteHistory()).resolves.toBe(true);
    expect(store.sessions).toEqual([]);
    expect(store.memories).toEqual([]);
    expect(store.sessionId).toBeNull();
    expect(store.historyNotice).toBe("Your conversations and memories were deleted.");
  });

  it("keeps everything when the deletion fails, and says why", async () => {
    const store = new CopilotStore(fakeApi({ deleteHistory: vi.fn().mockRejectedValue(networkError()) }));
    store.sessionId = "s1";
    await expect(store.deleteHistory()).resolves.toBe(false);
    expect(store.sessionId).toBe("s1");
    expect(store.historyError).toBe("Odoo cannot be reached. Check your connection and try again.");
    expect(store.historyRequest).toBe("");
  });
});

import { describe, expect, it, vi } from "vitest";

import type { ChatResult, Message, Session, TurnEvent } from "../../src/api/types";
import { mostRecentSession } from "../../src/store/conversations";
import { CopilotStore } from "../../src/store/copilot_store";

import { T, deferred, fakeApi, makeSession } from "../fakes";
import { missingRoute, NEWER, networkError, session } from "./helpers";

describe("mostRecentSession", () => {
  it("picks the latest activity whatever the order", () => {
    expect(mostRecentSession([session("a", "2026-01-01T10:00:00Z"), session("b", "2026-01-02T09:00:00Z")])?.id).toBe("b");
    expect(mostRecentSession([])).toBeUndefined();
  });
});

describe("CopilotStore opening a conversation", () => {
  it("reopens the most recent session when the panel opens", async () => {
    const history: Message[] = [
      { id: "m1", role: "user", content: "Bonjour", created_at: T },
      { id: "m2", role: "assistant", content: "Bonjour !", created_at: T },
    ];
    const api = fakeApi({
      sessions: vi.fn(async () => ({ sessions: [session("old", "2026-01-01T00:00:00Z"), session("recent", "2026-02-01T00:00:00Z")] })),
      messages: vi.fn(async (id: string) => ({ session_id: id, messages: history })),
    });
    const store = new CopilotStore(api);
    store.open();
    expect(store.isOpen).toBe(true);
    expect(store.loadState).toBe("loading");
    await vi.waitFor(() => expect(store.loadState).toBe("ready"));
    expect(api.messages).toHaveBeenCalledWith("recent");
    expect(store.sessionId).toBe("recent");
    expect(store.sessionTitle).toBe("Session recent");
    expect(store.messages).toEqual(history);

    // Closing and opening again does not reload.
    store.toggle();
    store.toggle();
    expect(api.sessions).toHaveBeenCalledTimes(1);
  });

  it("follows an answer still being written when the conversation opens (a reload, another tab)", async () => {
    const release = deferred<void>();
    const followTurn = vi.fn(async (_turnId: string, _after: number, onEvent: (event: TurnEvent) => void) => {
      onEvent({ type: "start", session_id: "s1", turn_id: "turn_9" });
      onEvent({ type: "text", text: "Le stock de " });
      await release.promise;
      onEvent({ type: "done", result: { session_id: "s1", reply: "Le stock de Large Cabinet : 500.", actions: [], message_id: "m9" } });
    });
    const api = fakeApi({
      sessions: vi.fn(async () => ({ sessions: [makeSession("s1")] })),
      messages: vi.fn(async () => ({ session_id: "s1", messages: [], running_turn: { turn_id: "turn_9", message: "stock Large Cabinet ?" } })),
      followTurn,
    });
    const store = new CopilotStore(api);
    await store.loadLastSession();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(followTurn).toHaveBeenCalledWith("turn_9", 0, expect.any(Function), expect.any(AbortSignal));
    expect(store.messages.map((message) => [message.role, message.content])).toEqual([
      ["user", "stock Large Cabinet ?"],
      ["assistant", "Le stock de "],
    ]);
    expect(store.messages[1]!.streaming).toBe(true);
    expect(store.canStop).toBe(true);
    release.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.messages[1]).toMatchObject({ id: "m9", content: "Le stock de Large Cabinet : 500.", streaming: false });
  });

  it("starts empty when the user has no session yet", async () => {
    const api = fakeApi();
    const store = new CopilotStore(api);
    await store.loadLastSession();
    expect(store.loadState).toBe("ready");
    expect(store.messages).toEqual([]);
    expect(api.messages).not.toHaveBeenCalled();
  });

  it("shows a failed load in place and loads again on retry", async () => {
    const api = fakeApi({ sessions: vi.fn().mockRejectedValueOnce(networkError()).mockResolvedValue({ sessions: [] }) });
    const store = new CopilotStore(api);
    await store.loadLastSession();
    expect(store.loadState).toBe("error");
    expect(store.loadError).toBe("Odoo cannot be reached. Check your connection and try again.");
    await store.loadLastSession();
    expect(store.loadState).toBe("ready");
    expect(store.loadError).toBe("");
  });

  it("starts a new conversation: empty list, no session id, late answers dropped", async () => {
    const pending = deferred<ChatResult>();
    const chat = vi.fn().mockReturnValueOnce(pending.promise).mockResolvedValue({
      session_id: "s2",
      reply: "fresh",
      actions: [],
      message_id: "m9",
    });
    const store = new CopilotStore(fakeApi({ chat }));
    store.loadState = "ready";
    store.sessionId = "s1";
    store.sessionTitle = "Old";
    const late = store.send("slow question");

    store.newConversation();
    expect(store.messages).toEqual([]);
    expect(store.sessionId).toBeNull();
    expect(store.sessionTitle).toBe("");
    expect(store.sending).toBe(false);

    pending.resolve({ session_id: "s1", reply: "late", actions: [], message_id: "m3" });
    await late;
    expect(store.messages).toEqual([]);
    expect(store.sessionId).toBeNull();

    await store.send("new question");
    expect(chat).toHaveBeenLastCalledWith({ message: "new question" });
    expect(store.sessionId).toBe("s2");
  });
});

describe("the conversations list", () => {
  const list = () => [
    { ...session("s1", "2026-01-02T00:00:00Z"), title: "Devis Deco Addict", pinned: true },
    { ...session("s2", "2026-01-01T00:00:00Z"), title: "Stock des chaises" },
  ];

  it("loads the list, filters it here too when the addon ignores the query, and drops a stale answer", async () => {
    const slow = deferred<{ sessions: Session[] }>();
    const sessions = vi.fn().mockReturnValueOnce(slow.promise).mockResolvedValue({ sessions: list() });
    const store = new CopilotStore(fakeApi({ sessions }));
    const first = store.loadSessions("old query");
    expect(store.sessionsState).toBe("loading");
    await store.loadSessions("chaises");
    expect(sessions).toHaveBeenLastCalledWith("chaises");
    slow.resolve({ sessions: [] }); // the answer to the first query arrives last: ignored
    await first;
    expect(store.sessionsState).toBe("ready");
    expect(store.sessions).toHaveLength(2);
    expect(store.visibleSessions.map((s) => s.id)).toEqual(["s2"]);
  });

  it("opens a conversation of the list with its messages", async () => {
    const history: Message[] = [{ id: "m1", role: "user", content: "Stock ?", created_at: T }];
    const api = fakeApi({ sessions: vi.fn(async () => ({ sessions: list() })), messages: vi.fn(async (id: string) => ({ session_id: id, messages: history })) });
    const store = new CopilotStore(api);
    await store.loadSessions();
    const opening = store.openSession("s2");
    expect(store.loadState).toBe("loading");
    expect(store.sessionTitle).toBe("Stock des chaises");
    await opening;
    expect(store.sessionId).toBe("s2");
    expect(store.messages).toEqual(history);
    await store.openSession("s2"); // already shown: no reload
    expect(api.messages).toHaveBeenCalledTimes(1);
  });

  it("renames and pins in place, and updates the open conversation's title", async () => {
    const api = fakeApi({ sessions: vi.fn(async () => ({ sessions: list() })) });
    const store = new CopilotStore(api);
    await store.loadSessions();
    store.sessionId = "s2";
    await expect(store.renameSession("s2", "  Chaises  ")).resolves.toBe(true);
    expect(api.updateSession).toHaveBeenLastCalledWith("s2", { title: "Chaises" });
    expect(store.sessions[1]).toMatchObject({ id: "s2", title: "Chaises" });
    expect(store.sessionTitle).toBe("Chaises");
    await expect(store.renameSession("s2", "   ")).resolves.toBe(false);

    await store.togglePinned("s1");
    expect(api.updateSession).toHaveBeenLastCalledWith("s1", { pinned: false });
    expect(store.sessions[0]!.pinned).toBe(false);
    expect(store.sessionRequests).toEqual({});
  });

  it("deletes a conversation; the open one gives way to a new conversation", async () => {
    const api = fakeApi({ sessions: vi.fn(async () => ({ sessions: list() })) });
    const store = new CopilotStore(api);
    await store.loadSessions();
    store.sessionId = "s1";
    store.messages = [{ id: "m1", role: "user", content: "devis", created_at: T }];
    await expect(store.deleteSession("s1")).resolves.toBe(true);
    expect(api.deleteSession).toHaveBeenCalledWith("s1");
    expect(store.sessions.map((s) => s.id)).toEqual(["s2"]);
    expect(store.sessionId).toBeNull();
    expect(store.messages).toEqual([]);
  });

  it("says the addon is too old when the rename, pin or delete route is missing, and keeps the list", async () => {
    const api = fakeApi({
      sessions: vi.fn(async () => ({ sessions: list() })),
      updateSession: vi.fn().mockRejectedValue(missingRoute()),
      deleteSession: vi.fn().mockRejectedValue(missingRoute()),
    });
    const store = new CopilotStore(api);
    await store.loadSessions();
    await expect(store.renameSession("s1", "x")).resolves.toBe(false);
    expect(store.sessionsError).toBe(NEWER);
    await expect(store.deleteSession("s1")).resolves.toBe(false);
    expect(store.sessionsError).toBe(NEWER);
    expect(store.sessions).toHaveLength(2);
    expect(store.sessionsState).toBe("ready");
  });

  it("refreshes the list after an answer once it is shown (a new conversation, its title)", async () => {
    const api = fakeApi();
    const store = new CopilotStore(api);
    store.loadState = "ready";
    // the list closed: read once, for the new conversation's title only
    await store.send("sans liste");
    await vi.waitFor(() => expect(api.sessions).toHaveBeenCalledTimes(1));
    await store.loadSessions();
    vi.mocked(api.sessions).mockResolvedValue({ sessions: [{ ...session("s_new", T), title: "Avec liste" }] });
    await store.send("avec liste");
    await vi.waitFor(() => expect(api.sessions).toHaveBeenCalledTimes(3));
    // The new conversation's title, made by the agent after the first exchange, shows.
    await vi.waitFor(() => expect(store.sessionTitle).toBe("Avec liste"));
  });
});

describe("the open conversation as a PDF", () => {
  it("downloads the open conversation's PDF, or shows why not", async () => {
    const exportPdf = vi.fn().mockResolvedValueOnce(new Blob(["%PDF"])).mockRejectedValueOnce(missingRoute());
    const store = new CopilotStore(fakeApi({ exportPdf }));
    await expect(store.exportPdf()).resolves.toBeUndefined(); // no conversation yet
    store.sessionId = "s1";
    await expect(store.exportPdf()).resolves.toBeInstanceOf(Blob);
    expect(exportPdf).toHaveBeenCalledWith("s1");
    await expect(store.exportPdf()).resolves.toBeUndefined();
    expect(store.pdfError).toBe(NEWER);
  });
});

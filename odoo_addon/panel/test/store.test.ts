import { describe, expect, it, vi } from "vitest";

import type { CopilotApi } from "../src/api/copilot_api";
import type { Action, ChatResult, Message, Session } from "../src/api/types";
import { RpcError } from "../src/odoo/rpc";
import { applyAction, CopilotStore, mostRecentSession, sessionOpenState, type ChatMessage } from "../src/store/copilot_store";

const T = "2026-01-01T00:00:00Z";

function action(overrides: Partial<Action> = {}): Action {
  return {
    id: "act_1",
    tool: "create_quotation",
    args: {},
    status: "proposed",
    summary: "Create a quotation for Deco Addict (2 lines)",
    created_at: T,
    updated_at: T,
    ...overrides,
  };
}

function session(id: string, updated_at: string): Session {
  return { id, title: `Session ${id}`, created_at: T, updated_at };
}

/** A promise resolved from the outside, to look at the store while a request is running. */
function deferred<V>() {
  let resolve!: (value: V) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeApi(overrides: Partial<CopilotApi> = {}): CopilotApi {
  return {
    chat: vi.fn(async ({ message }): Promise<ChatResult> => ({
      session_id: "s_new",
      reply: `reply to ${message}`,
      actions: [],
      message_id: "m_reply",
    })),
    confirmAction: vi.fn(async (id: string) => ({ action: action({ id, status: "done", record: { model: "sale.order", id: 42, name: "S00042" } }) })),
    rejectAction: vi.fn(async (id: string) => ({ action: action({ id, status: "rejected" }) })),
    sessions: vi.fn(async () => ({ sessions: [] as Session[] })),
    messages: vi.fn(async (sessionId: string) => ({ session_id: sessionId, messages: [] as Message[] })),
    ...overrides,
  };
}

const networkError = () => new RpcError("network", "no answer");

describe("mostRecentSession", () => {
  it("picks the latest activity whatever the order", () => {
    expect(mostRecentSession([session("a", "2026-01-01T10:00:00Z"), session("b", "2026-01-02T09:00:00Z")])?.id).toBe("b");
    expect(mostRecentSession([])).toBeUndefined();
  });
});

describe("applyAction", () => {
  it("replaces the action with the same id in whichever message holds it", () => {
    const messages: ChatMessage[] = [
      { id: "u1", role: "user", content: "devis", created_at: T },
      { id: "a1", role: "assistant", content: "Voici", created_at: T, actions: [action(), action({ id: "act_2" })] },
    ];
    const done = action({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } });
    expect(applyAction(messages, done)).toBe(true);
    expect(messages[1]!.actions![0]).toBe(done);
    expect(messages[1]!.actions![1]!.status).toBe("proposed");
    expect(applyAction(messages, action({ id: "act_unknown" }))).toBe(false);
  });
});

describe("CopilotStore", () => {
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

  it("shows the user's message at once, then the reply, and keeps the session", async () => {
    const pending = deferred<ChatResult>();
    const chat = vi.fn().mockReturnValueOnce(pending.promise).mockResolvedValue({
      session_id: "s1",
      reply: "second reply",
      actions: [],
      message_id: "m4",
    });
    const store = new CopilotStore(fakeApi({ chat }));
    store.loadState = "ready";
    store.draft = "  Crée moi un devis  ";

    const sent = store.send(store.draft);
    expect(store.messages).toHaveLength(1);
    expect(store.messages[0]).toMatchObject({ role: "user", content: "Crée moi un devis", pending: true });
    expect(store.sending).toBe(true);
    expect(store.draft).toBe("");
    expect(chat).toHaveBeenCalledWith({ message: "Crée moi un devis" });

    // No second send while one is running.
    await expect(store.send("again")).resolves.toBe(false);

    const proposed = action();
    pending.resolve({ session_id: "s1", reply: "Voici le devis", actions: [proposed], message_id: "m2" });
    await expect(sent).resolves.toBe(true);
    expect(store.sending).toBe(false);
    expect(store.sessionId).toBe("s1");
    expect(store.messages[0]!.pending).toBe(false);
    expect(store.messages[1]).toMatchObject({ id: "m2", role: "assistant", content: "Voici le devis", actions: [proposed] });

    await store.send("Merci");
    expect(chat).toHaveBeenLastCalledWith({ session_id: "s1", message: "Merci" });
    expect(store.messages.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant"]);
  });

  it("ignores empty messages", async () => {
    const api = fakeApi();
    const store = new CopilotStore(api);
    store.loadState = "ready";
    await expect(store.send("   \n ")).resolves.toBe(false);
    expect(api.chat).not.toHaveBeenCalled();
    expect(store.messages).toEqual([]);
  });

  it("keeps a failed message with its error, and sends it again on retry", async () => {
    const chat = vi
      .fn()
      .mockRejectedValueOnce(new RpcError("server", "Le service Copilot est injoignable."))
      .mockResolvedValue({ session_id: "s1", reply: "ok", actions: [], message_id: "m2" });
    const store = new CopilotStore(fakeApi({ chat }));
    store.loadState = "ready";
    await store.send("devis");
    expect(store.sending).toBe(false);
    const failed = store.messages[0]!;
    expect(failed).toMatchObject({ role: "user", content: "devis", pending: false, error: "Le service Copilot est injoignable." });

    await store.retry(failed.id);
    expect(chat).toHaveBeenCalledTimes(2);
    expect(chat).toHaveBeenLastCalledWith({ message: "devis" });
    expect(store.messages).toHaveLength(2);
    expect(store.messages[0]!.error).toBeUndefined();
    expect(store.messages[1]).toMatchObject({ role: "assistant", content: "ok" });
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

  it("confirms an action once and puts the confirmed action in its card", async () => {
    const pending = deferred<{ action: Action }>();
    const confirmAction = vi.fn().mockReturnValue(pending.promise);
    const store = new CopilotStore(fakeApi({ confirmAction }));
    store.messages = [{ id: "m2", role: "assistant", content: "Voici", created_at: T, actions: [action()] }];

    const first = store.confirmAction("act_1");
    const second = store.confirmAction("act_1"); // a double click
    expect(store.actionRequests).toEqual({ act_1: "confirm" });
    expect(confirmAction).toHaveBeenCalledTimes(1);

    const done = action({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } });
    pending.resolve({ action: done });
    await Promise.all([first, second]);
    expect(store.actionRequests).toEqual({});
    expect(store.messages[0]!.actions![0]).toEqual(done);
  });

  it("shows a failed confirm on the card and lets the user try again", async () => {
    const confirmAction = vi.fn().mockRejectedValueOnce(new RpcError("server", "Action introuvable."));
    const store = new CopilotStore(fakeApi({ confirmAction }));
    store.messages = [{ id: "m2", role: "assistant", content: "", created_at: T, actions: [action()] }];
    await store.confirmAction("act_1");
    expect(store.actionErrors).toEqual({ act_1: "Action introuvable." });
    expect(store.actionRequests).toEqual({});
    expect(store.messages[0]!.actions![0]!.status).toBe("proposed");
  });

  it("cancels an action", async () => {
    const store = new CopilotStore(fakeApi());
    store.messages = [{ id: "m2", role: "assistant", content: "", created_at: T, actions: [action()] }];
    await store.rejectAction("act_1");
    expect(store.messages[0]!.actions![0]!.status).toBe("rejected");
  });
});

describe("the open state across reloads", () => {
  function memoryStorage(): Storage {
    const data = new Map<string, string>();
    return {
      get length() {
        return data.size;
      },
      clear: () => data.clear(),
      getItem: (key) => data.get(key) ?? null,
      key: (index) => [...data.keys()][index] ?? null,
      removeItem: (key) => void data.delete(key),
      setItem: (key, value) => void data.set(key, value),
    };
  }

  it("reopens the panel after a reload when it was open, without taking the focus", async () => {
    const storage = memoryStorage();
    const first = new CopilotStore(fakeApi(), sessionOpenState(() => storage, "copilot.panel.open"));
    first.restore();
    expect(first.isOpen).toBe(false);
    first.open();
    expect(first.autofocus).toBe(true);

    const reloaded = new CopilotStore(fakeApi(), sessionOpenState(() => storage, "copilot.panel.open"));
    reloaded.restore();
    expect(reloaded.isOpen).toBe(true);
    expect(reloaded.autofocus).toBe(false);
    expect(reloaded.loadState).toBe("loading");

    reloaded.close();
    const again = new CopilotStore(fakeApi(), sessionOpenState(() => storage, "copilot.panel.open"));
    again.restore();
    expect(again.isOpen).toBe(false);
  });

  it("works without storage (disabled by the browser)", () => {
    const store = new CopilotStore(
      fakeApi(),
      sessionOpenState(() => {
        throw new Error("SecurityError");
      }, "k"),
    );
    store.restore();
    store.open();
    store.close();
    expect(store.isOpen).toBe(false);
  });
});

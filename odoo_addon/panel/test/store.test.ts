import { describe, expect, it, vi } from "vitest";

import { T, deferred, fakeApi, makeAction, makeSession } from "./fakes";
import type { Action, ChatResult, Message, Session, StreamParams, TurnEvent } from "../src/api/types";
import { RpcError } from "../src/odoo/rpc";
import {
  applyAction,
  CopilotStore,
  mostRecentSession,
  sessionOpenState,
  turnContext,
  type ChatMessage,
} from "../src/store/copilot_store";

const action = makeAction;
const session = (id: string, updated_at: string): Session => makeSession(id, { updated_at });

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
    expect(store.messages).toHaveLength(2);
    expect(store.messages[0]).toMatchObject({ role: "user", content: "Crée moi un devis", pending: true });
    expect(store.messages[1]).toMatchObject({ role: "assistant", content: "", streaming: true });
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
    expect(store.messages[1]).toMatchObject({ id: "m2", role: "assistant", content: "Voici le devis", actions: [proposed], streaming: false });

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

    expect(store.messages).toHaveLength(1); // the empty reply is gone
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

  it("revises a quotation's quantities once, and puts the action priced again in its card", async () => {
    const pending = deferred<{ action: Action }>();
    const reviseAction = vi.fn().mockReturnValue(pending.promise);
    const store = new CopilotStore(fakeApi({ reviseAction }));
    store.messages = [{ id: "m2", role: "assistant", content: "", created_at: T, actions: [action()] }];
    const first = store.reviseAction("act_1", [5, 0]);
    expect(store.actionRequests).toEqual({ act_1: "revise" });
    await expect(store.reviseAction("act_1", [5, 0])).resolves.toEqual({ revised: false, error: "" }); // a double click
    const revised = action({ summary: "1 line" });
    pending.resolve({ action: revised });
    await expect(first).resolves.toEqual({ revised: true, error: "" });
    expect(reviseAction).toHaveBeenCalledTimes(1);
    expect(reviseAction).toHaveBeenCalledWith("act_1", [5, 0]);
    expect(store.actionRequests).toEqual({});
    expect(store.messages[0]!.actions![0]).toEqual(revised);
  });

  it("gives back a refused revision for the card to show, the action unchanged", async () => {
    const reviseAction = vi.fn().mockRejectedValueOnce(new RpcError("server", "Cette action n'est plus à confirmer."));
    const store = new CopilotStore(fakeApi({ reviseAction }));
    store.messages = [{ id: "m2", role: "assistant", content: "", created_at: T, actions: [action()] }];
    await expect(store.reviseAction("act_1", [1])).resolves.toEqual({ revised: false, error: "Cette action n'est plus à confirmer." });
    expect(store.actionErrors).toEqual({});
    expect(store.actionRequests).toEqual({});
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

  it("shows the same conversation after a reload, the one opened from the list included", async () => {
    const storage = memoryStorage();
    const sessions = [session("old", "2026-01-01T00:00:00Z"), session("recent", "2026-02-01T00:00:00Z")];
    const api = () => fakeApi({ sessions: vi.fn(async () => ({ sessions })) });
    const first = new CopilotStore(api(), sessionOpenState(() => storage, "copilot.panel.open"));
    await first.loadSessions();
    await first.openSession("old");

    const reloaded = new CopilotStore(api(), sessionOpenState(() => storage, "copilot.panel.open"));
    await reloaded.loadLastSession();
    expect(reloaded.sessionId).toBe("old");

    // A new conversation forgets it: the most recent one shows after the next reload.
    reloaded.newConversation();
    const again = new CopilotStore(api(), sessionOpenState(() => storage, "copilot.panel.open"));
    await again.loadLastSession();
    expect(again.sessionId).toBe("recent");

    // A remembered conversation that is gone (deleted elsewhere): the most recent one.
    storage.setItem("copilot.panel.open.session", "deleted");
    const gone = new CopilotStore(api(), sessionOpenState(() => storage, "copilot.panel.open"));
    await gone.loadLastSession();
    expect(gone.sessionId).toBe("recent");
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

/** A stream driven by the test: events are sent one by one, and it ends when told (or aborted). */
function controlledStream() {
  const calls: { params: StreamParams; signal: AbortSignal | undefined }[] = [];
  let onEvent: (event: TurnEvent) => void = () => {};
  let finish: { resolve: () => void; reject: (reason: unknown) => void } | undefined;
  const chatStream = vi.fn(
    (params: StreamParams, handler: (event: TurnEvent) => void, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ params, signal });
        onEvent = handler;
        finish = { resolve, reject };
        // Like fetch: an abort rejects the read with an AbortError.
        signal?.addEventListener("abort", () => reject(new DOMException("The user aborted a request.", "AbortError")));
      }),
  );
  return {
    chatStream,
    calls,
    emit: (...events: TurnEvent[]) => events.forEach((event) => onEvent(event)),
    end: () => finish?.resolve(),
    fail: (error: unknown) => finish?.reject(error),
  };
}

const result = (overrides: Partial<import("../src/api/types").TurnResult> = {}) => ({
  session_id: "s1",
  reply: "",
  actions: [],
  message_id: "m_final",
  steps: [],
  stopped: false,
  choices: [],
  ...overrides,
});

describe("CopilotStore receiving a streamed answer", () => {
  function setup(options: { stopGraceMs?: number } = {}) {
    const stream = controlledStream();
    const api = fakeApi({ chatStream: stream.chatStream });
    const store = new CopilotStore(api, undefined, options);
    store.loadState = "ready";
    return { stream, api, store };
  }

  it("shows the text as it arrives, the tool steps while they run, the cards at once, then the final state", async () => {
    const { stream, store } = setup();
    const sent = store.send("Quel est le stock de Office Chair ?");
    const [user, reply] = store.messages;
    expect(stream.calls[0]!.params).toMatchObject({ message: "Quel est le stock de Office Chair ?" });
    expect(stream.calls[0]!.params.client_message_id).toMatch(/^cm_[0-9a-f]{32}$/);
    expect(stream.calls[0]!.params).not.toHaveProperty("session_id");
    expect(store.canStop).toBe(true);

    stream.emit({ type: "start", session_id: "s1", turn_id: "turn_1" });
    expect(store.sessionId).toBe("s1");
    expect(user!.pending).toBe(false);

    stream.emit({ type: "text", text: "Je regarde" }, { type: "text", text: " le stock." });
    expect(reply!.content).toBe("Je regarde le stock.");
    expect(reply!.streaming).toBe(true);

    stream.emit({ type: "tool", tool: "get_stock", status: "started" });
    expect(reply!.steps).toEqual([{ tool: "get_stock", status: "running" }]);
    stream.emit({ type: "tool", tool: "get_stock", status: "done" });
    expect(reply!.steps).toEqual([{ tool: "get_stock", status: "done" }]);

    stream.emit({ type: "text", text: "Il reste " }, { type: "text", text: "12 unités." });
    expect(reply!.content).toBe("Je regarde le stock.\n\nIl reste 12 unités.");

    const proposed = action();
    stream.emit({ type: "tool", tool: "create_quotation", status: "started" }, { type: "action", action: proposed });
    expect(reply!.actions).toEqual([proposed]);
    stream.emit({ type: "tool", tool: "create_quotation", status: "proposed" });
    expect(reply!.steps!.map((step) => step.status)).toEqual(["done", "proposed"]);

    stream.emit({ type: "done", result: result({ reply: "Il reste 12 unités.", actions: [proposed], message_id: "m9" }) });
    // Events after the end are ignored.
    stream.emit({ type: "text", text: " (late)" });
    stream.end();
    await expect(sent).resolves.toBe(true);

    expect(store.messages).toHaveLength(2);
    expect(store.messages[1]).toMatchObject({ id: "m9", content: "Il reste 12 unités.", actions: [proposed], streaming: false, stopped: false });
    expect(store.messages[1]!.steps).toBeUndefined();
    expect(store.sending).toBe(false);
    expect(store.canStop).toBe(false);

    // The next message continues the session.
    const next = store.send("Merci");
    expect(stream.calls[1]!.params).toMatchObject({ session_id: "s1", message: "Merci" });
    expect(stream.calls[1]!.params.client_message_id).not.toBe(stream.calls[0]!.params.client_message_id);
    stream.emit({ type: "done", result: result({ reply: "De rien." }) });
    stream.end();
    await next;
  });

  it("sends nothing else while an answer is running", async () => {
    const { stream, store } = setup();
    const sent = store.send("Bonjour");
    await expect(store.send("encore")).resolves.toBe(false);
    expect(stream.chatStream).toHaveBeenCalledTimes(1);
    stream.emit({ type: "done", result: result({ reply: "Bonjour !" }) });
    stream.end();
    await sent;
  });

  it("keeps the choices of the final state, and picking one sends its message", async () => {
    const { stream, store } = setup();
    const sent = store.send("Crée un devis pour Deco Addict avec 2 Customizable Desk");
    const choices = [
      {
        query: "Customizable Desk",
        model: "product.product",
        options: [
          { id: 12, label: "[FURN_0096] Customizable Desk (Steel, White)", message: "Crée un devis pour Deco Addict avec 2 [FURN_0096]" },
          { id: 13, label: "[FURN_0097] Customizable Desk (Aluminium, Black)", message: "Crée un devis pour Deco Addict avec 2 [FURN_0097]" },
        ],
      },
    ];
    stream.emit({ type: "done", result: result({ reply: "Plusieurs produits correspondent…", choices }) });
    stream.end();
    await sent;
    expect(store.messages[1]!.choices).toEqual(choices);

    const picked = store.pickChoice(choices[0]!.options[1]!);
    expect(store.messages[2]).toMatchObject({ role: "user", content: "Crée un devis pour Deco Addict avec 2 [FURN_0097]" });
    expect(stream.calls[1]!.params.message).toBe("Crée un devis pour Deco Addict avec 2 [FURN_0097]");
    stream.emit({ type: "done", result: result({ reply: "Voici le devis." }) });
    stream.end();
    await picked;
  });

  it("stops: asks the server, keeps the partial answer and marks it stopped by the final state", async () => {
    const { stream, api, store } = setup();
    const sent = store.send("Résume le projet");
    stream.emit({ type: "start", session_id: "s1", turn_id: "t" }, { type: "text", text: "Le projet avance" });

    const stopping = store.stop();
    expect(store.stopping).toBe(true);
    expect(store.canStop).toBe(false);
    expect(store.sending).toBe(true);
    expect(store.messages[1]!.stopped).toBe(true);
    await stopping;
    expect(api.stop).toHaveBeenCalledWith("s1");
    await store.stop(); // a second click does nothing more
    expect(api.stop).toHaveBeenCalledTimes(1);

    stream.emit({ type: "done", result: result({ reply: "Le projet avance", stopped: true, message_id: "m5" }) });
    stream.end();
    await sent;
    expect(stream.calls[0]!.signal!.aborted).toBe(false);
    expect(store.messages[1]).toMatchObject({ id: "m5", content: "Le projet avance", stopped: true, streaming: false });
    expect(store.messages[0]!.error).toBeUndefined();
    expect(store.sending).toBe(false);
    expect(store.stopping).toBe(false);
  });

  it("closes the request when the stopped answer does not end, and marks it stopped itself", async () => {
    const { stream, store } = setup({ stopGraceMs: 5 });
    const sent = store.send("Résume le projet");
    stream.emit({ type: "start", session_id: "s1", turn_id: "t" }, { type: "text", text: "Le projet" });
    await store.stop();
    await sent;
    expect(stream.calls[0]!.signal!.aborted).toBe(true);
    expect(store.messages).toHaveLength(2);
    expect(store.messages[1]).toMatchObject({ content: "Le projet", stopped: true, streaming: false });
    expect(store.messages[0]!.error).toBeUndefined();
    expect(store.sending).toBe(false);
  });

  it("stops before the turn started by closing the request (no session to name yet)", async () => {
    const { stream, api, store } = setup();
    const sent = store.send("Bonjour");
    await store.stop();
    await sent;
    expect(api.stop).not.toHaveBeenCalled();
    expect(stream.calls[0]!.signal!.aborted).toBe(true);
    expect(store.messages[1]).toMatchObject({ role: "assistant", content: "", stopped: true });
  });

  it("shows an error event on the message with Retry, and the retry is the same message for the server", async () => {
    const { stream, store } = setup();
    const sent = store.send("Bonjour");
    stream.emit({ type: "start", session_id: "s1", turn_id: "t" }, { type: "text", text: "Bonj" });
    stream.emit({ type: "error", code: "unavailable:llm", message: "Le modèle ne répond pas." });
    stream.end();
    await sent;
    expect(store.messages).toHaveLength(1);
    expect(store.messages[0]).toMatchObject({ role: "user", error: "Le modèle ne répond pas.", pending: false });
    expect(store.sending).toBe(false);

    const retried = store.retry(store.messages[0]!.id);
    expect(stream.calls[1]!.params).toMatchObject({ session_id: "s1", message: "Bonjour" });
    expect(stream.calls[1]!.params.client_message_id).toBe(stream.calls[0]!.params.client_message_id);
    expect(store.messages[0]!.error).toBeUndefined();
    stream.emit({ type: "done", result: result({ reply: "Bonjour !" }) });
    stream.end();
    await retried;
    expect(store.messages.map((message) => message.content)).toEqual(["Bonjour", "Bonjour !"]);
  });

  it("reports a stream cut before its end, and a network failure, in place", async () => {
    const { stream, store } = setup();
    const first = store.send("un");
    stream.emit({ type: "text", text: "partial" });
    stream.end();
    await first;
    expect(store.messages[0]!.error).toBe("The connection was lost before the answer was complete.");

    const second = store.send("deux");
    stream.fail(new RpcError("network", "no answer"));
    await second;
    expect(store.messages.at(-1)).toMatchObject({ content: "deux", error: "Odoo cannot be reached. Check your connection and try again." });
  });

  it("keeps the cards already proposed when the answer fails afterwards", async () => {
    const { stream, store } = setup();
    const sent = store.send("devis");
    stream.emit({ type: "action", action: action() }, { type: "error", code: "internal", message: "Erreur interne." });
    stream.end();
    await sent;
    expect(store.messages).toHaveLength(2);
    expect(store.messages[0]!.error).toBe("Erreur interne.");
    expect(store.messages[1]!.actions).toHaveLength(1);
  });

  it("drops the events of an answer whose conversation was left", async () => {
    const { stream, store } = setup();
    const sent = store.send("lent");
    store.newConversation();
    expect(store.sending).toBe(false);
    expect(store.canStop).toBe(false);
    stream.emit({ type: "start", session_id: "s_old", turn_id: "t" }, { type: "text", text: "tard" });
    stream.emit({ type: "done", result: result({ session_id: "s_old", reply: "tard" }) });
    stream.end();
    await sent;
    expect(store.messages).toEqual([]);
    expect(store.sessionId).toBeNull();
  });

  it("gives back the last message the user sent (Up in an empty composer)", () => {
    const store = new CopilotStore(fakeApi());
    expect(store.lastUserMessage).toBe("");
    store.messages = [
      { id: "u1", role: "user", content: "premier", created_at: T },
      { id: "a1", role: "assistant", content: "ok", created_at: T },
      { id: "u2", role: "user", content: "second", created_at: T },
      { id: "a2", role: "assistant", content: "ok", created_at: T },
    ];
    expect(store.lastUserMessage).toBe("second");
  });
});

const missingRoute = () => new RpcError("http", "/copilot/x: HTTP 404", { status: 404 });
const NEWER = "This needs a newer version of the Copilot module on this Odoo server. Ask your administrator to upgrade it.";

describe("the project context", () => {
  const project = { id: 1, name: "Office Design" };

  it("is data beside the message, never text in it (a third UI language could not be parsed back)", () => {
    expect(turnContext(project)).toEqual({ project: { id: 1, name: "Office Design" } });
    expect(turnContext(null)).toBeUndefined();
  });

  it("goes with each message while a project is picked, and again on Retry; the message stays as typed", async () => {
    const api = fakeApi();
    const store = new CopilotStore(api);
    store.loadState = "ready";
    store.setProjectContext(project);
    await store.send("  Quelles tâches ?  ");
    expect(vi.mocked(api.chatStream).mock.calls.at(-1)![0]).toMatchObject({ message: "Quelles tâches ?", context: { project: { id: 1, name: "Office Design" } } });
    expect(store.messages[0]!.content).toBe("Quelles tâches ?");
    store.setProjectContext(null);
    await store.send("Merci");
    expect(vi.mocked(api.chatStream).mock.calls.at(-1)![0]).not.toHaveProperty("context");
    expect(api.chat).toHaveBeenLastCalledWith({ session_id: "s_new", message: "Merci" });
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
    await store.send("sans liste");
    expect(api.sessions).not.toHaveBeenCalled();
    await store.loadSessions();
    vi.mocked(api.sessions).mockResolvedValue({ sessions: [{ ...session("s_new", T), title: "Avec liste" }] });
    await store.send("avec liste");
    await vi.waitFor(() => expect(api.sessions).toHaveBeenCalledTimes(2));
    // The new conversation's title, made by the agent after the first exchange, shows.
    await vi.waitFor(() => expect(store.sessionTitle).toBe("Avec liste"));
  });
});

describe("Undo on a done card", () => {
  it("shows what the addon answered: undone, or why not", async () => {
    const undoAction = vi
      .fn()
      .mockResolvedValueOnce({ undone: true, message: "Quotation S00042 deleted." })
      .mockResolvedValueOnce({ undone: false, message: "S00043 was confirmed since." })
      .mockResolvedValueOnce({ undone: false, message: "" });
    const store = new CopilotStore(fakeApi({ undoAction }));
    const running = store.undoAction("act_1");
    expect(store.undoStates.act_1).toEqual({ state: "running", message: "" });
    await running;
    expect(store.undoStates.act_1).toEqual({ state: "undone", message: "Quotation S00042 deleted." });
    await store.undoAction("act_2");
    expect(store.undoStates.act_2).toEqual({ state: "refused", message: "S00043 was confirmed since." });
    await store.undoAction("act_3");
    expect(store.undoStates.act_3).toEqual({ state: "refused", message: "This change cannot be undone." });
  });

  it("shows the addon's refusal (a UserError saying why) as a refusal, not a failure", async () => {
    const refusal = new RpcError("server", "S00042 was confirmed since: it cannot be undone.", {
      code: 200,
      data: { name: "odoo.exceptions.UserError", message: "S00042 was confirmed since: it cannot be undone." },
    });
    const store = new CopilotStore(fakeApi({ undoAction: vi.fn().mockRejectedValueOnce(refusal).mockRejectedValueOnce(networkError()) }));
    await store.undoAction("act_1");
    expect(store.undoStates.act_1).toEqual({ state: "refused", message: "S00042 was confirmed since: it cannot be undone." });
    await store.undoAction("act_1"); // tried again: the network fails this time
    expect(store.undoStates.act_1).toEqual({ state: "error", message: "Odoo cannot be reached. Check your connection and try again." });
  });

  it("shows a failure in place, the missing route of an older addon included", async () => {
    const store = new CopilotStore(fakeApi({ undoAction: vi.fn().mockRejectedValue(missingRoute()) }));
    await store.undoAction("act_1");
    expect(store.undoStates.act_1).toEqual({ state: "error", message: NEWER });
  });
});

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

import { describe, expect, it, vi } from "vitest";

import type { ChatResult } from "../../src/api/types";
import { RpcError } from "../../src/odoo/rpc";
import { CopilotStore } from "../../src/store/copilot_store";
import { turnContext } from "../../src/store/turn";

import { T, deferred, fakeApi, makeAction as action } from "../fakes";
import { result, streamedStore } from "./helpers";

describe("CopilotStore sending a message", () => {
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

  it("sends nothing else while an answer is running", async () => {
    const { stream, store } = streamedStore();
    const sent = store.send("Bonjour");
    await expect(store.send("encore")).resolves.toBe(false);
    expect(stream.chatStream).toHaveBeenCalledTimes(1);
    stream.emit({ type: "done", result: result({ reply: "Bonjour !" }) });
    stream.end();
    await sent;
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

describe("CopilotStore stopping an answer", () => {
  it("stops: asks the server, keeps the partial answer and marks it stopped by the final state", async () => {
    const { stream, api, store } = streamedStore();
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
    const { stream, store } = streamedStore({ stopGraceMs: 5 });
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
    const { stream, api, store } = streamedStore();
    const sent = store.send("Bonjour");
    await store.stop();
    await sent;
    expect(api.stop).not.toHaveBeenCalled();
    expect(stream.calls[0]!.signal!.aborted).toBe(true);
    expect(store.messages[1]).toMatchObject({ role: "assistant", content: "", stopped: true });
  });
});

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

describe("the screen as context", () => {
  it("goes with a message as the records on screen when it is sent, beside the project; nothing when none", async () => {
    const api = fakeApi();
    let screen: { model: string; ids: number[] } | undefined = { model: "sale.order", ids: [12] };
    const store = new CopilotStore(api, undefined, { screen: () => screen });
    store.loadState = "ready";
    await store.send("Confirme ce devis");
    expect(vi.mocked(api.chatStream).mock.calls.at(-1)![0]).toMatchObject({ context: { screen: { model: "sale.order", ids: [12] } } });
    expect(store.messages[0]!.context).toEqual({ screen: { model: "sale.order", ids: [12] } });
    store.setProjectContext({ id: 1, name: "Office Design" });
    screen = { model: "project.task", ids: [3, 4] };
    await store.send("Ces tâches ?");
    expect(vi.mocked(api.chatStream).mock.calls.at(-1)![0]).toMatchObject({ context: { project: { id: 1 }, screen: { model: "project.task", ids: [3, 4] } } });
    store.setProjectContext(null);
    screen = undefined;
    await store.send("Merci");
    expect(vi.mocked(api.chatStream).mock.calls.at(-1)![0]).not.toHaveProperty("context");
  });

  it("a screen the user set aside is not sent until the records on screen change", async () => {
    const api = fakeApi();
    let screen = { model: "sale.order", ids: [12], key: "sale.order:12", name: "S00012" };
    const store = new CopilotStore(api, undefined, { screen: () => screen });
    store.loadState = "ready";
    store.ignoredScreen = "sale.order:12";
    await store.send("Bonjour");
    expect(vi.mocked(api.chatStream).mock.calls.at(-1)![0]).not.toHaveProperty("context");
    screen = { model: "sale.order", ids: [12, 13], key: "sale.order:12,13", name: "Devis" };
    await store.send("Ces devis ?");
    // only the model and the ids travel
    expect(vi.mocked(api.chatStream).mock.calls.at(-1)![0].context).toEqual({ screen: { model: "sale.order", ids: [12, 13] } });
  });
});

describe("a new conversation's title", () => {
  it("comes from the agent after the first answer, in the side panel too (the list never opened)", async () => {
    const api = fakeApi({ sessions: vi.fn(async () => ({ sessions: [{ id: "s_new", title: "Stock de Large Cabinet", created_at: T, updated_at: T }] })) });
    const store = new CopilotStore(api);
    store.loadState = "ready";
    expect(store.sessionsState).toBe("idle");
    await store.send("Quel est le stock de Large Cabinet ?");
    await vi.waitFor(() => expect(store.sessionTitle).toBe("Stock de Large Cabinet"));
    // once titled, the next answers ask nothing more while the list is closed
    store.sessionsState = "idle";
    vi.mocked(api.sessions).mockClear();
    await store.send("Et Pedal Bin ?");
    expect(api.sessions).not.toHaveBeenCalled();
  });
});


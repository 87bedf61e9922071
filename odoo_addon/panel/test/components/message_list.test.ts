// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";

import type { ActionPreview, StreamParams, TurnEvent } from "../../src/api/types";
import { MessageList } from "../../src/message_list/message_list";
import { RpcError } from "../../src/odoo/rpc";
import type { ChatMessage } from "../../src/store/chat_message";
import { $, $$, click, deferred, fakeApi, makeAction, makeStore, mountComponent, nextTick, T, text } from "./helpers";

function user(id: string, content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id, role: "user", content, created_at: T, ...extra };
}

function assistant(id: string, content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id, role: "assistant", content, created_at: T, ...extra };
}

/** A chatStream the test drives: `emit` sends an event, `finish` ends the request. */
function controlledStream() {
  let onEvent: ((event: TurnEvent) => void) | undefined;
  const ended = deferred<void>();
  const chatStream = vi.fn(async (_params: StreamParams, callback: (event: TurnEvent) => void, signal?: AbortSignal) => {
    onEvent = callback;
    signal?.addEventListener("abort", () => ended.reject(new DOMException("aborted", "AbortError")));
    await ended.promise;
  });
  return {
    chatStream,
    async emit(event: TurnEvent) {
      onEvent!(event);
      await nextTick();
    },
    async finish() {
      ended.resolve();
      await nextTick();
      await nextTick();
    },
  };
}

describe("MessageList", () => {
  it("renders the user's and the assistant's messages in order, each in its own style", async () => {
    const store = makeStore(fakeApi(), {
      messages: [user("u1", "Stock of the Office Chair?"), assistant("a1", "There are **12** in stock.")],
    });
    const root = await mountComponent(MessageList, { store });
    const messages = $$(root, ".o_copilot_message");
    expect(messages).toHaveLength(2);
    expect(messages[0]!.classList.contains("o_copilot_message_user")).toBe(true);
    expect(text(messages[0]!.querySelector(".o_copilot_bubble"))).toBe("Stock of the Office Chair?");
    expect(messages[1]!.classList.contains("o_copilot_message_assistant")).toBe(true);
    expect(text(messages[1]!.querySelector(".o_copilot_markdown strong"))).toBe("12");
    expect($(root, ".o_copilot_messages").getAttribute("role")).toBe("log");
  });

  it("shows the user's text as text, never as markup", async () => {
    const store = makeStore(fakeApi(), { messages: [user("u1", "<b>bold</b> <img src=x onerror=alert(1)>")] });
    const root = await mountComponent(MessageList, { store });
    const bubble = $(root, ".o_copilot_bubble");
    expect(bubble.querySelector("b, img")).toBeNull();
    expect(bubble.textContent).toBe("<b>bold</b> <img src=x onerror=alert(1)>");
  });

  it("renders the assistant's markdown without letting a script, an event handler or a javascript: link through", async () => {
    const store = makeStore(fakeApi(), {
      messages: [
        assistant(
          "a1",
          [
            "Hello <script>window.__pwned = true</script>",
            "",
            '<img src="x" onerror="window.__pwned = true">',
            "",
            "[click](javascript:alert(1)) and [the order](/odoo/sale.order/42)",
            "",
            "- one",
            "- two",
          ].join("\n"),
        ),
      ],
    });
    const root = await mountComponent(MessageList, { store });
    await nextTick();
    const markdown = $(root, ".o_copilot_markdown");
    expect(markdown.querySelector("script, img, iframe")).toBeNull();
    expect($$(markdown, "*").filter((el) => [...el.attributes].some((attr) => attr.name.startsWith("on")))).toEqual([]);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
    // The text stays readable, escaped.
    expect(markdown.textContent).toContain("<script>window.__pwned = true</script>");
    const links = $$(markdown, "a");
    expect(links.map((link) => link.getAttribute("href"))).toEqual(["/odoo/sale.order/42"]);
    expect($$(markdown, "li").map(text)).toEqual(["one", "two"]);
  });

  it("says so while the conversation loads, and offers Retry when it failed", async () => {
    const first = deferred<{ sessions: [] }>();
    const api = fakeApi({ sessions: vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue({ sessions: [] }) });
    const store = makeStore(api, { loadState: "idle" });
    const root = await mountComponent(MessageList, { store });
    const loading = store.loadLastSession();
    await nextTick();
    expect(text($(root, ".o_copilot_loading"))).toBe("Loading the conversation…");
    expect($(root, ".o_copilot_loading").getAttribute("role")).toBe("status");
    first.reject(new RpcError("network", "down"));
    await loading;
    await nextTick();
    const alert = $(root, ".o_copilot_load_error");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(text(alert)).toContain("Odoo cannot be reached.");
    await click($(alert, ".o_copilot_reload"));
    await vi.waitFor(() => expect(root.querySelector(".o_copilot_load_error")).toBeNull());
    expect(api.sessions).toHaveBeenCalledTimes(2);
    expect(text($(root, ".o_copilot_empty_title"))).toBe("How can I help?");
  });

  it("shows the running tools with their labels while the answer is written, then the answer", async () => {
    const stream = controlledStream();
    const store = makeStore(fakeApi({ chatStream: stream.chatStream }));
    const root = await mountComponent(MessageList, { store });
    void store.send("Stock of the Office Chair?");
    await nextTick();

    const reply = $(root, ".o_copilot_message_assistant");
    expect(reply.getAttribute("aria-busy")).toBe("true");
    expect(reply.querySelector(".o_copilot_typing")).not.toBeNull(); // nothing written yet, no tool running
    expect($(root, ".o_copilot_message_user").classList.contains("o_copilot_message_pending")).toBe(true);

    await stream.emit({ type: "start", session_id: "s1", turn_id: "t1" });
    // the agent says what the tool does, in the user's language (the tool's declaration)
    await stream.emit({ type: "tool", tool: "search_products", status: "started", label: "Recherche des produits…" });
    expect($$(root, ".o_copilot_step").map(text)).toEqual(["Recherche des produits…"]);
    expect($(root, ".o_copilot_step").classList.contains("o_copilot_step_running")).toBe(true);
    expect(root.querySelector(".o_copilot_typing")).toBeNull(); // the step says what happens

    await stream.emit({ type: "tool", tool: "search_products", status: "done" });
    // a tool the agent did not describe (an older agent) still shows a step
    await stream.emit({ type: "tool", tool: "get_stock", status: "started" });
    const steps = $$(root, ".o_copilot_step");
    expect(steps.map(text)).toEqual(["Recherche des produits…", "Working…"]);
    expect(steps[0]!.classList.contains("o_copilot_step_done")).toBe(true);
    expect(steps[0]!.querySelector(".fa-check")).not.toBeNull();

    await stream.emit({ type: "text", text: "There are 12 in stock." });
    expect(text($(root, ".o_copilot_message_assistant .o_copilot_markdown"))).toBe("There are 12 in stock.");
    expect(root.querySelector(".o_copilot_copy")).toBeNull(); // no Copy while it is written

    await stream.emit({ type: "done", result: { session_id: "s1", reply: "There are **12** in stock.", actions: [], message_id: "m2" } });
    await stream.finish();
    expect(root.querySelector(".o_copilot_steps")).toBeNull();
    expect($(root, ".o_copilot_message_assistant").getAttribute("aria-busy")).toBe("false");
    expect(text($(root, ".o_copilot_markdown strong"))).toBe("12");
    expect(root.querySelector(".o_copilot_copy")).not.toBeNull();
  });

  it("asks the last question again (Ask again), with the project it was asked about; the first answer stays", async () => {
    let answers = 0;
    const api = fakeApi({ chat: vi.fn(async () => ({ session_id: "s1", reply: `answer ${++answers}`, actions: [], message_id: `m_${answers}` })) });
    const store = makeStore(api);
    const root = await mountComponent(MessageList, { store });
    store.setProjectContext({ id: 3, name: "Office Design" });
    await store.send("Quelles tâches ?");
    store.setProjectContext(null);
    await nextTick();
    const buttons = $$(root, ".o_copilot_regenerate");
    expect(buttons).toHaveLength(1); // on the last answer only
    expect(buttons[0]!.getAttribute("aria-label")).toBe("Ask again");
    await click(buttons[0]!);
    await vi.waitFor(() => expect(api.chatStream).toHaveBeenCalledTimes(2));
    expect(vi.mocked(api.chatStream).mock.calls[1]![0]).toMatchObject({ message: "Quelles tâches ?", context: { project: { id: 3, name: "Office Design" } } });
    // a new client message id: the agent answers again rather than the first answer
    expect(vi.mocked(api.chatStream).mock.calls[1]![0].client_message_id).not.toBe(vi.mocked(api.chatStream).mock.calls[0]![0].client_message_id);
    await nextTick();
    expect(store.messages.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant"]);
  });

  it("shows a failed message's error in place, and Retry sends it again", async () => {
    const chat = vi
      .fn()
      .mockRejectedValueOnce(new RpcError("network", "down"))
      .mockResolvedValue({ session_id: "s1", reply: "Done this time.", actions: [], message_id: "m2" });
    const store = makeStore(fakeApi({ chat }));
    const root = await mountComponent(MessageList, { store });
    await store.send("Hello");
    await nextTick();

    const error = $(root, ".o_copilot_send_error");
    expect(error.getAttribute("role")).toBe("alert");
    expect(text(error)).toContain("Odoo cannot be reached. Check your connection and try again.");
    expect(root.querySelector(".o_copilot_message_assistant")).toBeNull(); // the empty reply went away

    await click($(error, ".o_copilot_retry"));
    await vi.waitFor(() => expect(root.querySelector(".o_copilot_send_error")).toBeNull());
    expect(chat).toHaveBeenCalledTimes(2);
    expect(chat.mock.calls[1]![0]).toMatchObject({ message: "Hello" });
    expect(text($(root, ".o_copilot_message_assistant .o_copilot_markdown"))).toBe("Done this time.");
  });

  it("disables Retry while another answer is running", async () => {
    const store = makeStore(fakeApi(), { messages: [user("u1", "Hello", { error: "Odoo cannot be reached." })], sending: true });
    const root = await mountComponent(MessageList, { store });
    expect(($(root, ".o_copilot_retry") as HTMLButtonElement).disabled).toBe(true);
  });

  it("marks a stopped answer", async () => {
    const store = makeStore(fakeApi(), { messages: [user("u1", "Long list"), assistant("a1", "Here is the start", { stopped: true })] });
    const root = await mountComponent(MessageList, { store });
    expect(text($(root, ".o_copilot_stopped"))).toBe("Stopped");
    expect($(root, ".o_copilot_message_assistant").classList.contains("o_copilot_message_stopped")).toBe(true);
  });

  describe("Copy", () => {
    afterEach(() => {
      delete (navigator as { clipboard?: unknown }).clipboard;
    });

    it("copies the reply's markdown, with an icon-only button that has a label", async () => {
      const writeText = vi.fn(async () => {});
      Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
      const store = makeStore(fakeApi(), { messages: [assistant("a1", "**12** in stock")] });
      const root = await mountComponent(MessageList, { store });
      const copy = $(root, ".o_copilot_copy");
      expect(copy.getAttribute("aria-label")).toBe("Copy");
      await click(copy);
      await nextTick();
      expect(writeText).toHaveBeenCalledWith("**12** in stock");
      expect(text($(root, ".o_copilot_copy [role=status]"))).toBe("Copied");
    });
  });

  it("shows each action with the card of its kind", async () => {
    const store = makeStore(fakeApi(), {
      messages: [
        assistant("a1", "Here are the changes.", {
          actions: [
            makeAction({
              id: "q",
              preview: {
                kind: "quotation",
                customer: { id: 1, name: "Deco Addict" },
                lines: [],
                currency: { name: "USD", symbol: "$", position: "before" },
                amount_untaxed: 0,
                amount_tax: 0,
                amount_total: 0,
              },
            }),
            makeAction({ id: "t", tool: "create_task", preview: { kind: "task", project: { id: 1, name: "Office" }, title: "Call", description: null, deadline: null, assignee: null } }),
            makeAction({ id: "n", tool: "log_project_note", preview: { kind: "note", project: { id: 1, name: "Office" }, body: "Note" } }),
            makeAction({ id: "r", tool: "update_task", preview: { kind: "record_change", record: { model: "project.task", id: 3, name: "Call" }, changes: [] } }),
            makeAction({ id: "x", tool: "remember", summary: "Remember that I prefer email" }),
            // A preview that does not have the shape of its kind falls back to the plain card.
            makeAction({ id: "bad", tool: "create_task", summary: "Odd task", preview: { kind: "task" } as unknown as ActionPreview }),
          ],
        }),
      ],
    });
    const root = await mountComponent(MessageList, { store });
    expect($$(root, ".o_copilot_card").map((card) => [...card.classList].find((name) => name.endsWith("_card") && name !== "o_copilot_card"))).toEqual([
      "o_copilot_quotation_card",
      "o_copilot_task_card",
      "o_copilot_note_card",
      "o_copilot_record_change_card",
      "o_copilot_action_card",
      "o_copilot_action_card",
    ]);
  });

  it("confirms a card through the store: the button waits, then the card shows the record written", async () => {
    const confirmed = deferred<{ action: ReturnType<typeof makeAction> }>();
    const api = fakeApi({ confirmAction: vi.fn(() => confirmed.promise) });
    const store = makeStore(api, { messages: [assistant("a1", "Shall I?", { actions: [makeAction({ tool: "remember", summary: "Remember it" })] })] });
    const root = await mountComponent(MessageList, { store });
    await click($(root, ".o_copilot_confirm"));
    expect(api.confirmAction).toHaveBeenCalledWith("act_1");
    expect(($(root, ".o_copilot_confirm") as HTMLButtonElement).disabled).toBe(true);
    expect(($(root, ".o_copilot_reject") as HTMLButtonElement).disabled).toBe(true);
    expect($(root, ".o_copilot_confirm .fa-spin")).toBeTruthy();

    confirmed.resolve({ action: makeAction({ tool: "remember", summary: "Remember it", status: "done", record: { model: "sale.order", id: 42, name: "S00042" } }) });
    await vi.waitFor(() => expect(root.querySelector(".o_copilot_confirm")).toBeNull());
    expect(text($(root, ".o_copilot_status"))).toBe("Done");
    expect(text($(root, ".o_copilot_record_link"))).toBe("S00042");
  });

  it("shows why a confirm failed on the card, and cancels through the store", async () => {
    const api = fakeApi({ confirmAction: vi.fn().mockRejectedValue(new RpcError("server", "The product is archived.")) });
    const store = makeStore(api, { messages: [assistant("a1", "Shall I?", { actions: [makeAction({ tool: "remember" })] })] });
    const root = await mountComponent(MessageList, { store });
    await click($(root, ".o_copilot_confirm"));
    await vi.waitFor(() => expect(text($(root, ".o_copilot_card_error"))).toBe("The product is archived."));
    await click($(root, ".o_copilot_reject"));
    await vi.waitFor(() => expect(text($(root, ".o_copilot_status"))).toBe("Cancelled"));
    expect(api.rejectAction).toHaveBeenCalledWith("act_1");
    expect(text($(root, ".o_copilot_card_footer"))).toBe("Cancelled");
  });

  it("undoes a done change through the store and shows the addon's answer", async () => {
    const api = fakeApi();
    const done = makeAction({ status: "done", tool: "remember", record: { model: "sale.order", id: 42, name: "S00042" } });
    const store = makeStore(api, { messages: [assistant("a1", "Done.", { actions: [done] })] });
    const root = await mountComponent(MessageList, { store });
    await click($(root, ".o_copilot_undo"));
    await vi.waitFor(() => expect(text($(root, ".o_copilot_undo_result"))).toBe("Quotation S00042 deleted."));
    expect(api.undoAction).toHaveBeenCalledWith("act_1");
    expect(root.querySelector(".o_copilot_undo")).toBeNull(); // undone: no second Undo
  });

  describe("choices", () => {
    const choice = {
      query: "Deco",
      model: "res.partner",
      options: [
        { id: 7, label: "Deco Addict", message: "/quote Deco Addict" },
        { id: 8, label: "Deco Fabrics", message: "/quote Deco Fabrics" },
      ],
    };

    it("sends the message of the option picked", async () => {
      const api = fakeApi();
      const store = makeStore(api, { messages: [user("u1", "/quote Deco"), assistant("a1", "Which customer?", { choices: [choice] })] });
      const root = await mountComponent(MessageList, { store });
      expect(text($(root, ".o_copilot_choice_card .o_copilot_card_title"))).toBe("Which one?");
      expect(text($(root, ".o_copilot_choice_query"))).toBe("Several records match “Deco”:");
      const options = $$(root, ".o_copilot_choice");
      expect(options.map(text)).toEqual(["Deco Addict", "Deco Fabrics"]);
      await click(options[1]!);
      expect(api.chatStream).toHaveBeenCalledTimes(1);
      expect(vi.mocked(api.chatStream).mock.calls[0]![0]).toMatchObject({ message: "/quote Deco Fabrics" });
    });

    it("shows which option was picked, and its buttons do nothing once the conversation went on", async () => {
      const store = makeStore(fakeApi(), {
        messages: [user("u1", "/quote Deco"), assistant("a1", "Which customer?", { choices: [choice] }), user("u2", "/quote Deco Fabrics"), assistant("a2", "Here it is.")],
      });
      const root = await mountComponent(MessageList, { store });
      const options = $$(root, ".o_copilot_choice");
      expect(options.map((option) => option.getAttribute("aria-pressed"))).toEqual(["false", "true"]);
      expect(options[1]!.classList.contains("btn-primary")).toBe(true);
      expect(options.every((option) => (option as HTMLButtonElement).disabled)).toBe(true);
    });

    it("says “Did you mean?” for a single close match", async () => {
      const close = { query: "Deko", model: "res.partner", options: [choice.options[0]!] };
      const store = makeStore(fakeApi(), { messages: [assistant("a1", "Hmm.", { choices: [close] })] });
      const root = await mountComponent(MessageList, { store });
      expect(text($(root, ".o_copilot_choice_card .o_copilot_card_title"))).toBe("Did you mean?");
      expect($(root, ".o_copilot_choice_card").getAttribute("aria-label")).toBe("Did you mean?");
      expect(text($(root, ".o_copilot_choice_query"))).toBe("Nothing matches “Deko” exactly:");
    });
  });
});

// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

import type { StreamParams, TurnEvent } from "../../src/api/types";
import { ChatPanel } from "../../src/chat_panel/chat_panel";
import { $, $$, click, deferred, fakeApi, fakeServices, keydown, makeStore, mountComponent, nextTick, text, type } from "./helpers";

/** The side panel as src/main.ts shows it: the real store, message list and composer together. */
async function mountPanel(api = fakeApi()) {
  const store = makeStore(api, { isOpen: true });
  const services = fakeServices();
  const root = await mountComponent(ChatPanel, { store }, services);
  const input = $(root, "textarea.o_copilot_input") as HTMLTextAreaElement;
  return { root, store, api, services, input };
}

describe("ChatPanel (message list + composer + store)", () => {
  it("names the records on screen above the input, follows the screen, and sets it aside on ×", async () => {
    // the panel looks at the screen every 10 ms instead of every second
    ChatPanel.screenLookMs = 10;
    try {
      let screen: { model: string; ids: number[]; key: string; name: string; selected?: number } | undefined = { model: "sale.order", ids: [12], key: "sale.order:12", name: "S00012" };
      const api = fakeApi();
      const store = makeStore(api, { isOpen: true, screen: () => screen });
      const root = await mountComponent(ChatPanel, { store }, fakeServices());
      await vi.waitFor(() => expect(text($(root, ".o_copilot_screen_chip"))).toBe("On screen: S00012"));
      screen = { model: "sale.order", ids: [12, 13], key: "sale.order:12,13", name: "Quotations", selected: 2 };
      await vi.waitFor(() => expect(text($(root, ".o_copilot_screen_chip"))).toBe("On screen: Quotations (2 selected)"));
      await click($(root, ".o_copilot_screen_chip .o_copilot_context_clear"));
      expect(root.querySelector(".o_copilot_screen_chip")).toBeNull();
      expect(store.ignoredScreen).toBe("sale.order:12,13");
      // another selection is shown (and sent) again
      screen = { model: "sale.order", ids: [14], key: "sale.order:14", name: "Quotations", selected: 1 };
      await vi.waitFor(() => expect(text($(root, ".o_copilot_screen_chip"))).toBe("On screen: Quotations (1 selected)"));
      screen = undefined;
      await vi.waitFor(() => expect(root.querySelector(".o_copilot_screen_chip")).toBeNull());
    } finally {
      ChatPanel.screenLookMs = 1000;
    }
  });

  it("sends what is typed on Enter: the message shows, then the reply", async () => {
    const { root, api, input, store } = await mountPanel();
    await type(input, "Stock of the Office Chair?");
    expect(store.draft).toBe("Stock of the Office Chair?");
    await keydown(input, "Enter");
    await vi.waitFor(() => expect(text(root.querySelector(".o_copilot_message_assistant .o_copilot_markdown"))).toBe("reply to Stock of the Office Chair?"));
    expect(api.chatStream).toHaveBeenCalledTimes(1);
    expect(text($(root, ".o_copilot_message_user .o_copilot_bubble"))).toBe("Stock of the Office Chair?");
    expect(store.draft).toBe("");
    // Up in the empty input brings the message back.
    await keydown(input, "ArrowUp");
    expect(input.value).toBe("Stock of the Office Chair?");
  });

  it("shows Stop while the answer is written, and Stop asks the server to stop it", async () => {
    let onEvent!: (event: TurnEvent) => void;
    const ended = deferred<void>();
    const chatStream = vi.fn(async (_params: StreamParams, callback: (event: TurnEvent) => void) => {
      onEvent = callback;
      await ended.promise;
    });
    const { root, api, input } = await mountPanel(fakeApi({ chatStream }));
    await type(input, "List all my quotations");
    await keydown(input, "Enter");
    onEvent({ type: "start", session_id: "s1", turn_id: "t1" });
    onEvent({ type: "text", text: "Here are the first ones" });
    await nextTick();
    expect(root.querySelector(".o_copilot_send")).toBeNull();
    await click($(root, ".o_copilot_stop"));
    expect(api.stop).toHaveBeenCalledWith("s1");
    expect(document.activeElement).toBe(input); // the focus stays in the composer
    onEvent({ type: "done", result: { session_id: "s1", reply: "Here are the first ones", actions: [], message_id: "m2", stopped: true } });
    ended.resolve();
    await vi.waitFor(() => expect(text(root.querySelector(".o_copilot_stopped"))).toBe("Stopped"));
    expect(root.querySelector(".o_copilot_stop")).toBeNull();
    expect(root.querySelector(".o_copilot_send")).not.toBeNull();
  });

  it("completes a slash command's argument with the ORM's name_search", async () => {
    const { root, input, services } = await mountPanel();
    services.orm.call.mockImplementation(async (_model: string, method: string) =>
      method === "name_search" ? [[7, "Deco Addict"], [8, "Deco Fabrics"]] : [],
    );
    await type(input, "/quote Deco");
    await vi.waitFor(() => expect($$(root, ".o_copilot_slash_item").map(text)).toEqual(["Deco Addict", "Deco Fabrics"]));
    expect(services.orm.call).toHaveBeenCalledWith("res.partner", "name_search", [], { name: "Deco", limit: 8 });
  });

  it("runs /new in place: the conversation starts over", async () => {
    const { root, input, store } = await mountPanel();
    await type(input, "Hello");
    await keydown(input, "Enter");
    await vi.waitFor(() => expect(store.messages).toHaveLength(2));
    await type(input, "/new");
    await keydown(input, "Enter");
    expect(store.messages).toEqual([]);
    expect(store.sessionId).toBeNull();
    await nextTick();
    expect(text($(root, ".o_copilot_empty_title"))).toBe("How can I help?");
  });

  it("labels its icon-only header buttons, and closes on Escape", async () => {
    const { root, store } = await mountPanel();
    expect($$(root, ".o_copilot_header_button").map((button) => button.getAttribute("aria-label"))).toEqual([
      "New conversation",
      "Open full page",
      "Close",
    ]);
    await keydown($(root, "textarea.o_copilot_input"), "Escape");
    expect(store.isOpen).toBe(false);
    expect(root.querySelector("#o_copilot_panel")).toBeNull();
  });

  it("opens the full page through the action service", async () => {
    const { root, store, services } = await mountPanel();
    const link = $(root, "a.o_copilot_open_full_page");
    expect(link.getAttribute("href")).toBe("/web#action=copilot.app");
    await click(link);
    expect(services.action.doAction).toHaveBeenCalledWith("copilot.app", { clearBreadcrumbs: true });
    expect(store.isOpen).toBe(false);
  });
});

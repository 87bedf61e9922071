// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";

import type { CopilotApi } from "../../src/api/copilot_api";
import type { Session } from "../../src/api/types";
import { RpcError } from "../../src/odoo/rpc";
import { SessionList } from "../../src/session_list/session_list";
import { $, $$, click, deferred, fakeApi, fakeServices, keydown, makeSession, makeStore, mountComponent, nextTick, setOdooModules, text, type } from "./helpers";

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** Odoo's ConfirmationDialog as compat.ts finds it; the fake dialog service records what it shows. */
class FakeConfirmationDialog {}

async function mountList(sessions: Session[], apiOverrides: Partial<CopilotApi> = {}, storeInit = {}) {
  const api = fakeApi({ sessions: vi.fn(async () => ({ sessions })), ...apiOverrides });
  const store = makeStore(api, { sessions, sessionsState: "ready", ...storeInit });
  const onOpened = vi.fn();
  const services = fakeServices();
  const root = await mountComponent(SessionList, { store, onOpened }, services);
  return { root, api, store, onOpened, services };
}

const titles = (root: HTMLElement) => $$(root, ".o_copilot_session_title").map(text);
const sessionItem = (root: HTMLElement, title: string) => {
  const item = $$(root, ".o_copilot_session").find((li) => text(li.querySelector(".o_copilot_session_title")) === title);
  if (!item) {
    throw new Error(`No conversation titled ${title}`);
  }
  return item;
};

describe("SessionList", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("groups the conversations by date, pinned first, most recent first in each group", async () => {
    const { root } = await mountList([
      makeSession("old", { title: "Old stock question", updated_at: ago(30) }),
      makeSession("week", { title: "Quote for Gemini", updated_at: ago(3) }),
      makeSession("y", { title: "Yesterday's task", updated_at: ago(1) }),
      makeSession("t1", { title: "Earlier today", updated_at: ago(0.0001) }),
      makeSession("t2", { title: "Just now", updated_at: ago(0) }),
      makeSession("pin", { title: "Pinned long ago", updated_at: ago(90), pinned: true }),
    ]);
    const groups = $$(root, ".o_copilot_session_group").map((heading) => [
      text(heading),
      $$(heading.nextElementSibling as HTMLElement, ".o_copilot_session_title").map(text),
    ]);
    expect(groups).toEqual([
      ["Pinned", ["Pinned long ago"]],
      ["Today", ["Just now", "Earlier today"]],
      ["Yesterday", ["Yesterday's task"]],
      ["Previous 7 days", ["Quote for Gemini"]],
      ["Older", ["Old stock question"]],
    ]);
    // Each list is named by its heading.
    const heading = $(root, ".o_copilot_session_group");
    expect($(root, ".o_copilot_session_items").getAttribute("aria-labelledby")).toBe(heading.id);
    expect(sessionItem(root, "Pinned long ago").querySelector(".o_copilot_session_pin_mark")).not.toBeNull();
  });

  it("says there is no conversation yet, or that none matches the search", async () => {
    const { root, store } = await mountList([]);
    expect(text($(root, ".o_copilot_sessions_empty"))).toBe("No conversation yet.");
    store.sessionQuery = "zzz";
    await nextTick();
    expect(text($(root, ".o_copilot_sessions_empty"))).toBe("No conversation matches.");
  });

  it("filters at once as the user types, then asks the addon with the query", async () => {
    const sessions = [makeSession("a", { title: "Quote for Deco Addict" }), makeSession("b", { title: "Stock of chairs" })];
    const { root, api } = await mountList(sessions);
    const search = $(root, "input.o_copilot_session_search") as HTMLInputElement;
    expect(search.getAttribute("aria-label")).toBe("Search conversations");
    await type(search, "déco");
    expect(titles(root)).toEqual(["Quote for Deco Addict"]); // accents and case ignored
    await vi.waitFor(() => expect(api.sessions).toHaveBeenCalledWith("déco"));
  });

  it("opens a conversation, marks it current and tells the page", async () => {
    const { root, api, store, onOpened } = await mountList([makeSession("a", { title: "First" }), makeSession("b", { title: "Second" })]);
    await click($(sessionItem(root, "Second"), ".o_copilot_session_open"));
    expect(onOpened).toHaveBeenCalledTimes(1);
    expect(api.messages).toHaveBeenCalledWith("b");
    await vi.waitFor(() => expect(store.loadState).toBe("ready"));
    await nextTick();
    expect(store.sessionId).toBe("b");
    const item = sessionItem(root, "Second");
    expect(item.classList.contains("o_copilot_session_active")).toBe(true);
    expect($(item, ".o_copilot_session_open").getAttribute("aria-current")).toBe("true");
    expect($(sessionItem(root, "First"), ".o_copilot_session_open").hasAttribute("aria-current")).toBe(false);
  });

  it("starts a new conversation", async () => {
    const { root, store, onOpened } = await mountList([makeSession("a")], {}, { sessionId: "a", messages: [{ id: "m", role: "user", content: "Hi", created_at: "" }] });
    await click($(root, ".o_copilot_session_new"));
    expect(store.sessionId).toBeNull();
    expect(store.messages).toEqual([]);
    expect(onOpened).toHaveBeenCalledTimes(1);
  });

  it("labels its icon-only buttons with what they do and to which conversation", async () => {
    const { root } = await mountList([makeSession("a", { title: "Quote for Gemini" }), makeSession("b", { title: "" })]);
    const item = sessionItem(root, "Quote for Gemini");
    expect($$(item, ".o_copilot_session_actions button").map((button) => button.getAttribute("aria-label"))).toEqual([
      "Rename: Quote for Gemini",
      "Pin: Quote for Gemini",
      "Delete: Quote for Gemini",
    ]);
    // An untitled conversation is named as such.
    expect($(sessionItem(root, "New conversation"), ".o_copilot_session_delete").getAttribute("aria-label")).toBe("Delete: New conversation");
  });

  describe("rename", () => {
    it("edits the title in place and saves it on Enter", async () => {
      const { root, api, store } = await mountList([makeSession("a", { title: "Old title" })], {}, { sessionId: "a", sessionTitle: "Old title" });
      await click($(root, ".o_copilot_session_rename"));
      const input = $(root, "input.o_copilot_session_rename_input") as HTMLInputElement;
      expect(input.value).toBe("Old title");
      expect(input.getAttribute("aria-label")).toBe("Title of the conversation");
      expect(document.activeElement).toBe(input);
      input.value = "  Quote for Deco Addict  ";
      await keydown(input, "Enter");
      await vi.waitFor(() => expect(titles(root)).toEqual(["Quote for Deco Addict"]));
      expect(api.updateSession).toHaveBeenCalledTimes(1);
      expect(api.updateSession).toHaveBeenCalledWith("a", { title: "Quote for Deco Addict" });
      expect(store.sessionTitle).toBe("Quote for Deco Addict");
      expect(root.querySelector(".o_copilot_session_rename_input")).toBeNull();
    });

    // After Enter or Escape the focus goes back to the conversation's Rename button, once OWL
    // has rendered the list without the input (it patches on an animation frame).
    it.each(["Enter", "Escape"])("gives the focus back to Rename after %s", async (key) => {
      const { root } = await mountList([makeSession("a", { title: "Old title" })]);
      await click($(root, ".o_copilot_session_rename"));
      const input = $(root, "input.o_copilot_session_rename_input") as HTMLInputElement;
      input.value = "New title";
      await keydown(input, key);
      await vi.waitFor(() => expect(document.activeElement).toBe($(root, ".o_copilot_session_rename")));
    });

    it("keeps the title on Escape, without letting the key close anything else", async () => {
      const { root, api } = await mountList([makeSession("a", { title: "Old title" })]);
      const outside = vi.fn();
      root.addEventListener("keydown", outside);
      await click($(root, ".o_copilot_session_rename"));
      const input = $(root, "input.o_copilot_session_rename_input") as HTMLInputElement;
      input.value = "Changed my mind";
      await keydown(input, "Escape");
      expect(outside).not.toHaveBeenCalled();
      expect(titles(root)).toEqual(["Old title"]);
      expect(api.updateSession).not.toHaveBeenCalled();
    });

    it("saves when the input loses the focus, and not when the title is blank or unchanged", async () => {
      const { root, api } = await mountList([makeSession("a", { title: "Old title" })]);
      await click($(root, ".o_copilot_session_rename"));
      let input = $(root, "input.o_copilot_session_rename_input") as HTMLInputElement;
      input.value = "   ";
      input.dispatchEvent(new FocusEvent("blur"));
      await nextTick();
      await click($(root, ".o_copilot_session_rename"));
      input = $(root, "input.o_copilot_session_rename_input") as HTMLInputElement;
      input.dispatchEvent(new FocusEvent("blur"));
      await nextTick();
      expect(api.updateSession).not.toHaveBeenCalled();

      await click($(root, ".o_copilot_session_rename"));
      input = $(root, "input.o_copilot_session_rename_input") as HTMLInputElement;
      input.value = "New title";
      input.dispatchEvent(new FocusEvent("blur"));
      await vi.waitFor(() => expect(api.updateSession).toHaveBeenCalledWith("a", { title: "New title" }));
    });

    it("shows why the rename failed", async () => {
      const { root } = await mountList([makeSession("a", { title: "Old title" })], {
        updateSession: vi.fn().mockRejectedValue(new RpcError("network", "down")),
      });
      await click($(root, ".o_copilot_session_rename"));
      const input = $(root, "input.o_copilot_session_rename_input") as HTMLInputElement;
      input.value = "New title";
      await keydown(input, "Enter");
      await vi.waitFor(() => expect(text($(root, ".o_copilot_sessions_error"))).toBe("Odoo cannot be reached. Check your connection and try again."));
      expect(titles(root)).toEqual(["Old title"]);
    });
  });

  it("pins a conversation: it moves to Pinned, its button pressed; its buttons wait meanwhile", async () => {
    const saved = deferred<{ session: Session }>();
    const { root, api } = await mountList([makeSession("a", { title: "Quote", updated_at: ago(0) }), makeSession("b", { title: "Other", updated_at: ago(0) })], {
      updateSession: vi.fn(() => saved.promise),
    });
    const pin = $(sessionItem(root, "Quote"), ".o_copilot_session_pin") as HTMLButtonElement;
    expect(pin.getAttribute("aria-pressed")).toBe("false");
    await click(pin);
    expect(api.updateSession).toHaveBeenCalledWith("a", { pinned: true });
    const item = sessionItem(root, "Quote");
    expect(item.classList.contains("o_copilot_session_busy")).toBe(true);
    expect($$(item, ".o_copilot_session_actions button").every((button) => (button as HTMLButtonElement).disabled)).toBe(true);

    saved.resolve({ session: makeSession("a", { title: "Quote", updated_at: ago(0), pinned: true }) });
    await vi.waitFor(() => expect(text($(root, ".o_copilot_session_group"))).toBe("Pinned"));
    const pinned = sessionItem(root, "Quote");
    expect($(pinned, ".o_copilot_session_pin").getAttribute("aria-pressed")).toBe("true");
    expect($(pinned, ".o_copilot_session_pin").getAttribute("aria-label")).toBe("Unpin: Quote");
    expect(($(pinned, ".o_copilot_session_pin") as HTMLButtonElement).disabled).toBe(false);
  });

  describe("delete", () => {
    it("asks in Odoo's confirmation dialog, and deletes only once confirmed", async () => {
      setOdooModules({ "@web/core/confirmation_dialog/confirmation_dialog": { ConfirmationDialog: FakeConfirmationDialog } });
      const { root, api, services } = await mountList([makeSession("a", { title: "Quote for Gemini" }), makeSession("b", { title: "Other" })]);

      await click($(sessionItem(root, "Quote for Gemini"), ".o_copilot_session_delete"));
      expect(services.dialog.add).toHaveBeenCalledTimes(1);
      const first = services.dialog.calls[0]!;
      expect(first.component).toBe(FakeConfirmationDialog);
      expect(first.props).toMatchObject({
        title: "Delete this conversation?",
        body: "“Quote for Gemini” and its messages will be deleted. This cannot be undone.",
        confirmLabel: "Delete",
        cancelLabel: "Cancel",
        confirmClass: "btn-danger",
      });
      first.props.cancel();
      await nextTick();
      expect(api.deleteSession).not.toHaveBeenCalled();
      expect(titles(root)).toEqual(["Quote for Gemini", "Other"]);

      await click($(sessionItem(root, "Quote for Gemini"), ".o_copilot_session_delete"));
      services.dialog.calls[1]!.props.confirm();
      await vi.waitFor(() => expect(titles(root)).toEqual(["Other"]));
      expect(api.deleteSession).toHaveBeenCalledWith("a");
    });

    it("counts closing the dialog as a No", async () => {
      setOdooModules({ "@web/core/confirmation_dialog/confirmation_dialog": { ConfirmationDialog: FakeConfirmationDialog } });
      const { root, api, services } = await mountList([makeSession("a", { title: "Quote" })]);
      await click($(root, ".o_copilot_session_delete"));
      services.dialog.calls[0]!.options!.onClose!();
      await nextTick();
      expect(api.deleteSession).not.toHaveBeenCalled();
    });

    it("falls back to the browser's confirm() without Odoo's dialog", async () => {
      const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
      const { root, api, services } = await mountList([makeSession("a", { title: "Quote" })]);
      await click($(root, ".o_copilot_session_delete"));
      expect(services.dialog.add).not.toHaveBeenCalled();
      expect(confirm).toHaveBeenCalledWith("Delete this conversation?\n\n“Quote” and its messages will be deleted. This cannot be undone.");
      await vi.waitFor(() => expect(api.deleteSession).toHaveBeenCalledWith("a"));
    });

    it("starts a new conversation when the open one is deleted", async () => {
      vi.spyOn(window, "confirm").mockReturnValue(true);
      const { root, store } = await mountList([makeSession("a", { title: "Quote" })], {}, { sessionId: "a" });
      await click($(root, ".o_copilot_session_delete"));
      await vi.waitFor(() => expect(store.sessionId).toBeNull());
      expect(text($(root, ".o_copilot_sessions_empty"))).toBe("No conversation yet.");
    });
  });

  it("shows a failed load with a Retry that loads again", async () => {
    const { root, api } = await mountList([], {}, { sessionsState: "error", sessionsError: "Odoo cannot be reached. Check your connection and try again." });
    const alert = $(root, ".o_copilot_sessions_error");
    expect(alert.getAttribute("role")).toBe("alert");
    await click($(alert, "button"));
    expect(api.sessions).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(root.querySelector(".o_copilot_sessions_error")).toBeNull());
  });

  it("says so while the list loads", async () => {
    const { root } = await mountList([], {}, { sessionsState: "loading" });
    expect(text($(root, ".o_copilot_sessions_loading"))).toBe("Loading the conversations…");
    expect(root.querySelector(".o_copilot_sessions_empty")).toBeNull();
  });
});

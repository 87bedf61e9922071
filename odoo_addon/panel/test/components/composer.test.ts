// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

import { Composer, type ComposerProps } from "../../src/composer/composer";
import type { NamedRecord } from "../../src/odoo/name_search";
import { $, $$, click, deferred, keydown, mountComponent, nextTick, text, type } from "./helpers";

function composerProps(overrides: Partial<ComposerProps> = {}) {
  return {
    draft: "",
    busy: false,
    canStop: false,
    lastMessage: "",
    autofocus: false,
    onDraftChange: vi.fn((_text: string) => {}),
    onSend: vi.fn(async (_text: string) => true),
    onStop: vi.fn(() => {}),
    ...overrides,
  };
}

async function mountComposer(overrides: Partial<ComposerProps> = {}) {
  const props = composerProps(overrides);
  const root = await mountComponent(Composer, props);
  const input = $(root, "textarea.o_copilot_input") as HTMLTextAreaElement;
  return { root, input, props };
}

const labels = (root: HTMLElement) => $$(root, ".o_copilot_slash_item .o_copilot_slash_label").map(text);
const activeLabel = (root: HTMLElement) => text(root.querySelector(".o_copilot_slash_item_active .o_copilot_slash_label"));

describe("Composer", () => {
  it("starts from the draft kept by the store, and takes the focus when asked", async () => {
    const { input } = await mountComposer({ draft: "Half-written", autofocus: true });
    expect(input.value).toBe("Half-written");
    expect(document.activeElement).toBe(input);
  });

  it("sends on Enter, then empties the input", async () => {
    const { root, input, props } = await mountComposer();
    await type(input, "Stock of the Office Chair?");
    expect(props.onDraftChange).toHaveBeenLastCalledWith("Stock of the Office Chair?");
    const event = await keydown(input, "Enter");
    expect(event.defaultPrevented).toBe(true); // no new line
    expect(props.onSend).toHaveBeenCalledWith("Stock of the Office Chair?");
    expect(input.value).toBe("");
    expect(props.onDraftChange).toHaveBeenLastCalledWith("");
    expect(($(root, ".o_copilot_send") as HTMLButtonElement).disabled).toBe(true);
  });

  it("does not send on Shift+Enter (a new line) nor on the Enter that ends an IME composition", async () => {
    const { input, props } = await mountComposer();
    await type(input, "First line");
    const shifted = await keydown(input, "Enter", { shiftKey: true });
    expect(shifted.defaultPrevented).toBe(false);
    await keydown(input, "Enter", { isComposing: true });
    expect(props.onSend).not.toHaveBeenCalled();
    expect(input.value).toBe("First line");
  });

  it("sends with the Send button, which is disabled while the input is blank", async () => {
    const { root, input, props } = await mountComposer();
    const send = $(root, ".o_copilot_send") as HTMLButtonElement;
    expect(send.getAttribute("aria-label")).toBe("Send");
    expect(send.disabled).toBe(true);
    await type(input, "   ");
    expect(send.disabled).toBe(true);
    await type(input, "Hello");
    expect(send.disabled).toBe(false);
    await click(send);
    expect(props.onSend).toHaveBeenCalledWith("Hello");
  });

  it("lets the user type but not send while a request runs", async () => {
    const { root, input, props } = await mountComposer({ busy: true });
    await type(input, "Next question");
    expect(($(root, ".o_copilot_send") as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector(".o_copilot_send .fa-spin")).not.toBeNull();
    await keydown(input, "Enter");
    expect(props.onSend).not.toHaveBeenCalled();
    expect(input.value).toBe("Next question");
  });

  it("brings the last message back on ArrowUp in the empty input, not when something is typed", async () => {
    const { input, props } = await mountComposer({ lastMessage: "Stock of the Office Chair?" });
    await type(input, "draft");
    const ignored = await keydown(input, "ArrowUp");
    expect(ignored.defaultPrevented).toBe(false);
    expect(input.value).toBe("draft");

    await type(input, "");
    const recalled = await keydown(input, "ArrowUp");
    expect(recalled.defaultPrevented).toBe(true);
    expect(input.value).toBe("Stock of the Office Chair?");
    expect(props.onDraftChange).toHaveBeenLastCalledWith("Stock of the Office Chair?");
    await keydown(input, "Enter");
    expect(props.onSend).toHaveBeenCalledWith("Stock of the Office Chair?");
  });

  it("shows Stop instead of Send while the answer is written, and Stop calls onStop", async () => {
    const { root, props } = await mountComposer({ busy: true, canStop: true });
    expect(root.querySelector(".o_copilot_send")).toBeNull();
    const stop = $(root, ".o_copilot_stop");
    expect(stop.getAttribute("aria-label")).toBe("Stop");
    await click(stop);
    expect(props.onStop).toHaveBeenCalledTimes(1);
  });

  it("shows the project the chat is about, with a labelled button to drop it", async () => {
    const onClearProject = vi.fn();
    const { root } = await mountComposer({ project: { id: 3, name: "Office Design" }, onClearProject });
    expect(text($(root, ".o_copilot_context_chip"))).toBe("Project: Office Design");
    const clear = $(root, ".o_copilot_context_clear");
    expect(clear.getAttribute("aria-label")).toBe("Stop talking about this project");
    await click(clear);
    expect(onClearProject).toHaveBeenCalledTimes(1);
  });

  it("shows the records on screen the message goes with, with a labelled button to set them aside", async () => {
    const onIgnoreScreen = vi.fn();
    const { root } = await mountComposer({ screen: { name: "S00023" }, onIgnoreScreen });
    expect(text($(root, ".o_copilot_screen_chip"))).toBe("On screen: S00023");
    const clear = $(root, ".o_copilot_screen_chip .o_copilot_context_clear");
    expect(clear.getAttribute("aria-label")).toBe("Do not use this screen");
    await click(clear);
    expect(onIgnoreScreen).toHaveBeenCalledTimes(1);
    const list = await mountComposer({ screen: { name: "Quotations", selected: 2 }, project: { id: 3, name: "Office Design" } });
    expect([...list.root.querySelectorAll(".o_copilot_context_chip")].map((chip) => text(chip as HTMLElement))).toEqual(["On screen: Quotations (2 selected)", "Project: Office Design"]);
  });

  it("labels the input and links it to its hint", async () => {
    const { root, input } = await mountComposer();
    expect(input.getAttribute("aria-label")).toBe("Message to Copilot");
    const hint = $(root, ".o_copilot_composer_hint");
    expect(input.getAttribute("aria-describedby")).toBe(hint.id);
    expect(text(hint)).toBe("Enter to send, Shift+Enter for a new line, / for commands");
  });

  describe("slash commands", () => {
    it("opens the menu of every command on “/”, as a listbox the input controls", async () => {
      const { root, input } = await mountComposer();
      expect(input.getAttribute("aria-expanded")).toBe("false");
      await type(input, "/");
      const listbox = $(root, ".o_copilot_slash_items");
      expect(listbox.getAttribute("role")).toBe("listbox");
      expect(labels(root)).toEqual(["/quote", "/stock", "/summarize_project", "/create_task", "/show_kit", "/customer", "/export_pdf", "/undo", "/new", "/help"]);
      expect(input.getAttribute("aria-expanded")).toBe("true");
      expect(input.getAttribute("aria-controls")).toBe(listbox.id);
      expect(input.getAttribute("aria-activedescendant")).toBe(`${listbox.id}_0`);
      expect($$(root, ".o_copilot_slash_item")[0]!.getAttribute("aria-selected")).toBe("true");
      expect(text($(root, ".o_copilot_slash_item .o_copilot_slash_detail"))).toBe("Prepare a quotation for a customer");
      expect(text($(root, ".o_copilot_slash_item .o_copilot_slash_alias"))).toBe("/devis");
    });

    it("filters as the user types, by name then by description, and closes when nothing matches", async () => {
      const { root, input } = await mountComposer();
      await type(input, "/st");
      expect(labels(root)).toEqual(["/stock", "/customer"]);
      await type(input, "/conv");
      expect(labels(root)).toEqual(["/export_pdf", "/new"]);
      await type(input, "/zzz");
      expect(root.querySelector(".o_copilot_slash_menu")).toBeNull();
      expect(input.getAttribute("aria-expanded")).toBe("false");
      await type(input, "Hello /st");
      expect(root.querySelector(".o_copilot_slash_menu")).toBeNull();
    });

    it("moves with the arrow keys (wrapping) and Enter picks the highlighted command", async () => {
      const { root, input, props } = await mountComposer();
      await type(input, "/");
      await keydown(input, "ArrowDown");
      expect(activeLabel(root)).toBe("/stock");
      await keydown(input, "ArrowUp");
      await keydown(input, "ArrowUp");
      expect(activeLabel(root)).toBe("/help");
      expect(input.getAttribute("aria-activedescendant")).toBe(`${$(root, ".o_copilot_slash_items").id}_9`);
      await keydown(input, "ArrowUp");
      await keydown(input, "ArrowUp");
      await keydown(input, "ArrowUp");
      expect(activeLabel(root)).toBe("/export_pdf");
      // A command without argument runs at once.
      await keydown(input, "Enter");
      expect(props.onSend).toHaveBeenCalledWith("/export_pdf");
      expect(input.value).toBe("");
      expect(root.querySelector(".o_copilot_slash_menu")).toBeNull();
    });

    it("writes a command that takes an argument, ready for it, on Tab", async () => {
      const { root, input, props } = await mountComposer();
      await type(input, "/sto");
      expect(labels(root)).toEqual(["/stock", "/customer", "/quote"]);
      const tab = await keydown(input, "Tab");
      expect(tab.defaultPrevented).toBe(true); // the focus stays in the input
      expect(input.value).toBe("/stock ");
      expect(props.onSend).not.toHaveBeenCalled();
    });

    it("picks with the mouse, without taking the focus from the input", async () => {
      const { root, input, props } = await mountComposer();
      input.focus();
      await type(input, "/he");
      const item = $(root, ".o_copilot_slash_item");
      const mousedown = new MouseEvent("mousedown", { bubbles: true, cancelable: true });
      item.dispatchEvent(mousedown);
      expect(mousedown.defaultPrevented).toBe(true);
      item.dispatchEvent(new MouseEvent("mouseenter"));
      await click(item);
      expect(props.onSend).toHaveBeenCalledWith("/help");
      expect(document.activeElement).toBe(input);
    });

    it("closes on Escape without letting the key reach the panel (which would close)", async () => {
      const { root, input } = await mountComposer();
      const panelKeydown = vi.fn();
      root.addEventListener("keydown", panelKeydown);
      await type(input, "/");
      await keydown(input, "Escape");
      expect(root.querySelector(".o_copilot_slash_menu")).toBeNull();
      expect(panelKeydown).not.toHaveBeenCalled();
      expect(input.value).toBe("/");
      // With the menu closed, Escape goes on to the panel.
      await keydown(input, "Escape");
      expect(panelKeydown).toHaveBeenCalledTimes(1);
    });

    it("runs /new in the panel, never sending it", async () => {
      const onCommand = vi.fn();
      const { input, props } = await mountComposer({ onCommand });
      await type(input, "/new");
      await keydown(input, "Enter");
      expect(onCommand).toHaveBeenCalledWith("new");
      expect(props.onSend).not.toHaveBeenCalled();
      expect(input.value).toBe("");
    });

    it("shows the French names to a French user, the English one beside them", async () => {
      const { root, input } = await mountComposer({ lang: "fr-FR" });
      await type(input, "/dev");
      expect(labels(root)).toEqual(["/devis"]);
      expect(text($(root, ".o_copilot_slash_alias"))).toBe("/quote");
      await keydown(input, "Enter");
      expect(input.value).toBe("/devis ");
    });

    it("finds a command by its other language's name", async () => {
      const { root, input } = await mountComposer({ lang: "en-US" });
      await type(input, "/devis");
      expect(labels(root)).toEqual(["/quote"]);
    });

    it("completes the argument with Odoo's name search, then writes the pick with its separator", async () => {
      const nameSearch = vi.fn(async (_model: string, _name: string): Promise<NamedRecord[]> => [
        { id: 7, name: "Deco Addict" },
        { id: 8, name: "Deco Fabrics" },
      ]);
      const { root, input, props } = await mountComposer({ lang: "fr-FR", nameSearch });
      await type(input, "/devis Deco");
      expect(text($(root, ".o_copilot_slash_title"))).toBe("/devis — client : 3 Office Chair, 2 Office Lamp");
      expect(text($(root, ".o_copilot_slash_empty"))).toBe("Searching…");
      await vi.waitFor(() => expect(labels(root)).toEqual(["Deco Addict", "Deco Fabrics"]));
      expect(nameSearch).toHaveBeenCalledWith("res.partner", "Deco");
      await keydown(input, "ArrowDown");
      await keydown(input, "Enter");
      expect(input.value).toBe("/devis Deco Fabrics: ");
      expect(root.querySelector(".o_copilot_slash_menu")).toBeNull(); // no menu for the text just picked
      expect(props.onSend).not.toHaveBeenCalled();
      expect(props.onDraftChange).toHaveBeenLastCalledWith("/devis Deco Fabrics: ");
    });

    it("asks once for the last text typed, and says “No match” when nothing is found", async () => {
      const nameSearch = vi.fn(async (): Promise<NamedRecord[]> => []);
      const { root, input } = await mountComposer({ nameSearch });
      for (const typed of ["/stock O", "/stock Of", "/stock Off"]) {
        input.value = typed; // three keys in a row, faster than the search delay
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      await vi.waitFor(() => expect(text($(root, ".o_copilot_slash_empty"))).toBe("No match"));
      expect(nameSearch).toHaveBeenCalledTimes(1);
      expect(nameSearch).toHaveBeenCalledWith("product.product", "Off");
    });

    it("shows no match when the name search fails (an app not installed)", async () => {
      const nameSearch = vi.fn(async (): Promise<NamedRecord[]> => {
        throw new Error("no such model");
      });
      const { root, input } = await mountComposer({ nameSearch });
      await type(input, "/summarize_project Off");
      await vi.waitFor(() => expect(text($(root, ".o_copilot_slash_empty"))).toBe("No match"));
    });

    it("drops the answer of a search the user has typed past", async () => {
      const slow = deferred<NamedRecord[]>();
      const nameSearch = vi.fn().mockReturnValueOnce(slow.promise).mockResolvedValue([{ id: 2, name: "Office Lamp" }]);
      const { root, input } = await mountComposer({ nameSearch });
      await type(input, "/stock Off");
      await vi.waitFor(() => expect(nameSearch).toHaveBeenCalledTimes(1));
      await type(input, "/stock Office L");
      await vi.waitFor(() => expect(labels(root)).toEqual(["Office Lamp"]));
      slow.resolve([{ id: 1, name: "Office Chair" }]);
      await nextTick();
      expect(labels(root)).toEqual(["Office Lamp"]);
    });

    it("has no argument menu without a name search", async () => {
      const { root, input } = await mountComposer();
      await type(input, "/quote Deco");
      expect(root.querySelector(".o_copilot_slash_menu")).toBeNull();
    });

    it("fills a project command's argument with the chat's project", async () => {
      const { input } = await mountComposer({ project: { id: 3, name: "Office Design" }, nameSearch: vi.fn(async () => []) });
      await type(input, "/summ");
      await keydown(input, "Enter");
      expect(input.value).toBe("/summarize_project Office Design");
    });

    it("closes the menu when the input loses the focus", async () => {
      const { root, input } = await mountComposer();
      input.focus();
      await type(input, "/");
      input.blur();
      await nextTick();
      expect(root.querySelector(".o_copilot_slash_menu")).toBeNull();
    });
  });
});

// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

import { SlashMenu, type SlashMenuProps } from "../../src/slash_menu/slash_menu";
import { $, $$, click, mountComponent, text } from "./helpers";

function menuProps(overrides: Partial<SlashMenuProps> = {}): SlashMenuProps {
  return {
    id: "menu_1",
    title: "Commands",
    items: [
      { key: "quote", label: "/quote", alias: "/devis", detail: "Prepare a quotation for a customer" },
      { key: "help", label: "/help", alias: "", detail: "" },
    ],
    active: 1,
    loading: false,
    loadingText: "Searching…",
    emptyText: "No match",
    onPick: vi.fn(),
    onHover: vi.fn(),
    ...overrides,
  };
}

describe("SlashMenu", () => {
  it("lists the items as options of a labelled listbox, the active one selected", async () => {
    const root = await mountComponent(SlashMenu, menuProps());
    const listbox = $(root, "[role=listbox]");
    expect(listbox.id).toBe("menu_1");
    expect(listbox.getAttribute("aria-label")).toBe("Commands");
    expect(text($(root, ".o_copilot_slash_title"))).toBe("Commands");
    const options = $$(root, "[role=option]");
    expect(options.map((option) => option.id)).toEqual(["menu_1_0", "menu_1_1"]);
    expect(options.map((option) => option.getAttribute("aria-selected"))).toEqual(["false", "true"]);
    expect(options[1]!.classList.contains("o_copilot_slash_item_active")).toBe(true);
    expect(text(options[0]!.querySelector(".o_copilot_slash_label"))).toBe("/quote");
    expect(text(options[0]!.querySelector(".o_copilot_slash_alias"))).toBe("/devis");
    expect(text(options[0]!.querySelector(".o_copilot_slash_detail"))).toBe("Prepare a quotation for a customer");
    // No empty alias or detail elements.
    expect(options[1]!.querySelector(".o_copilot_slash_alias, .o_copilot_slash_detail")).toBeNull();
    expect(root.querySelector(".o_copilot_slash_empty")).toBeNull();
  });

  it("reports the option hovered and the option clicked, by index", async () => {
    const props = menuProps();
    const root = await mountComponent(SlashMenu, props);
    const options = $$(root, "[role=option]");
    options[0]!.dispatchEvent(new MouseEvent("mouseenter"));
    expect(props.onHover).toHaveBeenCalledWith(0);
    await click(options[1]!);
    expect(props.onPick).toHaveBeenCalledWith(1);
  });

  it("keeps the focus where it is when clicked (mousedown prevented)", async () => {
    const root = await mountComponent(SlashMenu, menuProps());
    const event = new MouseEvent("mousedown", { bubbles: true, cancelable: true });
    $(root, "[role=option]").dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it("says it is searching, or that nothing matched, when it has no item", async () => {
    const searching = await mountComponent(SlashMenu, menuProps({ items: [], loading: true }));
    expect(text($(searching, ".o_copilot_slash_empty"))).toBe("Searching…");
    expect($(searching, ".o_copilot_slash_empty").getAttribute("role")).toBe("status");
    const empty = await mountComponent(SlashMenu, menuProps({ items: [], loading: false }));
    expect(text($(empty, ".o_copilot_slash_empty"))).toBe("No match");
  });
});

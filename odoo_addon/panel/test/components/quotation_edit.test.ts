// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

import type { Action, QuotationPreview } from "../../src/api/types";
import { MessageList } from "../../src/message_list/message_list";
import { RpcError } from "../../src/odoo/rpc";
import { $, $$, click, deferred, fakeApi, keydown, makeAction, makeStore, mountComponent, nextTick, T, text, type } from "./helpers";

const preview: QuotationPreview = {
  kind: "quotation",
  customer: { id: 9, name: "Deco Addict" },
  lines: [
    { product: { id: 1, name: "Office Chair" }, quantity: 3, uom: "Units", price_unit: 100, discount: 0, subtotal: 300, total: 345 },
    { product: { id: 2, name: "Office Lamp" }, quantity: 2, price_unit: 40, discount: 0, subtotal: 80, total: 92 },
  ],
  currency: { name: "USD", symbol: "$", position: "before" },
  amount_untaxed: 380,
  amount_tax: 57,
  amount_total: 437,
};

/** What Odoo answers for 5 chairs and no lamp. */
const revisedPreview: QuotationPreview = {
  ...preview,
  lines: [{ ...preview.lines[0]!, quantity: 5, subtotal: 500, total: 575 }],
  amount_untaxed: 500,
  amount_tax: 75,
  amount_total: 575,
};

const quotation = (overrides: Partial<Action> = {}) =>
  makeAction({ id: "act_q", preview, summary: "Create a quotation for Deco Addict (2 lines)", ...overrides });

async function mountQuotation(reviseAction = vi.fn(async (id: string, _quantities: number[]) => ({ action: quotation({ id, preview: revisedPreview, summary: "Create a quotation for Deco Addict (1 line)" }) }))) {
  const api = fakeApi({ reviseAction });
  const store = makeStore(api, {
    messages: [{ id: "a1", role: "assistant", content: "Here is the quotation.", created_at: T, actions: [quotation()] }],
  });
  const root = await mountComponent(MessageList, { store });
  return { root, api, store, reviseAction };
}

const inputs = (root: HTMLElement) => $$(root, "input.o_copilot_quantity_input") as HTMLInputElement[];
const quantities = (root: HTMLElement) => $$(root, ".o_copilot_quotation_lines tbody tr td:nth-child(2)").map(text);

describe("QuotationCard: Edit quantities", () => {
  it("edits each line's quantity, sends them with Update, and shows the quotation Odoo priced again", async () => {
    const { root, reviseAction, store } = await mountQuotation();
    await click($(root, ".o_copilot_revise_start"));
    const [chair, lamp] = inputs(root);
    expect(inputs(root).map((input) => [input.value, input.getAttribute("aria-label"), input.min, input.step])).toEqual([
      ["3", "Quantity of Office Chair", "0", "any"],
      ["2", "Quantity of Office Lamp", "0", "any"],
    ]);
    expect(document.activeElement).toBe(chair);
    expect(($(root, ".o_copilot_confirm") as HTMLButtonElement).disabled).toBe(true); // no Confirm while editing
    expect(($(root, ".o_copilot_reject") as HTMLButtonElement).disabled).toBe(true);

    await type(chair!, "5");
    await type(lamp!, "0");
    await click($(root, ".o_copilot_revise_update"));
    await vi.waitFor(() => expect(root.querySelector(".o_copilot_quantity_input")).toBeNull());
    expect(reviseAction).toHaveBeenCalledWith("act_q", [5, 0]);
    expect(quantities(root)).toEqual(["5 Units"]);
    expect(text($(root, ".o_copilot_quotation_total td"))).toBe("$ 575.00");
    expect(text($(root, ".o_copilot_card_title"))).toBe("Create a quotation for Deco Addict (1 line)");
    expect(store.messages[0]!.actions![0]!.status).toBe("proposed");
    expect(($(root, ".o_copilot_confirm") as HTMLButtonElement).disabled).toBe(false);
    expect(document.activeElement).toBe($(root, ".o_copilot_revise_start"));
  });

  it("is busy while Odoo prices the quotation again", async () => {
    const pending = deferred<{ action: Action }>();
    const { root } = await mountQuotation(vi.fn(() => pending.promise));
    await click($(root, ".o_copilot_revise_start"));
    await click($(root, ".o_copilot_revise_update"));
    expect(($(root, ".o_copilot_revise_update") as HTMLButtonElement).disabled).toBe(true);
    expect($(root, ".o_copilot_revise_update").querySelector(".fa-spin")).not.toBeNull();
    expect(inputs(root).every((input) => input.disabled)).toBe(true);
    expect(($(root, ".o_copilot_confirm") as HTMLButtonElement).disabled).toBe(true);
    pending.resolve({ action: quotation({ preview: revisedPreview }) });
    await vi.waitFor(() => expect(quantities(root)).toEqual(["5 Units"]));
  });

  it("shows a refusal in place and keeps the quantities typed", async () => {
    const reviseAction = vi.fn().mockRejectedValueOnce(new RpcError("server", "Les quantités doivent être positives."));
    const { root } = await mountQuotation(reviseAction);
    await click($(root, ".o_copilot_revise_start"));
    await type(inputs(root)[1]!, "7");
    await keydown(inputs(root)[1]!, "Enter"); // Enter is Update
    await vi.waitFor(() => expect(text($(root, ".o_copilot_revise_error"))).toBe("Les quantités doivent être positives."));
    expect($(root, ".o_copilot_revise_error").getAttribute("role")).toBe("alert");
    expect(reviseAction).toHaveBeenCalledWith("act_q", [3, 7]);
    expect(inputs(root).map((input) => input.value)).toEqual(["3", "7"]);
    expect(quantities(root)).toHaveLength(2);
    expect(($(root, ".o_copilot_confirm") as HTMLButtonElement).disabled).toBe(true);
  });

  it("refuses an empty or negative quantity without asking Odoo", async () => {
    const { root, reviseAction } = await mountQuotation();
    await click($(root, ".o_copilot_revise_start"));
    await type(inputs(root)[0]!, "");
    await click($(root, ".o_copilot_revise_update"));
    expect(text($(root, ".o_copilot_revise_error"))).toBe("Enter a quantity of 0 or more for each line.");
    expect(reviseAction).not.toHaveBeenCalled();
  });

  it("Escape or Cancel editing leaves the quotation as it was", async () => {
    const { root, reviseAction } = await mountQuotation();
    const outside = vi.fn();
    root.addEventListener("keydown", outside);
    await click($(root, ".o_copilot_revise_start"));
    await type(inputs(root)[0]!, "9");
    await keydown(inputs(root)[0]!, "Escape");
    expect(outside).not.toHaveBeenCalled(); // the panel stays open
    expect(inputs(root)).toHaveLength(0);
    expect(quantities(root)).toEqual(["3 Units", "2"]);
    expect(document.activeElement).toBe($(root, ".o_copilot_revise_start"));

    await click($(root, ".o_copilot_revise_start"));
    expect(inputs(root)[0]!.value).toBe("3"); // starts again from the quotation
    await click($(root, ".o_copilot_revise_cancel"));
    expect(inputs(root)).toHaveLength(0);
    expect(reviseAction).not.toHaveBeenCalled();
    await nextTick();
  });

  it("offers no editing once the quotation is confirmed or cancelled", async () => {
    for (const status of ["done", "rejected"] as const) {
      const store = makeStore(fakeApi(), {
        messages: [{ id: "a1", role: "assistant", content: "", created_at: T, actions: [quotation({ status })] }],
      });
      const root = await mountComponent(MessageList, { store });
      expect(root.querySelector(".o_copilot_revise_start")).toBeNull();
    }
  });
});

describe("done cards follow their record on Odoo's bus", () => {
  it("reads the record again after a burst of changes, and shows its state now, or that it was deleted", async () => {
    const { fakeServices } = await import("./helpers");
    const services = fakeServices();
    let order: Record<string, unknown> | undefined = { id: 42, name: "S00042", state: "sale", amount_total: 1234, currency_id: [1, "USD"] };
    // the record as read, and its state's labels as Odoo gives them (fields_get)
    services.orm.call.mockImplementation(async (_model: string, method: string) =>
      method === "fields_get" ? { state: { selection: [["sale", "Sales Order"]] } } : method === "search_read" && order ? [order] : [],
    );
    const done = quotation({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } });
    const store = makeStore(fakeApi(), { messages: [{ id: "a1", role: "assistant", content: "", created_at: T, actions: [done] }] });
    const root = await mountComponent(MessageList, { store }, services);
    expect(root.querySelector(".o_copilot_card_live")).toBeNull();
    const [notify] = services.bus_service.listeners.get("copilot/record_changed") ?? [];
    expect(notify).toBeTypeOf("function");

    notify!({ model: "res.partner", ids: [42] }); // not a card's record
    notify!({ model: "sale.order", ids: [41] });
    notify!({ model: "sale.order", ids: [42] });
    notify!({ model: "sale.order", ids: [42] }); // the same burst: one read
    await vi.waitFor(() => expect(text($(root, ".o_copilot_card_live"))).toBe("Now in Odoo: Sales Order · $ 1,234.00"), { timeout: 2000 });
    const reads = services.orm.call.mock.calls.filter(([, method]) => method === "search_read");
    expect(reads).toEqual([["sale.order", "search_read", [], expect.objectContaining({ domain: [["id", "in", [42]]] })]]);
    expect($(root, ".o_copilot_card_live").getAttribute("role")).toBe("status");

    order = undefined;
    notify!({ model: "sale.order", ids: [42] });
    await vi.waitFor(() => expect(text($(root, ".o_copilot_card_live"))).toBe("Deleted in Odoo"), { timeout: 2000 });
  });
});

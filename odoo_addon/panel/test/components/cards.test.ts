// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

import type { Action, ActionPreview, QuotationPreview } from "../../src/api/types";
import { ActionCard } from "../../src/cards/action_card/action_card";
import type { ActionCardProps } from "../../src/cards/action_status";
import { cardForAction } from "../../src/cards/card_for_action";
import { NoteCard } from "../../src/cards/note_card/note_card";
import { QuotationCard } from "../../src/cards/quotation_card/quotation_card";
import { RecordChangeCard } from "../../src/cards/record_change_card/record_change_card";
import { TaskCard } from "../../src/cards/task_card/task_card";
import type { UndoState } from "../../src/store/actions";
import { $, $$, click, fakeServices, makeAction, mountComponent, setOdooModules, text } from "./helpers";

type CardComponent = typeof ActionCard | typeof QuotationCard | typeof TaskCard | typeof NoteCard | typeof RecordChangeCard;

function cardProps(action: Action, overrides: Partial<ActionCardProps> = {}): ActionCardProps {
  return {
    action,
    request: "",
    error: "",
    onConfirm: vi.fn(),
    onReject: vi.fn(),
    onUndo: vi.fn(),
    ...overrides,
  };
}

async function mountCard(Card: CardComponent, action: Action, overrides: Partial<ActionCardProps> = {}) {
  const props = cardProps(action, overrides);
  const services = fakeServices();
  const root = await mountComponent(Card as typeof ActionCard, props, services);
  return { root, props, services };
}

const quotationPreview: QuotationPreview = {
  kind: "quotation",
  customer: { id: 9, name: "Deco Addict" },
  lines: [
    {
      product: { id: 1, name: "Office Chair", code: "FURN_7777" },
      quantity: 3,
      uom: "Units",
      price_unit: 1234.5,
      discount: 10,
      subtotal: 3333.15,
      total: 3833.12,
    },
    // The display name already holds the code: not shown twice.
    { product: { id: 2, name: "[FURN_8888] Office Lamp", code: "FURN_8888" }, quantity: 2.5, price_unit: 40, discount: 0, subtotal: 100, total: 115 },
  ],
  currency: { name: "USD", symbol: "$", position: "before" },
  amount_untaxed: 3433.15,
  amount_tax: 514.97,
  amount_total: 3948.12,
};

const quotation = (overrides: Partial<Action> = {}) => makeAction({ id: "act_q", preview: quotationPreview, ...overrides });

const task = (preview: Partial<Extract<ActionPreview, { kind: "task" }>> = {}, overrides: Partial<Action> = {}) =>
  makeAction({
    id: "act_t",
    tool: "create_task",
    summary: "Create a task in Office Design",
    preview: { kind: "task", project: { id: 3, name: "Office Design" }, title: "Call the supplier", description: null, deadline: null, assignee: null, ...preview },
    ...overrides,
  });

const note = (overrides: Partial<Action> = {}) =>
  makeAction({
    id: "act_n",
    tool: "log_project_note",
    summary: "Log a note on Office Design",
    preview: { kind: "note", project: { id: 3, name: "Office Design" }, body: "Delivery moved to <b>Monday</b>." },
    ...overrides,
  });

const recordChange = (overrides: Partial<Action> = {}) =>
  makeAction({
    id: "act_r",
    tool: "update_quotation",
    summary: "Update S00042",
    preview: {
      kind: "record_change",
      record: { model: "sale.order", id: 42, name: "S00042" },
      changes: [{ text: "Add 2 Office Lamp" }, { field: "state", from: "Quotation", to: "Quotation Sent" }, { field: "client_order_ref", from: "", to: "PO-7" }],
      totals: { before: 3948.12, after: 4063.12, currency: { name: "EUR", symbol: "€", position: "after" } },
    },
    ...overrides,
  });

const rows = (root: HTMLElement, selector: string) => $$(root, selector).map((row) => $$(row, "th, td").map(text));

describe("cardForAction", () => {
  it("picks the card by the kind and shape of the preview", () => {
    expect(cardForAction(quotation())).toBe(QuotationCard);
    expect(cardForAction(task())).toBe(TaskCard);
    expect(cardForAction(note())).toBe(NoteCard);
    expect(cardForAction(recordChange())).toBe(RecordChangeCard);
    expect(cardForAction(makeAction({ preview: undefined }))).toBe(ActionCard);
    // a preview without the shape of its kind (not what the contract allows, but data from outside)
    expect(cardForAction(makeAction({ preview: { kind: "quotation" } as unknown as ActionPreview }))).toBe(ActionCard);
  });
});

describe("QuotationCard", () => {
  it("shows the customer, each line with its quantity, price and discount, and the totals", async () => {
    const { root } = await mountCard(QuotationCard, quotation());
    const card = $(root, "section.o_copilot_quotation_card");
    expect(card.getAttribute("aria-label")).toBe("Create a quotation for Deco Addict (2 lines)");
    expect(text($(card, ".o_copilot_card_title"))).toBe("Create a quotation for Deco Addict (2 lines)");
    expect($$(card, ".o_copilot_quotation_customer > *").map(text)).toEqual(["Customer", "Deco Addict"]);
    expect(rows(card, ".o_copilot_quotation_lines thead tr")).toEqual([["Product", "Quantity", "Unit Price", "Disc.%", "Subtotal"]]);
    expect(rows(card, ".o_copilot_quotation_lines tbody tr")).toEqual([
      ["[FURN_7777] Office Chair", "3 Units", "$ 1,234.50", "10%", "$ 3,333.15"],
      ["[FURN_8888] Office Lamp", "2.5", "$ 40.00", "", "$ 100.00"],
    ]);
    expect(rows(card, ".o_copilot_quotation_totals tr")).toEqual([
      ["Untaxed Amount", "$ 3,433.15"],
      ["Taxes", "$ 514.97"],
      ["Total", "$ 3,948.12"],
    ]);
    expect(text($(card, ".o_copilot_quotation_total td"))).toBe("$ 3,948.12"); // the row set apart
  });

  it("has no discount column when no line has a discount", async () => {
    const preview = { ...quotationPreview, lines: [{ ...quotationPreview.lines[1]!, discount: 0 }] };
    const { root } = await mountCard(QuotationCard, quotation({ preview }));
    expect(rows(root, ".o_copilot_quotation_lines thead tr")).toEqual([["Product", "Quantity", "Unit Price", "Subtotal"]]);
  });

  it("writes the amounts the way the user's language does", async () => {
    setOdooModules({ "@web/core/l10n/localization": { localization: { decimalPoint: ",", thousandsSep: ".", grouping: [3, 0] } } });
    const preview = { ...quotationPreview, currency: { name: "EUR", symbol: "€", position: "after" as const } };
    const { root } = await mountCard(QuotationCard, quotation({ preview }));
    expect(rows(root, ".o_copilot_quotation_lines tbody tr")[0]).toEqual(["[FURN_7777] Office Chair", "3 Units", "1.234,50 €", "10%", "3.333,15 €"]);
    expect(text($(root, ".o_copilot_quotation_total td"))).toBe("3.948,12 €");
  });

  it("confirms and cancels through the callbacks, with the action's id", async () => {
    const { root, props } = await mountCard(QuotationCard, quotation());
    expect(text($(root, ".o_copilot_status"))).toBe("To confirm");
    await click($(root, ".o_copilot_confirm"));
    expect(props.onConfirm).toHaveBeenCalledWith("act_q");
    await click($(root, ".o_copilot_reject"));
    expect(props.onReject).toHaveBeenCalledWith("act_q");
    expect($$(root, ".o_copilot_card_buttons button").map(text)).toEqual(["Confirm", "Cancel"]);
  });

  it("disables both buttons while a request runs, with a spinner on the one pressed", async () => {
    const { root } = await mountCard(QuotationCard, quotation(), { request: "reject" });
    expect(($(root, ".o_copilot_confirm") as HTMLButtonElement).disabled).toBe(true);
    expect(($(root, ".o_copilot_reject") as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector(".o_copilot_reject .fa-spin")).not.toBeNull();
    expect(root.querySelector(".o_copilot_confirm .fa-spin")).toBeNull();
  });

  it("shows why the last confirm failed, above buttons that work again", async () => {
    const { root } = await mountCard(QuotationCard, quotation(), { error: "The product is archived." });
    const error = $(root, ".o_copilot_card_error");
    expect(error.getAttribute("role")).toBe("alert");
    expect(text(error)).toBe("The product is archived.");
    expect(($(root, ".o_copilot_confirm") as HTMLButtonElement).disabled).toBe(false);
  });

  it("links the created quotation once done, and opens it in the web client", async () => {
    const done = quotation({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } });
    const { root, services } = await mountCard(QuotationCard, done);
    expect(root.querySelector(".o_copilot_confirm")).toBeNull();
    expect(text($(root, ".o_copilot_card_done_text"))).toBe("Quotation S00042 created");
    const link = $(root, "a.o_copilot_record_link");
    expect(link.getAttribute("href")).toBe("/web#id=42&model=sale.order&view_type=form"); // 17: no @web/core/user
    const event = await click(link);
    expect(event.defaultPrevented).toBe(true);
    expect(services.action.doAction).toHaveBeenCalledWith({
      type: "ir.actions.act_window",
      res_model: "sale.order",
      res_id: 42,
      views: [[false, "form"]],
      target: "current",
    });
  });
});

describe("ActionFooter (every card)", () => {
  it.each([
    ["proposed", "To confirm", "text-bg-warning"],
    ["running", "In progress", "text-bg-info"],
    ["done", "Done", "text-bg-success"],
    ["rejected", "Cancelled", "text-bg-secondary"],
    ["failed", "Failed", "text-bg-danger"],
  ] as const)("shows the %s status as a “%s” badge", async (status, label, className) => {
    const { root } = await mountCard(ActionCard, makeAction({ status, tool: "remember" }));
    const badge = $(root, ".o_copilot_status");
    expect(text(badge)).toBe(label);
    expect(badge.classList.contains(className)).toBe(true);
    expect($(root, "section").classList.contains(`o_copilot_card_${status}`)).toBe(true);
    expect(root.querySelector(".o_copilot_confirm") !== null).toBe(status === "proposed");
  });

  it("shows a cancelled action as such, and a failure with its reason", async () => {
    const cancelled = await mountCard(ActionCard, makeAction({ status: "rejected" }));
    expect(text($(cancelled.root, ".o_copilot_card_footer"))).toBe("Cancelled");
    const failed = await mountCard(ActionCard, makeAction({ status: "failed", error: "Access denied on sale.order." }));
    expect(text($(failed.root, ".o_copilot_card_error"))).toBe("Access denied on sale.order.");
    const failedNoReason = await mountCard(ActionCard, makeAction({ id: "x", status: "failed" }));
    expect(text($(failedNoReason.root, ".o_copilot_card_error"))).toBe("This action failed.");
  });

  it("links the record with the 18+ URL when the web client has @web/core/user", async () => {
    setOdooModules({ "@web/core/user": { user: { lang: "en_US" } } });
    const { root } = await mountCard(ActionCard, makeAction({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } }));
    expect($(root, "a.o_copilot_record_link").getAttribute("href")).toBe("/odoo/sale.order/42");
    expect(text($(root, ".o_copilot_card_done_text"))).toBe("Done: S00042");
  });

  it("leaves a Ctrl+click on the record link to the browser (new tab)", async () => {
    const { root, services } = await mountCard(ActionCard, makeAction({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } }));
    let prevented: boolean | undefined;
    root.addEventListener("click", (ev) => {
      prevented = ev.defaultPrevented; // after the link's own handler
      ev.preventDefault(); // jsdom cannot open a tab
    });
    await click($(root, "a.o_copilot_record_link"), { ctrlKey: true });
    expect(prevented).toBe(false);
    expect(services.action.doAction).not.toHaveBeenCalled();
  });

  it("offers Undo on a done change, and calls it with the action's id", async () => {
    const { root, props } = await mountCard(ActionCard, makeAction({ status: "done", tool: "remember" }));
    const undo = $(root, ".o_copilot_undo");
    expect(text(undo)).toBe("Undo change");
    expect(undo.getAttribute("title")).toBe("Reverse this change in Odoo, if nothing changed since");
    await click(undo);
    expect(props.onUndo).toHaveBeenCalledWith("act_1");
  });

  it("has no Undo without the callback, nor on an undo itself", async () => {
    const noCallback = await mountCard(ActionCard, makeAction({ status: "done" }), { onUndo: undefined });
    expect(noCallback.root.querySelector(".o_copilot_undo")).toBeNull();
    const undoAction = await mountCard(ActionCard, makeAction({ id: "u", status: "done", tool: "undo" }));
    expect(undoAction.root.querySelector(".o_copilot_undo")).toBeNull();
  });

  it.each([
    [{ state: "running", message: "" }, true, true, ""],
    [{ state: "undone", message: "Quotation S00042 deleted." }, false, false, "text-muted"],
    [{ state: "refused", message: "The order was confirmed since." }, true, false, "text-warning"],
    [{ state: "error", message: "Odoo cannot be reached." }, true, false, "text-danger"],
  ] as [UndoState, boolean, boolean, string][])("shows Undo's outcome %o", async (undo, undoShown, undoDisabled, resultClass) => {
    const { root } = await mountCard(ActionCard, makeAction({ status: "done", tool: "remember" }), { undo });
    const button = root.querySelector<HTMLButtonElement>(".o_copilot_undo");
    expect(button !== null).toBe(undoShown);
    if (button) {
      expect(button.disabled).toBe(undoDisabled);
    }
    const result = root.querySelector(".o_copilot_undo_result");
    if (undo.message) {
      expect(text(result)).toBe(undo.message);
      expect(result!.getAttribute("role")).toBe("status");
      expect(result!.classList.contains(resultClass)).toBe(true);
    } else {
      expect(result).toBeNull();
    }
  });

  it("titles an action without summary by its tool", async () => {
    const { root } = await mountCard(ActionCard, makeAction({ summary: "", tool: "remember" }));
    expect(text($(root, ".o_copilot_card_title"))).toBe("remember");
  });
});

describe("TaskCard", () => {
  it("shows the project, the title, and the deadline, assignee and description when given", async () => {
    const { root } = await mountCard(TaskCard, task({ deadline: "Dec 4, 2026", assignee: "me", description: "Ask about the <b>delay</b>." }));
    const fields = $$(root, ".o_copilot_fields dt").map((dt) => [text(dt), text(dt.nextElementSibling)]);
    expect(fields).toEqual([
      ["Project", "Office Design"],
      ["Task", "Call the supplier"],
      ["Deadline", "Dec 4, 2026"],
      ["Assigned to", "Me"],
    ]);
    const description = $(root, ".o_copilot_task_description");
    expect(description.textContent).toBe("Ask about the <b>delay</b>.");
    expect(description.querySelector("b")).toBeNull();
  });

  it("leaves out what the task does not have, and names another assignee as given", async () => {
    const bare = await mountCard(TaskCard, task());
    expect($$(bare.root, ".o_copilot_fields dt").map(text)).toEqual(["Project", "Task"]);
    expect(bare.root.querySelector(".o_copilot_task_description")).toBeNull();
    const assigned = await mountCard(TaskCard, task({ assignee: "Marc Demo" }, { id: "t2" }));
    expect(text($(assigned.root, ".o_copilot_task_assignee"))).toBe("Marc Demo");
  });

  it("confirms through the callback, then links the task created", async () => {
    const proposed = await mountCard(TaskCard, task());
    await click($(proposed.root, ".o_copilot_confirm"));
    expect(proposed.props.onConfirm).toHaveBeenCalledWith("act_t");

    const done = await mountCard(TaskCard, task({}, { status: "done", record: { model: "project.task", id: 12, name: "Call the supplier" } }));
    expect(text($(done.root, ".o_copilot_card_done_text"))).toBe("Task Call the supplier created");
    await click($(done.root, "a.o_copilot_record_link"));
    expect(done.services.action.doAction).toHaveBeenCalledWith(expect.objectContaining({ res_model: "project.task", res_id: 12 }));
  });

  // The issue mentions "the task card's checklist ticks": TaskCard has no checklist (create_task's
  // preview has project, title, deadline, assignee, description), so there is nothing to tick.
  it.todo("ticks the checklist items of a task (TaskCard has no checklist)");
});

describe("NoteCard", () => {
  it("shows the project and the note's text, as text", async () => {
    const { root } = await mountCard(NoteCard, note());
    expect(text($(root, ".o_copilot_card_title"))).toBe("Log a note on Office Design");
    expect(text($(root, ".o_copilot_fields dd"))).toBe("Office Design");
    const body = $(root, "blockquote.o_copilot_note_body");
    expect(body.textContent).toBe("Delivery moved to <b>Monday</b>.");
    expect(body.querySelector("b")).toBeNull();
  });

  it("cancels through the callback, then links the project the note was logged on", async () => {
    const proposed = await mountCard(NoteCard, note());
    await click($(proposed.root, ".o_copilot_reject"));
    expect(proposed.props.onReject).toHaveBeenCalledWith("act_n");

    const done = await mountCard(NoteCard, note({ status: "done", record: { model: "project.project", id: 3, name: "Office Design" } }));
    expect(text($(done.root, ".o_copilot_card_done_text"))).toBe("Note logged on Office Design");
    await click($(done.root, "a.o_copilot_record_link"));
    expect(done.services.action.doAction).toHaveBeenCalledWith(expect.objectContaining({ res_model: "project.project", res_id: 3 }));
  });

  it("is titled “Internal note” without a summary", async () => {
    const { root } = await mountCard(NoteCard, note({ summary: "" }));
    expect(text($(root, ".o_copilot_card_title"))).toBe("Internal note");
  });
});

describe("RecordChangeCard", () => {
  it("shows each change (a line, or a field from → to) and the totals before and after", async () => {
    const { root } = await mountCard(RecordChangeCard, recordChange());
    const changes = $$(root, ".o_copilot_changes li");
    const parts = (el: Element) => $$(el as HTMLElement, ".o_copilot_change_field, .o_copilot_change_from, .o_copilot_change_to").map(text);
    expect(changes).toHaveLength(3);
    expect(text(changes[0])).toBe("Add 2 Office Lamp");
    expect(parts(changes[0]!)).toEqual([]);
    expect(parts(changes[1]!)).toEqual(["Status", "Quotation", "Quotation Sent"]); // technical names read as labels
    expect(parts(changes[2]!)).toEqual(["client order ref", "", "PO-7"]);
    expect(parts($(root, ".o_copilot_change_totals"))).toEqual(["Total", "3,948.12 €", "4,063.12 €"]);
  });

  it("has no totals line when the change has none", async () => {
    const action = recordChange();
    const preview = { ...(action.preview as Extract<ActionPreview, { kind: "record_change" }>), totals: undefined };
    const { root } = await mountCard(RecordChangeCard, { ...action, preview });
    expect(root.querySelector(".o_copilot_change_totals")).toBeNull();
  });

  it("draws an undo of a change whose record is unknown (the contract's record is optional), without a link", async () => {
    const action = recordChange({ tool: "undo", summary: "Undo: Remember my preference" });
    const preview = { kind: "record_change" as const, changes: [{ text: "Undo: Remember my preference" }] };
    const { root } = await mountCard(RecordChangeCard, { ...action, preview });
    expect(text($(root, ".o_copilot_card_title"))).toBe("Undo: Remember my preference");
    expect(root.querySelector("a.o_copilot_change_record_link")).toBeNull();
  });

  it("links the record being changed, opened in the web client", async () => {
    const { root, services } = await mountCard(RecordChangeCard, recordChange());
    const link = $(root, "a.o_copilot_change_record_link");
    expect(text(link)).toBe("S00042");
    expect(link.getAttribute("href")).toBe("/web#id=42&model=sale.order&view_type=form");
    await click(link);
    expect(services.action.doAction).toHaveBeenCalledWith(expect.objectContaining({ res_model: "sale.order", res_id: 42, views: [[false, "form"]] }));
  });

  it("confirms through the callback, then says the record was updated", async () => {
    const proposed = await mountCard(RecordChangeCard, recordChange());
    await click($(proposed.root, ".o_copilot_confirm"));
    expect(proposed.props.onConfirm).toHaveBeenCalledWith("act_r");
    const done = await mountCard(RecordChangeCard, recordChange({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } }));
    expect(text($(done.root, ".o_copilot_card_done_text"))).toBe("S00042 updated");
    expect(text($(done.root, ".o_copilot_status"))).toBe("Done");
  });

  // An <i> has the generic role, on which aria-label is not announced (ARIA 1.2 prohibits it):
  // the arrow is an image, so a screen reader reads "Status Quotation becomes Quotation Sent".
  it("announces the arrow between the old and the new value", async () => {
    const { root } = await mountCard(RecordChangeCard, recordChange());
    const arrows = $$(root, ".fa-long-arrow-right");
    expect(arrows).toHaveLength(3); // two field changes and the totals
    for (const arrow of arrows) {
      expect(arrow.getAttribute("role")).toBe("img");
      expect(arrow.getAttribute("aria-label")).toBe("becomes");
      expect(arrow.getAttribute("aria-hidden")).toBeNull();
    }
  });
});

import { describe, expect, it } from "vitest";

import type { Action } from "../src/api/types";
import {
  concernedRecords,
  LIVE_FIELDS,
  liveLabel,
  mergeReads,
  readCall,
  recordKey,
  watchedRecords,
} from "../src/cards/live_records";

const T = "2026-01-01T00:00:00Z";

function action(id: string, overrides: Partial<Action> = {}): Action {
  return { id, tool: "create_quotation", args: {}, status: "done", summary: "", created_at: T, updated_at: T, ...overrides };
}

const actions = [
  action("a1", { record: { model: "sale.order", id: 42, name: "S00042" } }),
  action("a2", { record: { model: "sale.order", id: 43, name: "S00043" } }),
  action("a3", { tool: "create_task", record: { model: "project.task", id: 7, name: "Call" } }),
  action("a4", { status: "proposed" }), // no record yet
  action("a5", { status: "rejected", record: { model: "project.project", id: 3, name: "Office" } }),
  action("a6", { tool: "x", record: { model: "res.partner", id: 9, name: "Deco Addict" } }), // not followed
];

describe("watchedRecords / concernedRecords", () => {
  it("follows the records of done cards, for the followed models only", () => {
    const watched = watchedRecords(actions);
    expect([...watched.keys()].sort()).toEqual(["project.task", "sale.order"]);
    expect([...watched.get("sale.order")!]).toEqual([42, 43]);
    expect(Object.keys(LIVE_FIELDS).sort()).toEqual(["project.project", "project.task", "sale.order"]);
  });

  it("keeps the ids of a notification that a card shows, once", () => {
    const watched = watchedRecords(actions);
    expect(concernedRecords({ model: "sale.order", ids: [41, 42, 42, 43] }, watched)).toEqual({ model: "sale.order", ids: [42, 43] });
    expect(concernedRecords({ model: "sale.order", ids: [41] }, watched)).toBeNull();
    expect(concernedRecords({ model: "project.project", ids: [3] }, watched)).toBeNull(); // its card was cancelled
    expect(concernedRecords({ model: "res.partner", ids: [9] }, watched)).toBeNull();
    expect(concernedRecords("sale.order", watched)).toBeNull();
  });

  it("merges a burst into one read per model", () => {
    const reads = new Map<string, Set<number>>();
    mergeReads(reads, { model: "sale.order", ids: [42] });
    mergeReads(reads, { model: "sale.order", ids: [43, 42] });
    mergeReads(reads, { model: "project.task", ids: [7] });
    expect([...reads].map(([model, ids]) => [model, [...ids]])).toEqual([
      ["sale.order", [42, 43]],
      ["project.task", [7]],
    ]);
  });

  it("reads with a search_read (a deleted record is just missing), archived records included", () => {
    expect(readCall("sale.order", [42, 43])).toEqual([
      "sale.order",
      "search_read",
      [],
      { domain: [["id", "in", [42, 43]]], fields: ["name", "state", "amount_total", "currency_id"], context: { active_test: false } },
    ]);
    expect(readCall("project.task", [7])[3].fields).toEqual(["name", "stage_id", "state", "date_deadline"]);
    expect(readCall("project.project", [3])[3].fields).toEqual(["name", "last_update_status"]);
    expect(recordKey("sale.order", 42)).toBe("sale.order,42");
  });
});

describe("liveLabel", () => {
  const orderLabels = { draft: "Devis", sent: "Devis envoyé", sale: "Bon de commande", cancel: "Annulé" };

  it("words a sale order's state as Odoo names it (its labels), with its total", () => {
    const order = { id: 42, name: "S00042", state: "sale", amount_total: 1234, currency_id: [1, "USD"] };
    expect(liveLabel("sale.order", order, { shownName: "S00042", currency: { name: "USD", symbol: "$", position: "before" }, labels: orderLabels })).toBe(
      "Bon de commande · $\u00a01,234.00",
    );
    // Without the card's currency: the currency's name after the amount; without labels, the value.
    expect(liveLabel("sale.order", order)).toBe("sale · 1,234.00\u00a0USD");
  });

  it("shows a new name first", () => {
    expect(liveLabel("sale.order", { name: "S00099", state: "draft" }, { shownName: "S00042", labels: orderLabels })).toBe("S00099 · Devis");
  });

  it("words a task's stage, whether it is closed, and its deadline", () => {
    expect(liveLabel("project.task", { name: "Call", stage_id: [2, "In Progress"], state: "01_in_progress", date_deadline: false }, { shownName: "Call" })).toBe(
      "In Progress",
    );
    const taskLabels = { "01_in_progress": "In Progress", "1_done": "Done", "1_canceled": "Cancelled" };
    expect(
      liveLabel("project.task", { name: "Call", stage_id: [4, "Done"], state: "1_done", date_deadline: "2026-12-04 00:00:00" }, { formatDate: (date) => `<${date}>`, labels: taskLabels }),
    ).toBe("Done · Due <2026-12-04>");
    expect(liveLabel("project.task", { stage_id: false, state: "1_canceled" }, { labels: taskLabels })).toBe("Cancelled");
  });

  it("words a project's last update status", () => {
    expect(liveLabel("project.project", { name: "Office", last_update_status: "at_risk" }, { shownName: "Office", labels: { at_risk: "At Risk" } })).toBe("At Risk");
    expect(liveLabel("project.project", { name: "Office", last_update_status: "to_define" }, { shownName: "Office" })).toBe("Office"); // nothing else to say
  });
});

import { describe, expect, it } from "vitest";

import { formatDate, isPast, safeUrl } from "../src/cards/read_cards/card_fields";
import { readCardView } from "../src/cards/read_cards/read_card_registry";
import type { ChecklistView, DocumentsView, ProjectView, StockView, TableView } from "../src/cards/read_cards/read_card_views";
import { columnLabel } from "../src/cards/read_cards/tools/mapped_records";
import { isLowStock } from "../src/cards/read_cards/tools/products";
import { checklistProgress } from "../src/cards/read_cards/tools/tasks";
import { withoutTables } from "../src/markdown/strip_tables";

const opts = { lang: "en-US", today: "2026-03-10" };

describe("readCardView", () => {
  it("lists customers, each opening its partner", () => {
    const view = readCardView(
      { tool: "search_customers", data: { customers: [{ id: 7, name: "Deco Addict", email: "d@x.com", city: null }], more: true } },
      opts,
    ) as TableView;
    expect(view.kind).toBe("table");
    expect(view.rows[0]).toMatchObject({ record: { model: "res.partner", id: 7, name: "Deco Addict" }, cells: [{ text: "d@x.com" }, { text: "" }] });
    expect(view.more).toBe(true);
  });

  it("draws one product's stock, marked when nothing is on hand or the forecast is negative", () => {
    const ok = readCardView({ tool: "get_stock", data: { id: 3, name: "Large Cabinet", on_hand: 12, forecast: 10, uom: "Units" } }, opts) as StockView;
    expect(ok).toMatchObject({ kind: "stock", onHand: "12", forecast: "10", uom: "Units", low: false, record: { model: "product.product", id: 3 } });
    const low = readCardView({ tool: "get_stock", data: { name: "Drawer", on_hand: 2, forecast: -3 } }, opts) as StockView;
    expect(low.low).toBe(true);
    expect(low.record).toBeUndefined();
    const many = readCardView({ tool: "get_stock", data: { products: [{ id: 1, name: "A", on_hand: 0, forecast: 0, uom: "Units" }] } }, opts) as TableView;
    expect(many.rows[0]!.className).toBe("o_copilot_low_row");
  });

  it("summarizes a project: progress, status, tasks, overdue and next deadlines", () => {
    const view = readCardView(
      {
        tool: "project_summary",
        data: {
          id: 4,
          name: "Office Design",
          manager: "Mitchell Admin",
          dates: { start: "2026-01-01", end: "2026-06-30" },
          progress: 140,
          tasks: { total: 10, open: 6, closed: 4 },
          status: "at_risk",
          status_label: "At Risk",
          overdue: [{ id: 11, name: "Order chairs", deadline: "2026-03-01" }],
          next_deadlines: [{ id: 12, name: "Paint", deadline: "2026-03-20" }],
        },
      },
      opts,
    ) as ProjectView;
    expect(view).toMatchObject({ kind: "project", progress: 100, open: 6, total: 10, status: { label: "At Risk" } });
    expect(view.dates).toBe("1/1/2026 → 6/30/2026");
    expect(view.overdue[0]).toMatchObject({ record: { model: "project.task", id: 11 }, deadline: "3/1/2026" });
  });

  it("lists tasks, overdue deadlines in red, and projects with their progress and status", () => {
    const tasks = readCardView(
      { tool: "list_tasks", data: { tasks: [{ id: 1, name: "Paint", project: "Office Design", stage: "New", assignees: ["A", "B"], deadline: "2026-03-01" }] } },
      opts,
    ) as TableView;
    expect(tasks.rows[0]!.cells.map((cell) => cell.text)).toEqual(["Office Design", "New", "A, B", "3/1/2026"]);
    expect(tasks.rows[0]!.cells[3]!.className).toBe("text-danger");
    const sameProject = readCardView(
      { tool: "list_tasks", data: { tasks: [{ id: 1, name: "A", project: "Office Design" }, { id: 2, name: "B", project: "Office Design" }] } },
      opts,
    ) as TableView;
    expect(sameProject.title).toBe("Tasks of Office Design");
    expect(sameProject.columns.map((column) => column.label)).toEqual(["Stage", "Assignees", "Deadline"]);
    const projects = readCardView({ tool: "list_projects", data: { projects: [{ id: 2, name: "P", progress: 45, status: "on_track", status_label: "On Track" }] } }, opts) as TableView;
    expect(projects.rows[0]!.cells[1]).toMatchObject({ text: "45%", progress: 45 });
    expect(projects.rows[0]!.cells[4]).toMatchObject({ text: "On Track", badge: "text-bg-success" });
  });

  it("turns get_task into a checklist, done from `done` or from a closed state", () => {
    const view = readCardView(
      {
        tool: "get_task",
        data: {
          id: 5,
          name: "Room planning",
          subtasks: [
            { id: 6, name: "Measure", state: "1_done", done: true },
            { id: 7, name: "Draw", state: "01_in_progress" },
            { id: 8, name: "Old", state: "1_canceled" },
            { name: "no id" },
          ],
        },
      },
      opts,
    ) as ChecklistView;
    expect(view.subtasks.map((task) => [task.id, task.done])).toEqual([
      [6, true],
      [7, false],
      [8, true],
    ]);
    expect(checklistProgress(view.subtasks)).toEqual({ done: 2, total: 3 });
  });

  it("draws kits with short components, documents, citations and mapped records", () => {
    const kit = readCardView(
      { tool: "show_kit", data: { product: "Desk Kit", components: [{ id: 1, product: "Leg", quantity: 4, uom: "Units", on_hand: 2 }, { product: "Top", quantity: 1, on_hand: null }] } },
      opts,
    ) as TableView;
    expect(kit.title).toBe("Components of Desk Kit");
    expect(kit.rows.map((row) => row.className)).toEqual(["o_copilot_low_row", ""]);
    const docs = readCardView(
      { tool: "list_documents", data: { documents: [{ id: 1, name: "plan.pdf", url: "/web/content/1?download=true" }, { id: 2, name: "Spec", model: "x_doc" }, { id: 3, name: "bad", url: "javascript:alert(1)" }] } },
      opts,
    ) as DocumentsView;
    expect(docs.items[0]).toMatchObject({ url: "/web/content/1?download=true" });
    expect(docs.items[1]).toMatchObject({ record: { model: "x_doc", id: 2 } });
    expect(docs.items[2]!.url).toBeUndefined();
    const cites = readCardView({ tool: "ask_project", data: { project: "P", passages: [{ n: 1, text: "Blue walls", source: "Brief", url: "/odoo/project.task/3" }] } }, opts) as DocumentsView;
    expect(cites.items[0]).toMatchObject({ n: 1, quote: "Blue walls", name: "Brief", url: "/odoo/project.task/3" });
    const tickets = readCardView({ tool: "list_tickets", data: { model: "helpdesk.ticket", records: [{ id: 9, name: "Broken", stage_id: "New" }] } }, opts) as TableView;
    expect(tickets.columns).toEqual([{ label: "Stage" }]);
    expect(tickets.rows[0]).toMatchObject({ record: { model: "helpdesk.ticket", id: 9 }, cells: [{ text: "New" }] });
  });

  it("lists quotations and a quotation's lines", () => {
    const list = readCardView({ tool: "list_quotations", data: { quotations: [{ id: 1, name: "S001", customer: "Deco", date: "2026-02-02 10:00:00", state: "sent", state_label: "Devis envoyé", amount_total: 1234.5 }] } }, opts) as TableView;
    // the state as Odoo named it (sent with the data), in Odoo's colours
    expect(list.rows[0]!.cells.map((cell) => cell.text)).toEqual(["Deco", "2/2/2026", "1,234.50", "Devis envoyé"]);
    expect(list.rows[0]!.cells[3]).toMatchObject({ badge: "text-bg-primary" });
    const one = readCardView({ tool: "get_quotation", data: { id: 1, name: "S001", customer: "Deco", state: "draft", amount_total: 10, lines: [{ product: "Chair", quantity: 2, price_unit: 5, subtotal: 10 }] } }, opts) as TableView;
    expect(one.record).toMatchObject({ model: "sale.order", id: 1 });
    expect(one.footer).toBe("Total: 10.00");
  });

  it("gives no card for an unknown tool or data that is not an object, and never throws on missing fields", () => {
    expect(readCardView({ tool: "remember", data: { text: "x" } }, opts)).toBeUndefined();
    expect(readCardView({ tool: "search_customers", data: null }, opts)).toBeUndefined();
    expect(readCardView({ tool: "get_task", data: {} }, opts)).toBeUndefined();
    for (const tool of ["search_customers", "search_products", "list_quotations", "get_quotation", "list_projects", "list_tasks", "show_kit", "list_documents", "ask_project", "list_tickets", "list_installations"]) {
      const view = readCardView({ tool, data: { customers: "x", products: 3, records: [null, 1] } }, opts);
      expect(view, tool).toBeDefined();
    }
  });
});

describe("helpers", () => {
  it("formats dates, spots past ones, marks low stock, keeps safe URLs and labels fields", () => {
    expect(formatDate("2026-03-05 10:00:00", "fr-FR")).toBe("05/03/2026");
    expect(formatDate("soon")).toBe("soon");
    expect(formatDate(false)).toBe("");
    expect(isPast("2026-03-09", "2026-03-10")).toBe(true);
    expect(isPast(null, "2026-03-10")).toBe(false);
    expect(isLowStock(5, 1)).toBe(false);
    expect(isLowStock(0, 1)).toBe(true);
    expect(safeUrl("//evil.example")).toBeUndefined();
    // the markdown's strict rule (security review, finding 4): browsers open these on another host
    for (const bad of ["/\\evil.example", "/\t/evil.example", "/\n/evil.example", " //evil.example", "javascript:alert(1)", "/ /evil"]) {
      expect(safeUrl(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(safeUrl("https://example.com/a")).toBe("https://example.com/a");
    expect(columnLabel("x_studio_date_planned")).toBe("Date planned");
    expect(columnLabel("user_ids")).toBe("User");
  });
});

describe("withoutTables", () => {
  it("drops markdown tables and keeps the sentences and code blocks", () => {
    const text = "Found 2 customers:\n\n| Name | City |\n|---|---|\n| A | B |\n| C | D |\n\nAsk for more.\n\n```\n| a | b |\n|---|---|\n```";
    expect(withoutTables(text)).toBe("Found 2 customers:\n\nAsk for more.\n\n```\n| a | b |\n|---|---|\n```");
    expect(withoutTables("No table | here")).toBe("No table | here");
  });
});

// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

import { toTurnEvent } from "../../src/api/turn_stream";
import type { Card, StreamParams, TurnEvent } from "../../src/api/types";
import { ReadCard } from "../../src/cards/read_cards/read_card";
import { MessageList } from "../../src/message_list/message_list";
import type { ChatMessage } from "../../src/store/chat_message";
import { $, $$, click, deferred, fakeApi, fakeServices, makeStore, mountComponent, nextTick, T, text } from "./helpers";

function services(write?: (model: string, ids: number[], values: Record<string, unknown>) => Promise<unknown>) {
  const base = fakeServices();
  return { ...base, orm: { ...base.orm, write: vi.fn(write ?? (async () => true)) } };
}

async function mountCard(card: Card, svc = services()) {
  const root = await mountComponent(ReadCard, { card }, svc);
  return { root, svc };
}

const task: Card = {
  tool: "get_task",
  data: {
    id: 5,
    name: "Room planning",
    project: "Office Design",
    stage: "In Progress",
    state: "01_in_progress",
    deadline: "2026-03-05",
    assignees: ["Mitchell Admin"],
    subtasks: [
      { id: 6, name: "Measure", state: "1_done", done: true, assignees: [], deadline: null },
      { id: 7, name: "Draw", state: "01_in_progress", done: false, assignees: ["Marc"], deadline: null },
    ],
  },
};

describe("read cards", () => {
  it("lists customers; a click on one opens its form in the web client", async () => {
    const { root, svc } = await mountCard({
      tool: "search_customers",
      data: { customers: [{ id: 7, name: "Deco Addict", email: "deco@example.com", city: "Paris" }], more: true },
    });
    expect(text($(root, ".o_copilot_card_title"))).toBe("Customers");
    expect($$(root, "tbody td").map((cell) => text(cell))).toEqual(["Deco Addict", "deco@example.com", "Paris"]);
    expect($(root, ".o_copilot_read_more")).toBeTruthy();
    const link = $(root, "tbody a.o_copilot_record_link");
    expect(link.getAttribute("href")).toContain("res.partner");
    const event = await click(link);
    expect(event.defaultPrevented).toBe(true);
    expect(svc.action.doAction).toHaveBeenCalledWith(expect.objectContaining({ res_model: "res.partner", res_id: 7 }));
  });

  it("shows a product's stock, marked when short, and opens the product", async () => {
    const { root, svc } = await mountCard({ tool: "get_stock", data: { id: 3, name: "Large Cabinet", on_hand: 0, forecast: -2, uom: "Units" } });
    expect(text($(root, ".o_copilot_stock_on_hand"))).toBe("0 Units");
    expect(text($(root, ".o_copilot_stock_forecast"))).toBe("-2 Units");
    expect($(root, ".o_copilot_stock_card").classList).toContain("o_copilot_low_stock");
    expect(text($(root, ".badge.text-bg-danger"))).toBe("Low stock");
    await click($(root, "a.o_copilot_card_title"));
    expect(svc.action.doAction).toHaveBeenCalledWith(expect.objectContaining({ res_model: "product.product", res_id: 3 }));
  });

  it("draws the generic card of a tool it has no card of its own for: its facts as text, its record opening", async () => {
    const card = { kind: "facts", icon: "fa-building", title: "Deco Addict", record: { model: "res.partner", id: 10 }, facts: [{ label: "Email", value: "<b>deco@example.com</b>" }, { label: "Phone", value: "" }] };
    const { root, svc } = await mountCard({ tool: "get_partner", data: { id: 10, card } });
    expect($$(root, ".o_copilot_facts_card dt").map(text)).toEqual(["Email"]);
    // Odoo's text is data: never markup
    expect(text($(root, ".o_copilot_facts_card dd"))).toBe("<b>deco@example.com</b>");
    expect(root.querySelector(".o_copilot_facts_card dd b")).toBeNull();
    await click($(root, "a.o_copilot_card_title"));
    expect(svc.action.doAction).toHaveBeenCalledWith(expect.objectContaining({ res_model: "res.partner", res_id: 10 }));
    // a card of another shape, an icon that is no icon, a model that is no model: no card, the default icon, no link
    expect((await mountCard({ tool: "get_partner", data: { card: { kind: "other", title: "x" } } })).root.querySelector(".o_copilot_card")).toBeNull();
    const odd = await mountCard({ tool: "x_tool", data: { card: { kind: "facts", icon: "fa-x onerror", title: "T", record: { model: "javascript:alert(1)", id: 1 }, facts: [] } } });
    expect($(odd.root, ".o_copilot_card_icon").className).toContain("fa-info-circle");
    expect(odd.root.querySelector("a.o_copilot_card_title")).toBeNull();
  });

  it("summarizes a project: progress bar, status, tasks, overdue risks and the next deadlines, each task opening", async () => {
    const { root, svc } = await mountCard({
      tool: "project_summary",
      data: {
        id: 4,
        name: "Office Design",
        manager: "Mitchell Admin",
        progress: 40,
        tasks: { total: 10, open: 6, closed: 4 },
        status: "off_track",
        status_label: "Off Track",
        overdue: [{ id: 11, name: "Order chairs", deadline: "2026-03-01" }],
        next_deadlines: [{ id: 12, name: "Paint", deadline: "2099-03-20" }],
      },
    });
    expect($(root, ".progress-bar").getAttribute("style")).toBe("width: 40%");
    expect(text($(root, ".o_copilot_project_percent"))).toBe("40%");
    expect(text($(root, ".o_copilot_status"))).toBe("Off Track");
    expect(text($(root, ".o_copilot_project_tasks"))).toBe("6 open of 10");
    expect(text($(root, ".o_copilot_project_overdue"))).toContain("Order chairs");
    expect(text($(root, ".o_copilot_project_next"))).toContain("Paint");
    await click($(root, ".o_copilot_project_overdue a"));
    expect(svc.action.doAction).toHaveBeenCalledWith(expect.objectContaining({ res_model: "project.task", res_id: 11 }));
  });

  it("lists projects and tasks, kits, quotations and mapped records, each row opening its record", async () => {
    const cards: [Card, string][] = [
      [{ tool: "list_projects", data: { projects: [{ id: 1, name: "P1", manager: "M", progress: 50, open_tasks: 3, deadline: null, status: "on_track" }] } }, "project.project"],
      [{ tool: "list_tasks", data: { tasks: [{ id: 2, name: "T1", project: "P1", stage: "New", assignees: [], deadline: null }] } }, "project.task"],
      [{ tool: "show_kit", data: { product: "Kit", components: [{ id: 3, product: "Leg", quantity: 4, uom: "Units", on_hand: 1 }] } }, "product.product"],
      [{ tool: "list_quotations", data: { quotations: [{ id: 4, name: "S004", customer: "Deco", state: "draft", amount_total: 5 }] } }, "sale.order"],
      [{ tool: "list_installations", data: { model: "x_installation", records: [{ id: 5, name: "Site A", x_date: "2026-01-01" }] } }, "x_installation"],
    ];
    for (const [card, model] of cards) {
      const { root, svc } = await mountCard(card);
      expect($$(root, "tbody tr"), card.tool).toHaveLength(1);
      await click($(root, "tbody a"));
      expect(svc.action.doAction, card.tool).toHaveBeenCalledWith(expect.objectContaining({ res_model: model }));
    }
  });

  it("marks a kit's component that is short", async () => {
    const { root } = await mountCard({ tool: "show_kit", data: { product: "Kit", components: [{ id: 3, product: "Leg", quantity: 4, uom: "Units", on_hand: 1 }] } });
    expect($(root, "tbody tr").classList).toContain("o_copilot_low_row");
    expect($(root, "td.o_copilot_low")).toBeTruthy();
  });

  it("lists documents (downloads) and citations with their sources", async () => {
    const { root } = await mountCard({ tool: "list_documents", data: { documents: [{ id: 1, name: "plan.pdf", url: "/web/content/1?download=true" }] } });
    expect($(root, ".o_copilot_document a").getAttribute("href")).toBe("/web/content/1?download=true");
    const cited = await mountCard({ tool: "ask_project", data: { project: "P", passages: [{ n: 1, text: "Blue walls", source: "Brief", url: "/odoo/project.task/3" }] } });
    expect(text($(cited.root, ".o_copilot_citation"))).toContain("Blue walls");
    expect(text($(cited.root, ".o_copilot_document_source"))).toBe("Brief");
  });

  it("renders nothing for an unknown tool, and survives missing fields", async () => {
    const { root } = await mountCard({ tool: "remember", data: { text: "x" } });
    expect(root.textContent?.trim()).toBe("");
    for (const tool of ["search_products", "list_tasks", "list_projects", "show_kit", "list_documents", "ask_project", "list_tickets"]) {
      const mounted = await mountCard({ tool, data: {} });
      expect($(mounted.root, ".o_copilot_read_card"), tool).toBeTruthy();
    }
    const partial = await mountCard({ tool: "project_summary", data: { name: "Bare" } });
    expect(text($(partial.root, ".o_copilot_card_title"))).toBe("Bare");
    const bareTask = await mountCard({ tool: "get_task", data: { name: "Bare task", subtasks: "?" } });
    expect(text($(bareTask.root, ".o_copilot_read_empty"))).toBe("No sub-tasks.");
  });
});

describe("task checklist", () => {
  it("shows the sub-tasks ticked as they are, with the progress", async () => {
    const { root } = await mountCard(task);
    const boxes = $$(root, "input[type=checkbox]") as HTMLInputElement[];
    expect(boxes.map((box) => box.checked)).toEqual([true, false]);
    expect(text($(root, ".o_copilot_checklist_progress"))).toBe("1/2 done");
  });

  it("ticking a sub-task writes its state as the user, shown at once; unticking reopens it", async () => {
    const write = deferred<unknown>();
    const svc = services(() => write.promise);
    const { root } = await mountCard(task, svc);
    const box = $$(root, "input[type=checkbox]")[1] as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    await nextTick();
    expect(svc.orm.write).toHaveBeenCalledWith("project.task", [7], { state: "1_done" });
    expect(text($(root, ".o_copilot_checklist_progress"))).toBe("2/2 done");
    expect(box.disabled).toBe(true);
    write.resolve(true);
    await nextTick();
    expect(box.disabled).toBe(false);
    const first = $$(root, "input[type=checkbox]")[0] as HTMLInputElement;
    first.checked = false;
    first.dispatchEvent(new Event("change", { bubbles: true }));
    await nextTick();
    expect(svc.orm.write).toHaveBeenLastCalledWith("project.task", [6], { state: "01_in_progress" });
    expect(text($(root, ".o_copilot_checklist_progress"))).toBe("1/2 done");
  });

  it("puts the box back and says why when the write fails", async () => {
    const svc = services(async () => {
      throw Object.assign(new Error("RPC_ERROR"), { data: { message: "You cannot modify this task." } });
    });
    const { root } = await mountCard(task, svc);
    const box = $$(root, "input[type=checkbox]")[1] as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    await nextTick();
    await nextTick();
    expect(box.checked).toBe(false);
    expect(text($(root, ".o_copilot_checklist_progress"))).toBe("1/2 done");
    expect(text($(root, ".o_copilot_checklist_error"))).toBe("Not saved: You cannot modify this task.");
  });

  it("opens the task and each sub-task", async () => {
    const { root, svc } = await mountCard(task);
    await click($(root, "a.o_copilot_card_title"));
    expect(svc.action.doAction).toHaveBeenLastCalledWith(expect.objectContaining({ res_model: "project.task", res_id: 5 }));
    await click($$(root, ".o_copilot_checklist a")[1]!);
    expect(svc.action.doAction).toHaveBeenLastCalledWith(expect.objectContaining({ res_model: "project.task", res_id: 7 }));
  });
});

describe("MessageList with cards", () => {
  const table = "Found 1 customer:\n\n| Name | City |\n|---|---|\n| Deco Addict | Paris |\n\nAnything else?";

  it("draws a message's cards below its text and hides the text's tables", async () => {
    const message: ChatMessage = {
      id: "m1",
      role: "assistant",
      content: table,
      created_at: T,
      cards: [{ tool: "search_customers", data: { customers: [{ id: 7, name: "Deco Addict", email: null, city: "Paris" }] } }],
    };
    const store = makeStore(undefined, { messages: [message] });
    const root = await mountComponent(MessageList, { store }, services());
    const markdown = $(root, ".o_copilot_markdown");
    expect(markdown.querySelector("table")).toBeNull();
    expect(text(markdown)).toContain("Found 1 customer:");
    expect(text(markdown)).toContain("Anything else?");
    const card = $(root, ".o_copilot_read_card");
    expect(markdown.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("keeps the tables of a message without cards", async () => {
    const store = makeStore(undefined, { messages: [{ id: "m1", role: "assistant", content: table, created_at: T }] });
    const root = await mountComponent(MessageList, { store }, services());
    expect($(root, ".o_copilot_markdown table")).toBeTruthy();
    expect($$(root, ".o_copilot_read_card")).toHaveLength(0);
  });
});

describe("cards in the store", () => {
  const customers: Card = { tool: "search_customers", data: { customers: [{ id: 7, name: "Deco Addict" }] } };

  it("adds a card as soon as the stream sends it, then keeps the final result's cards", async () => {
    const seen: number[] = [];
    const api = fakeApi({
      chatStream: vi.fn(async (_params: StreamParams, onEvent: (event: TurnEvent) => void) => {
        onEvent({ type: "start", session_id: "s1", turn_id: "t1" });
        onEvent({ type: "card", card: customers });
        seen.push(store.messages[1]!.cards?.length ?? 0);
        onEvent({ type: "done", result: { session_id: "s1", reply: "Found", actions: [], message_id: "m2", cards: [customers, task] } });
      }),
    });
    const store = makeStore(api);
    await store.send("customers deco");
    expect(seen).toEqual([1]);
    expect(store.messages[1]!.cards?.map((card) => card.tool)).toEqual(["search_customers", "get_task"]);
  });

  it("keeps the streamed cards when the final result has none, and the stored ones on reload", async () => {
    const api = fakeApi({
      chatStream: vi.fn(async (_params: StreamParams, onEvent: (event: TurnEvent) => void) => {
        onEvent({ type: "card", card: customers });
        onEvent({ type: "done", result: { session_id: "s1", reply: "Found", actions: [], message_id: "m2" } });
      }),
      messages: vi.fn(async (sessionId: string) => ({
        session_id: sessionId,
        messages: [{ id: "m2", role: "assistant" as const, content: "Found", created_at: T, cards: [customers] }],
      })),
    });
    const store = makeStore(api);
    await store.send("customers deco");
    expect(store.messages[1]!.cards).toEqual([customers]);
    const reloaded = makeStore(api);
    await reloaded.openSession("s9");
    expect(reloaded.messages[0]!.cards).toEqual([customers]);
  });

  it("decodes the stream's card event", () => {
    expect(toTurnEvent({ seq: 3, type: "card", card: customers })).toEqual({ type: "card", card: customers });
    expect(toTurnEvent({ seq: 4, type: "card", card: { data: {} } })).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { parseDate } from "../../src/agent/planner/dates.js";
import { parseIntent, parseLines } from "../../src/agent/planner/parse.js";

describe("the offline planner", () => {
  it.each([
    ["Crée moi un devis pour le client Deco Addict avec 3 Office Chair et 2 Office Lamp", "Deco Addict", [["Office Chair", 3], ["Office Lamp", 2]]],
    ["Create a quote for Azure Interior: 5 Desk Combination and 1 Large Meeting Table", "Azure Interior", [["Desk Combination", 5], ["Large Meeting Table", 1]]],
    ["Fais un devis à Gemini Furniture pour 10 Storage Box", "Gemini Furniture", [["Storage Box", 10]]],
    ["new quotation for Ready Mat with a Pedal Bin", "Ready Mat", [["Pedal Bin", 1]]],
    ["Quote for The Jackson Group, 4x Office Chair Black and 4x Desk Pad", "The Jackson Group", [["Office Chair Black", 4], ["Desk Pad", 4]]],
    ["prépare un devis pour Lumber Inc avec deux Office Lamp, une douzaine de Desk Pad et Office Chair x 3", "Lumber Inc", [["Office Lamp", 2], ["Desk Pad", 12], ["Office Chair", 3]]],
    ["/devis Deco Addict: 2 [FURN_7777] Office Chair", "Deco Addict", [["[FURN_7777] Office Chair", 2]]],
  ])("reads a quotation request: %s", (message, customer, lines) => {
    expect(parseIntent(message)).toEqual({
      kind: "tool",
      tool: "create_quotation",
      args: { customer, lines: lines.map(([product, quantity]) => ({ product, quantity })) },
    });
  });

  it.each([
    ["Quel est le stock de Large Cabinet ?", "Large Cabinet"],
    ["What is the stock of Large Cabinet?", "Large Cabinet"],
    ["How many Storage Box do we have on hand?", "Storage Box"],
    ["Combien de Pedal Bin en stock ?", "Pedal Bin"],
    ["stock of Cable Management Box", "Cable Management Box"],
    ["/stock Office Chair", "Office Chair"],
    ["Large Cabinet en stock ?", "Large Cabinet"],
  ])("reads a stock question: %s", (message, product) => {
    expect(parseIntent(message)).toEqual({ kind: "tool", tool: "get_stock", args: { product } });
  });

  it("keeps the quantity of an 'enough to sell' question", () => {
    expect(parseIntent("Est-ce qu'on a assez de Drawer Black pour en vendre 50 ?")).toEqual({
      kind: "tool",
      tool: "get_stock",
      args: { product: "Drawer Black", quantity: 50 },
    });
  });

  it.each([
    ["Cherche le client Lumber", "search_customers", "Lumber"],
    ["find customer 'azure'", "search_customers", "azure"],
    ["Find products matching 'drawer'", "search_products", "drawer"],
    ["recherche les produits contenant Desk", "search_products", "Desk"],
  ])("reads a search: %s", (message, tool, query) => {
    expect(parseIntent(message)).toEqual({ kind: "tool", tool, args: { query } });
  });

  it("refuses destructive requests and answers greetings with help", () => {
    expect(parseIntent("Delete all customers")).toEqual({ kind: "refuse_destructive" });
    expect(parseIntent("supprime le devis S00001")).toEqual({ kind: "refuse_destructive" });
    expect(parseIntent("Bonjour, que peux-tu faire ?")).toEqual({ kind: "help" });
    expect(parseIntent("what's the weather like")).toEqual({ kind: "unknown" });
  });

  it("does not take the start of a product name for a quantity or an article", () => {
    expect(parseLines("3 Office Chair, 1 Desk Pad, Large Cabinet, an Acoustic Bloc Screens")).toEqual([
      { product: "Office Chair", quantity: 3 },
      { product: "Desk Pad", quantity: 1 },
      { product: "Large Cabinet", quantity: 1 },
      { product: "Acoustic Bloc Screens", quantity: 1 },
    ]);
  });
});

describe("the offline planner, beyond sales", () => {
  const today = "2026-11-23"; // a Monday
  const read = (message: string) => {
    const intent = parseIntent(message, today);
    return intent.kind === "tool" ? [intent.tool, intent.args] : [intent.kind];
  };

  it.each([
    ["Montre les devis de Deco Addict", "list_quotations", { customer: "Deco Addict" }],
    ["List the draft quotations of Azure Interior", "list_quotations", { customer: "Azure Interior", state: "draft" }],
    ["Show me all sent quotations", "list_quotations", { state: "sent" }],
    ["Show me the confirmed orders of Gemini Furniture", "list_quotations", { state: "sale", customer: "Gemini Furniture" }],
    ["Montre-moi le devis S00002", "get_quotation", { quotation: "S00002" }],
    ["Confirm quotation S00001", "confirm_quotation", { quotation: "S00001" }],
    ["Valide le devis S00002", "confirm_quotation", { quotation: "S00002" }],
    ["Quels sont mes projets en cours ?", "list_projects", {}],
    ["show me the projects", "list_projects", {}],
    ["Résume le projet Office Design", "project_summary", { project: "Office Design" }],
    ["/summarize_project Research & Development", "project_summary", { project: "Research & Development" }],
    ["/résumer_projet Renovations", "project_summary", { project: "Renovations" }],
    ["Où en est le projet Home Construction ?", "project_summary", { project: "Home Construction" }],
    ["Give me a summary of project Office Design", "project_summary", { project: "Office Design" }],
    ["Quelles sont les tâches ouvertes du projet Renovations ?", "list_tasks", { project: "Renovations" }],
    ["open tasks in Research & Development", "list_tasks", { project: "Research & Development" }],
    ["Quelles tâches sont en retard ?", "list_tasks", { overdue: true }],
    ["What tasks are assigned to me?", "list_tasks", { assignee: "me" }],
    ["Crée une tâche 'Commander les plinthes' dans le projet Renovations pour le 15/12/2026", "create_task", { project: "Renovations", title: "Commander les plinthes", deadline: "2026-12-15" }],
    ["/create_task Office Design: Order new acoustic panels", "create_task", { project: "Office Design", title: "Order new acoustic panels" }],
    ["Ajoute une tâche « Poser le parquet » au projet Renovations pour demain", "create_task", { project: "Renovations", title: "Poser le parquet", deadline: "2026-11-24" }],
    ["Create a task Call the supplier in project Office Design due December 15", "create_task", { project: "Office Design", title: "Call the supplier", deadline: "2026-12-15" }],
    ["Nouvelle tâche pour Office Design : Préparer la démo", "create_task", { project: "Office Design", title: "Préparer la démo" }],
    ["create a task 'Check invoices' in project Research & Development assigned to Marc Demo", "create_task", { project: "Research & Development", title: "Check invoices", assignee: "Marc Demo" }],
    ["Ajoute une note au journal du projet Home Construction : livraison du carrelage reportée à lundi", "log_project_note", { project: "Home Construction", body: "livraison du carrelage reportée à lundi" }],
    ["Log a note on project Renovations: tiles delivered", "log_project_note", { project: "Renovations", body: "tiles delivered" }],
    ["/show_kit Table Kit", "show_kit", { kit: "Table Kit" }],
    ["Affiche la composition du kit Table Kit", "show_kit", { kit: "Table Kit" }],
    ["What's in the Table Kit?", "show_kit", { kit: "Table Kit" }],
    ["Documents du projet Office Design", "list_documents", { project: "Office Design" }],
    ["Show the open tickets of project Office Design", "list_tickets", { project: "Office Design" }],
    ["Quels sont les tickets ouverts du client Deco Addict ?", "list_tickets", { customer: "Deco Addict" }],
    ["/tickets printer", "list_tickets", { query: "printer" }],
    ["Show task Room planning", "get_task", { task: "Room planning" }],
    ["Affiche la tâche Room planning du projet Office Design", "get_task", { task: "Room planning", project: "Office Design" }],
    ["Quelles sont les sous-tâches de Room planning ?", "get_task", { task: "Room planning" }],
    ["/checklist Room planning", "get_task", { task: "Room planning" }],
    ["Tous les tickets de Ready Mat", "list_tickets", { customer: "Ready Mat", open_only: false }],
    ["Liste les installations de Azure Interior", "list_installations", { customer: "Azure Interior" }],
    ["Quelle quantité de Pedal Bin avons-nous ?", "get_stock", { product: "Pedal Bin" }],
    ["Do we have Large Cabinet in stock?", "get_stock", { product: "Large Cabinet" }],
    ["Combien reste-t-il de Large Cabinet ?", "get_stock", { product: "Large Cabinet" }],
    ["Envoie le devis S00003 au client", "send_quotation", { quotation: "S00003" }],
    ["What did we say about the furniture delivery in project Office Design?", "ask_project", { project: "Office Design", question: "furniture delivery" }],
    ["Cherche « carrelage » dans le projet Home Construction", "ask_project", { project: "Home Construction", question: "carrelage" }],
    ["Ajoute 2 Office Chair au devis S00003", "update_quotation", { quotation: "S00003", add: [{ product: "Office Chair", quantity: 2 }] }],
    ["Remove the Office Lamp from S00001", "update_quotation", { quotation: "S00001", remove: ["Office Lamp"] }],
    ["Retire Office Lamp du devis S00001", "update_quotation", { quotation: "S00001", remove: ["Office Lamp"] }],
    ["Change the quantity of Office Chair to 5 in S00001", "update_quotation", { quotation: "S00001", change: [{ product: "Office Chair", quantity: 5 }] }],
    ["Passe la tâche Usability review à Done", "update_task", { task: "Usability review", stage: "Done" }],
    ["Assign task Foundations to me", "update_task", { task: "Foundations", assignee: "me" }],
    ["Change the deadline of task Foundations to December 20", "update_task", { task: "Foundations", deadline: "2026-12-20" }],
  ])("%s", (message, tool, args) => {
    expect(read(message)).toEqual([tool, args]);
  });

  it("refuses to archive, and does not mistake a listing for a creation", () => {
    expect(read("Archive the project Renovations")).toEqual(["refuse_destructive"]);
    expect(read("List the draft quotations of Azure Interior")[0]).toBe("list_quotations");
    expect(read("open tasks in Research & Development")[0]).toBe("list_tasks");
  });
});

describe("dates", () => {
  it.each([
    ["15/12/2026", "2026-12-15"],
    ["2026-12-15", "2026-12-15"],
    ["15 décembre", "2026-12-15"],
    ["le 1er mars", "2027-03-01"],
    ["December 15", "2026-12-15"],
    ["Dec 15, 2027", "2027-12-15"],
    ["demain", "2026-11-24"],
    ["tomorrow", "2026-11-24"],
    ["vendredi", "2026-11-27"],
    ["next monday", "2026-11-30"],
    ["dans 2 semaines", "2026-12-07"],
    ["31/02/2026", undefined],
  ])("%s → %s", (text, iso) => {
    expect(parseDate(text, "2026-11-23")).toBe(iso);
  });
});

describe("picking from a choice card", () => {
  it("names the picked record so the resolver finds exactly it, and the planner reads it back", async () => {
    const { choicesFor } = await import("../../src/agent/turn-service.js");
    const [product] = choicesFor("Crée un devis pour Deco Addict avec 2 Customizable Desk", [
      { query: "Customizable Desk", model: "product.product", options: [{ id: 50, label: "[DESK0005] Customizable Desk (Custom, White)" }] },
    ]);
    expect(product!.options[0]!.message).toBe("Crée un devis pour Deco Addict avec 2 [DESK0005]");
    expect(parseIntent(product!.options[0]!.message)).toEqual({
      kind: "tool",
      tool: "create_quotation",
      args: { customer: "Deco Addict", lines: [{ product: "[DESK0005]", quantity: 2 }] },
    });
    const [customer] = choicesFor("Quote for Azure with 3 Office Chair, 1 Desk Pad", [
      { query: "Azure", model: "res.partner", options: [{ id: 26, label: "Azure Interior, Brandon Freeman" }] },
    ]);
    expect(parseIntent(customer!.options[0]!.message)).toEqual({
      kind: "tool",
      tool: "create_quotation",
      args: { customer: "Azure Interior, Brandon Freeman", lines: [{ product: "Office Chair", quantity: 3 }, { product: "Desk Pad", quantity: 1 }] },
    });
  });
});

describe("the panel's project chip", () => {
  it("fills the project of project tools, and falls back to the project's summary", () => {
    expect(parseIntent("[Project: Office Design] open tasks")).toEqual({ kind: "tool", tool: "list_tasks", args: { project: "Office Design" } });
    expect(parseIntent("[Projet: Renovations] Crée une tâche 'Poser le parquet' pour demain", "2026-11-23")).toEqual({
      kind: "tool",
      tool: "create_task",
      args: { project: "Renovations", title: "Poser le parquet", deadline: "2026-11-24" },
    });
    expect(parseIntent("[Project: Office Design] where are we?")).toEqual({ kind: "tool", tool: "project_summary", args: { project: "Office Design" } });
    expect(parseIntent("[Project: Office Design] What is the stock of Large Cabinet?")).toEqual({ kind: "tool", tool: "get_stock", args: { product: "Large Cabinet" } });
  });
});

describe("a quotation missing its customer or its lines", () => {
  it("asks for what is missing instead of failing on invalid arguments", () => {
    expect(parseIntent("Fais un devis pour Deco Addict")).toEqual({ kind: "ask", key: "quote.ask_lines", params: { customer: "Deco Addict" } });
    expect(parseIntent("Crée un devis")).toEqual({ kind: "ask", key: "quote.ask_customer", params: {} });
  });
});

describe("the panel's project chip, as data", () => {
  it("gives project tools their project without a word of it in the message", () => {
    expect(parseIntent("Quelles tâches sont en retard ?", "2026-12-06", "Office Design")).toMatchObject({ kind: "tool", tool: "list_tasks", args: { project: "Office Design" } });
    expect(parseIntent("où en est-on ?", "2026-12-06", "Office Design")).toMatchObject({ kind: "tool", tool: "project_summary", args: { project: "Office Design" } });
    // a project named in the message wins over the chip
    expect(parseIntent("Résume le projet Renovations", "2026-12-06", "Office Design")).toMatchObject({ args: { project: "Renovations" } });
    // what older panels sent still reads the same
    expect(parseIntent("[Project: Office Design] open tasks", "2026-12-06")).toMatchObject({ tool: "list_tasks", args: { project: "Office Design" } });
  });
});

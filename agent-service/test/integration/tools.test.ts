import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFormatter } from "../../src/format.js";
import { createGatewayClient } from "../../src/odoo/gateway-client.js";
import { selectionLabels } from "../../src/odoo/selection-labels.js";
import { withDefaults, type ModelMap } from "../../src/odoo/model-map.js";
import type { OdooClient } from "../../src/odoo/odoo-client.js";
import { catalog, findTool } from "../../src/tools/index.js";
import { factsCardSchema, type ToolContext, type ToolOutcome } from "../../src/tools/types.js";
import { mintDelegation } from "../helpers/delegation.js";
import { startOdooDouble, type OdooDouble } from "../helpers/odoo-double.js";

/** Every catalog tool against the Odoo double, over the gateway transport (real HTTP). */
const SECRET = "tools-secret-0123456789";
let double: OdooDouble;
let odoo: OdooClient;

beforeAll(async () => {
  double = await startOdooDouble({ secret: SECRET });
  odoo = createGatewayClient({ url: double.url, token: mintDelegation(SECRET, { db: double.db, uid: 2 }), context: { lang: "en_US" }, timeoutMs: 2_000 });
});
afterAll(async () => {
  // every call a tool made, it declares (the double refuses the others)
  expect(double.undeclared).toEqual([]);
  await double.close();
});

const ctx = (lang: "en" | "fr" = "en", models?: Partial<ModelMap>, tool = "test"): ToolContext => ({
  odoo, lang, fmt: createFormatter(lang), meta: { tool }, uid: 2, today: "2026-11-23", labels: selectionLabels(odoo, { db: double.db, lang }, { tool: "test" }, false), ...(models ? { models: withDefaults(models) } : {}),
});

async function run(name: string, args: unknown, lang: "en" | "fr" = "en", models?: Partial<ModelMap>): Promise<ToolOutcome> {
  const tool = findTool(name)!;
  return tool.run(tool.schema.parse(args), ctx(lang, models, name));
}

describe("the tool catalog", () => {
  it("declares every tool once, with a schema, both languages, a risk tier and its models", () => {
    const names = catalog.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of catalog) {
      expect(tool.description.en.length).toBeGreaterThan(20);
      expect(tool.description.fr.length).toBeGreaterThan(20);
      expect(Array.isArray(tool.models)).toBe(true);
      expect(Boolean(tool.execute)).toBe(tool.risk !== "read");
      for (const [field, schema] of Object.entries(tool.schema.shape)) expect(schema.description, `${tool.name}.${field}`).toBeTruthy();
    }
  });

  it("search_customers and search_products answer tables and cap their reads", async () => {
    const customers = await run("search_customers", { query: "Lumber" });
    expect(customers).toMatchObject({ kind: "answer", data: { customers: [{ name: "Lumber Inc", city: "Stockton" }] } });
    const products = await run("search_products", { query: "drawer", limit: 2 });
    expect(products.kind === "answer" && products.data).toMatchObject({ products: [{ name: "[FURN_8855] Drawer" }, { name: "[FURN_2100] Drawer Black" }], more: true });
  });

  it("get_partner shows one customer at a glance: contact details and their open quotations and orders", async () => {
    const outcome = await run("get_partner", { customer: "deco adict" }, "fr");
    expect(outcome.kind).toBe("answer");
    expect(outcome.text).toContain("[Deco Addict](/web#model=res.partner&id=10&view_type=form)");
    expect(outcome.text).toContain("- E-mail\u00a0: deco.addict82@example.com");
    expect(outcome.text).toContain("- Devis en cours\u00a0: 1 ($\u00a01\u202f739,49)");
    expect(outcome.kind === "answer" && outcome.data).toMatchObject({
      id: 10,
      open_quotations: 1,
      sales_orders: 0,
      card: { kind: "facts", title: "Deco Addict", record: { model: "res.partner", id: 10 }, facts: expect.arrayContaining([{ label: "E-mail", value: "deco.addict82@example.com" }]) },
    });
    // the generic card's data, as the panel reads it
    expect(factsCardSchema.safeParse((outcome as { data: { card: unknown } }).data.card).success).toBe(true);
    // a name matching nothing is asked back, never guessed
    expect(await run("get_partner", { customer: "Initech" })).toMatchObject({ kind: "clarify" });
  });

  it("get_stock says where the stock is when there are several warehouses, and answers for one warehouse", async () => {
    const all = await run("get_stock", { product: "Large Cabinet" });
    expect(all.text).toBe("**[E-COM07] Large Cabinet**: 500 Units on hand, 270 Units forecast. By warehouse: YourCompany 450, Lyon 50.");
    expect(all.kind === "answer" && all.data).toMatchObject({ warehouses: [{ id: 1, name: "YourCompany", on_hand: 450 }, { id: 2, name: "Lyon", on_hand: 50 }] });
    const lyon = await run("get_stock", { product: "Large Cabinet", warehouse: "lyo", quantity: 60 }, "fr");
    expect(lyon.text).toBe("**[E-COM07] Large Cabinet** : 50 Units en stock dans Lyon (500 Units dans tous les entrepôts, 270 Units prévus). Ce n'est pas suffisant pour en vendre 60 depuis le stock disponible.");
    // a warehouse nobody has: asked back
    expect(await run("get_stock", { product: "Large Cabinet", warehouse: "Berlin" })).toMatchObject({ kind: "clarify" });
  });

  it("get_stock shows each product sharing the asked name, and whether it covers a quantity", async () => {
    const outcome = await run("get_stock", { product: "Drawer Black", quantity: 50 }, "fr");
    expect(outcome.kind).toBe("answer");
    expect(outcome.text).toContain("**[FURN_2100] Drawer Black** : 45 Units en stock, 40 Units prévus. Ce n'est pas suffisant pour en vendre 50");
    expect(outcome.text).toContain("[FURN_8900] Drawer Black");
  });

  it("list_quotations filters by customer and state; get_quotation shows lines and totals", async () => {
    // the state as Odoo names it (fields_get), beside its value
    const listed = await run("list_quotations", { customer: "Deco Addict" });
    expect(listed.kind === "answer" && listed.data).toMatchObject({ quotations: [{ state: "draft", state_label: "Quotation" }] });
    const drafts = await run("list_quotations", { customer: "Deco Addict", state: "draft" });
    expect(drafts.kind === "answer" && drafts.data).toMatchObject({ quotations: [{ name: "S00001", customer: "Deco Addict" }] });
    expect(drafts.text).toContain("[S00001](/web#model=sale.order&id=1&view_type=form)");
    const one = await run("get_quotation", { quotation: "s00001" });
    expect(one.text).toContain("| [FURN_7777] Office Chair | 3 | $\u00a070.00 | $\u00a0210.00 |");
    expect(one.text).toContain("**Total: $\u00a01,739.49**");
  });

  it("confirm_quotation proposes, then confirms on execute; an order already confirmed is refused", async () => {
    const outcome = await run("confirm_quotation", { quotation: "S00001" });
    expect(outcome).toMatchObject({ kind: "proposal", summary: "Confirm quotation S00001 for Deco Addict ($\u00a01,739.49)" });
    if (outcome.kind !== "proposal") return;
    expect(double.records("sale.order").find((o) => o.id === 1)!.state).toBe("draft");
    await findTool("confirm_quotation")!.execute!(outcome.plan, ctx("en", undefined, "confirm_quotation"));
    expect(double.records("sale.order").find((o) => o.id === 1)!.state).toBe("sale");
    const again = await run("confirm_quotation", { quotation: "S00002" });
    expect(again).toMatchObject({ kind: "answer" });
    expect(again.text).toMatch(/cannot be confirmed: it is already « Sales Order »/);
  });

  it("list_projects, project_summary and list_tasks read the projects", async () => {
    const projects = await run("list_projects", {});
    expect(projects.kind === "answer" && (projects.data as { projects: { name: string }[] }).projects.map((p) => p.name)).toEqual([
      "Office Design",
      "Research & Development",
      "Home Construction",
    ]);
    const mine = await run("list_projects", { mine: true, state: "all" });
    expect((mine as { data: { projects: { name: string }[] } }).data.projects.map((p) => p.name)).toEqual(["Office Design", "Research & Development", "Renovations"]);
    const summary = await run("project_summary", { project: "office design" }, "fr");
    expect(summary.kind === "answer" && summary.data).toMatchObject({ name: "Office Design", overdue: [{ name: "Furniture delivery" }], next_deadlines: [{ name: "Room planning" }, { name: "Lighting plan" }] });
    expect(summary.text).toMatch(/\*\*Risques :\*\* 1 tâche\(s\) en retard : Furniture delivery \(20\/11\/2026\)/);
    const tasks = await run("list_tasks", { project: "Research & Development" });
    expect((tasks as { data: { tasks: { name: string }[] } }).data.tasks.map((t) => t.name)).toEqual(["Usability review", "Social network integration"]);
    const overdue = await run("list_tasks", { overdue: true });
    expect((overdue as { data: { tasks: { name: string }[] } }).data.tasks.map((t) => t.name)).toEqual(["Furniture delivery"]);
    const mineTasks = await run("list_tasks", { assignee: "me" });
    expect((mineTasks as { data: { tasks: { name: string }[] } }).data.tasks.map((t) => t.name)).toEqual(["Usability review", "Choose the desks", "Room planning", "Paint the walls"]);
  });

  it("create_task proposes with the resolved project and assignee, then creates the task", async () => {
    const outcome = await run("create_task", { project: "Renovations", title: "Commander les plinthes", deadline: "2026-12-15", assignee: "Marc Demo" }, "fr");
    expect(outcome).toMatchObject({ kind: "proposal", preview: { kind: "task", project: { name: "Renovations" }, deadline: "15/12/2026", assignee: "Marc Demo" } });
    if (outcome.kind !== "proposal") return;
    const execution = await findTool("create_task")!.execute!(outcome.plan, ctx("fr", undefined, "create_task"));
    const task = double.records("project.task").find((t) => t.id === execution.record!.id)!;
    expect(task).toMatchObject({ name: "Commander les plinthes", project_id: 3, user_ids: [6], date_deadline: "2026-12-15 12:00:00" });
  });

  it("log_project_note posts an internal note on confirm", async () => {
    const outcome = await run("log_project_note", { project: "Home Construction", body: "livraison du carrelage reportée à lundi" });
    expect(outcome.kind).toBe("proposal");
    if (outcome.kind !== "proposal") return;
    await findTool("log_project_note")!.execute!(outcome.plan, ctx("en", undefined, "log_project_note"));
    expect(double.records("mail.message").at(-1)).toMatchObject({ model: "project.project", res_id: 5, body: "livraison du carrelage reportée à lundi", subtype_xmlid: "mail.mt_note" });
  });

  it("show_kit lists the kit's components with their stock; list_documents the project's files", async () => {
    const kit = await run("show_kit", { kit: "Table Kit" });
    expect(kit.kind === "answer" && kit.data).toMatchObject({ type: "phantom", components: [{ product: "[FURN_TOP] Table Top", quantity: 1, on_hand: 12 }, { product: "[FURN_LEG] Table Leg", quantity: 4, on_hand: 30 }] });
    const documents = await run("list_documents", { project: "Office Design" });
    expect(documents.text).toContain("[floor-plan.pdf](/web/content/90?download=true)");
    const none = await run("list_documents", { project: "Renovations" }, "fr");
    expect(none.text).toBe("Aucun document n'est joint à **Renovations** ni à ses tâches.");
  });

  it("asks back instead of guessing when a name matches nothing or several records", async () => {
    const unknown = await run("project_summary", { project: "Moon Base" });
    expect(unknown).toMatchObject({ kind: "clarify", text: "I found no project named **Moon Base**. Could you check the name, or give its reference?" });
    const several = await run("create_quotation", { customer: "Deco Addict", lines: [{ product: "Customizable Desk", quantity: 2 }] });
    expect(several).toMatchObject({ kind: "clarify", choices: [{ query: "Customizable Desk", model: "product.product", options: [{ id: 50 }, { id: 51 }] }] });
  });
});

describe("picking a contact by its full name", () => {
  it("resolves 'Azure Interior, Brandon Freeman' to the contact", async () => {
    const outcome = await run("create_quotation", { customer: "Azure Interior, Brandon Freeman", lines: [{ product: "[DESK0005]", quantity: 1 }] });
    expect(outcome).toMatchObject({ kind: "proposal", preview: { customer: { id: 26 }, lines: [{ product: { id: 50 } }] } });
  });
});

describe("changing quotations and tasks", () => {
  // A fresh database: the tests above confirmed S00001.
  beforeAll(async () => {
    await double.close();
    double = await startOdooDouble({ secret: SECRET });
    odoo = createGatewayClient({ url: double.url, token: mintDelegation(SECRET, { db: double.db, uid: 2 }), context: { lang: "en_US" }, timeoutMs: 2_000 });
  });

  it("update_quotation previews Odoo's new total and applies the line commands on confirm", async () => {
    const outcome = await run("update_quotation", { quotation: "S00001", add: [{ product: "Desk Pad", quantity: 2 }], remove: ["Office Lamp"], change: [{ product: "Office Chair", quantity: 5 }] });
    expect(outcome.kind).toBe("proposal");
    if (outcome.kind !== "proposal") return;
    expect(outcome.summary).toMatch(/^Update S00001: remove \[FURN_8888\] Office Lamp; \[FURN_7777\] Office Chair: qty 5; add 2 × \[FURN_0002\] Desk Pad \(total/);
    await findTool("update_quotation")!.execute!(outcome.plan, ctx("en", undefined, "update_quotation"));
    const lines = double.records("sale.order.line").filter((l) => l.order_id === 1);
    expect(lines.map((l) => [l.product_id, l.product_uom_qty])).toEqual([[5, 5], [41, 2]]);
  });

  it("send_quotation marks the quotation sent and posts Odoo's template on confirm", async () => {
    const order = double.records("sale.order").find((o) => o.state === "draft")!;
    const outcome = await run("send_quotation", { quotation: String(order.name) });
    if (outcome.kind !== "proposal") throw new Error(outcome.text);
    await findTool("send_quotation")!.execute!(outcome.plan, ctx("en", undefined, "send_quotation"));
    expect(order.state).toBe("sent");
    expect(double.records("mail.message").at(-1)).toMatchObject({ model: "sale.order", res_id: order.id, template: "sale.email_template_edi_sale" });
  });

  it("update_task moves a task to a stage of its project and assigns it", async () => {
    const outcome = await run("update_task", { task: "Lighting plan", stage: "done", assignee: "me" });
    expect(outcome).toMatchObject({ kind: "proposal", summary: "Update task “Lighting plan”: stage In Progress → Done, assigned to me" });
    if (outcome.kind !== "proposal") return;
    await findTool("update_task")!.execute!(outcome.plan, ctx("en", undefined, "update_task"));
    expect(double.records("project.task").find((t) => t.name === "Lighting plan")).toMatchObject({ stage_id: 3, user_ids: [2] });
  });
});

describe("retrieval with citations", () => {
  it("ask_project answers the best passages of the project's tasks, messages and documents, with links", async () => {
    const outcome = await run("ask_project", { project: "Office Design", question: "When is the furniture delivery?" });
    expect(outcome.kind).toBe("answer");
    expect(outcome.text).toMatch(/^What \*\*\[Office Design\]\(\/web#model=project.project&id=1&view_type=form\)\*\* says about/);
    expect(outcome.text).toContain("truck breakdown");
    expect(outcome.text).toContain("(/web#model=project.task&id=20&view_type=form)");
    const plan = await run("ask_project", { project: "Office Design", question: "acoustic panels north wall" });
    expect(plan.text).toContain("[document floor-plan.pdf](/web/content/90?download=true)");
  });
});

describe("entity resolution", () => {
  it("tolerates typos and case, keeps each name's candidates apart, and never guesses", async () => {
    const { resolveMany } = await import("../../src/odoo/resolve.js");
    const { entities } = await import("../../src/odoo/entities.js");
    const results = await resolveMany(odoo, entities.product, ["large cabinett", "Desk Combinaison", "Ofice Chiar", "zzzz", "office chair"]);
    expect(results.map((r) => [r.query, r.status, r.status === "found" ? r.match.code : r.status === "ambiguous" ? r.choices.map((c) => c.code) : null])).toEqual([
      ["large cabinett", "found", "E-COM07"],
      ["Desk Combinaison", "found", "FURN_7800"],
      ["Ofice Chiar", "ambiguous", ["FURN_7777"]],
      ["zzzz", "none", null],
      ["office chair", "found", "FURN_7777"],
    ]);
    const customers = await resolveMany(odoo, entities.customer, ["Deco Adict", "Jackson", "Gemini Furnitures"]);
    expect(customers.map((r) => (r.status === "found" ? r.match.name : r.status))).toEqual(["Deco Addict", "The Jackson Group", "Gemini Furniture"]);
  });

  it("asks 'did you mean' for a single near miss", async () => {
    const outcome = await run("get_stock", { product: "Ofice Chiar" }, "fr");
    expect(outcome).toMatchObject({ kind: "clarify", text: expect.stringMatching(/^Je n'ai trouvé aucun produit nommé exactement \*\*Ofice Chiar\*\*\. Vouliez-vous dire :\n- \[FURN_7777\] Office Chair/) });
  });
});

describe("retrieval by meaning", () => {
  it("ranks passages by embeddings when an endpoint is configured: a question sharing no word still finds them", async () => {
    const { startScriptedLlm } = await import("../helpers/scripted-llm.js");
    const { createEmbedder } = await import("../../src/retrieval/embeddings.js");
    const llm = await startScriptedLlm();
    try {
      const tool = findTool("ask_project")!;
      const args = tool.schema.parse({ project: "Office Design", question: "When is the shipment expected?" });
      const lexical = await tool.run(args, ctx("en", undefined, "ask_project"));
      expect(lexical.text).not.toContain("truck breakdown");
      const semantic = await tool.run(args, { ...ctx("en", undefined, "ask_project"), embed: createEmbedder({ baseUrl: llm.baseUrl, apiKey: "x", model: "scripted", timeoutMs: 2_000 }) });
      expect(semantic.text.split("\n")[2]).toContain("truck breakdown");
    } finally {
      await llm.close();
    }
  });

  it("get_task shows a task with its checklist: the sub-tasks, done or not", async () => {
    const outcome = await run("get_task", { task: "Room planning" }, "fr");
    expect(outcome.kind === "answer" && outcome.data).toMatchObject({
      id: 21, name: "Room planning", project: "Office Design", assignees: ["Marc Demo", "Mitchell Admin"],
      subtasks: [{ id: 26, name: "Measure the rooms", done: true }, { id: 27, name: "Choose the desks", done: false, assignees: ["Mitchell Admin"] }],
    });
    expect(outcome.text).toContain("Liste de contrôle (1/2 faites) :");
    expect(outcome.text).toContain("- ☐ [Choose the desks](/web#model=project.task&id=27&view_type=form)");
    const none = await run("get_task", { task: "Foundations", project: "Home Construction" });
    expect(none.text).toContain("It has no sub-task.");
  });

  describe("with the models an administrator mapped in Settings", () => {
    it("show_kit reads a custom kit model's lines, found from its fields (x_ fields too)", async () => {
      const kit = await run("show_kit", { kit: "starter office kit" }, "en", { kit: "x_kit" });
      expect(kit.kind === "answer" && kit.data).toMatchObject({
        model: "x_kit",
        components: [{ product: "[FURN_7777] Office Chair", quantity: 2, on_hand: 0 }, { product: "[FURN_8888] Office Lamp", quantity: 1 }],
      });
      expect(kit.text).toContain("[Starter Office Kit](/web#model=x_kit&id=1&view_type=form)");
      const empty = await run("show_kit", { kit: "Empty Kit" }, "fr", { kit: "x_kit" });
      expect(empty.text).toBe("**Empty Kit** ne liste aucun composant.");
      // the mrp.bom "Table Kit" is not a kit of the mapped model: asked, not guessed
      expect(await run("show_kit", { kit: "Table Kit" }, "en", { kit: "x_kit" })).toMatchObject({ kind: "clarify" });
    });

    it("list_tickets keeps open tickets (stage not folded) and filters by customer or project", async () => {
      const open = await run("list_tickets", {}, "en", { ticket: "helpdesk.ticket" });
      expect(open.kind === "answer" && open.data).toMatchObject({ model: "helpdesk.ticket", records: [{ name: "Lamp flickers", stage_id: "In Progress" }, { name: "Chair wobbles", stage_id: "New" }] });
      expect(open.text).toContain("| Subject | Stage | Customer | Project | Assigned to | Created on |");
      const all = await run("list_tickets", { customer: "Ready Mat", open_only: false }, "en", { ticket: "helpdesk.ticket" });
      expect(all.kind === "answer" && all.data).toMatchObject({ records: [{ name: "Invoice question" }] });
      const project = await run("list_tickets", { project: "Office Design" }, "fr", { ticket: "helpdesk.ticket" });
      expect(project.text).toContain("Tickets (**Office Design**) :");
      expect(project.kind === "answer" && (project.data as { records: unknown[] }).records).toHaveLength(1);
    });

    it("list_installations reads a custom model: final states are closed, a filter it lacks is said", async () => {
      const open = await run("list_installations", {}, "en", { installation: "x_installation" });
      expect(open.kind === "answer" && open.data).toMatchObject({ records: [{ name: "INST/001 Deco Addict HQ", x_state: "In progress" }] });
      const byCustomer = await run("list_installations", { customer: "Ready Mat", open_only: false }, "en", { installation: "x_installation" });
      expect(byCustomer.text).toContain("INST/002 Ready Mat depot");
      const noProject = await run("list_installations", { project: "Office Design" }, "en", { installation: "x_installation" });
      expect(noProject.text).toBe("Installations cannot be filtered by **Office Design** in this database.");
    });

    it("list_documents lists a mapped document model linked to the project", async () => {
      const documents = await run("list_documents", { project: "Office Design" }, "en", { document: "x_document" });
      expect(documents.kind === "answer" && documents.data).toMatchObject({ documents: [{ name: "Site survey", model: "x_document" }] });
      expect(documents.text).toContain("[Site survey](/web#model=x_document&id=1&view_type=form)");
      expect(documents.text).not.toContain("floor-plan.pdf");
    });
  });
});

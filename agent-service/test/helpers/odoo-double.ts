import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Deserializer from "xmlrpc/lib/deserializer.js";
import { serializeFault, serializeMethodResponse } from "xmlrpc/lib/serializer.js";
import { verifyDelegation } from "./delegation.js";
import { sign } from "../../src/http/signature.js";
import { mintDelegation } from "../../src/odoo/delegation.js";
import { catalog } from "../../src/tools/index.js";
import { randomBytes } from "node:crypto";

/**
 * A small Odoo test double that speaks the same HTTP contract as a real Odoo with the copilot addon:
 * `/copilot/rpc` (JSON-RPC + delegation token, docs/contract.md (C)) and `/xmlrpc/2` (login + password).
 * Its data mirror a few records of Odoo's demo database, so the contract suite can run unchanged
 * against both. It is never the product: the same suite runs against a real Odoo (`test:contract`).
 */

type Row = Record<string, unknown> & { id: number };
type Domain = unknown[];

export class OdooFault extends Error {
  constructor(readonly odooName: string, message: string) {
    super(message);
  }
}

const USERS = [
  { id: 2, login: "admin", password: "admin", name: "Mitchell Admin", sales: true },
  { id: 6, login: "demo", password: "demo", name: "Marc Demo", sales: true },
  // An internal user with Inventory rights and no Sales rights.
  { id: 7, login: "stock", password: "stock", name: "Stock Keeper", sales: false },
];

const READ = ["search_read", "read", "search_count", "name_search"];
/** The addon's allowlist (odoo_addon/copilot/rpc_allowlist.py), no more: test/unit/allowlist.test.ts checks it. */
export const ALLOWLIST: Record<string, { read: string[]; write: string[] }> = {
  "copilot.capability": { read: ["check"], write: [] },
  "copilot.lookup": { read: ["find"], write: [] },
  "copilot.action.log": { read: [], write: ["undo_action"] },
  "res.partner": { read: READ, write: [] },
  "res.users": { read: ["search_read", "read"], write: [] },
  "res.currency": { read: ["read"], write: [] },
  "product.product": { read: READ, write: [] },
  "sale.order": { read: ["search_read", "read", "search_count", "onchange", "fields_get"], write: ["create", "write", "action_confirm", "action_quotation_sent", "message_post_with_source"] },
  "sale.order.line": { read: ["search_read", "read"], write: [] },
  "project.project": { read: ["search_read", "read", "search_count", "fields_get"], write: ["message_post"] },
  "project.task": { read: ["search_read", "read", "search_count"], write: ["create", "write"] },
  "project.task.type": { read: ["search_read"], write: [] },
  "stock.warehouse": { read: ["search_read"], write: [] },
  "stock.quant": { read: ["search_read"], write: [] },
  "mrp.bom": { read: ["search_read", "read"], write: [] },
  "mrp.bom.line": { read: ["search_read", "read"], write: [] },
  "ir.attachment": { read: ["search_read"], write: [] },
  "mail.message": { read: ["search_read"], write: [] },
  // Models an administrator mapped in Settings (Kit, Ticket, Document, Installation): the addon
  // lets the gateway read them and the models their relational fields point to.
  "helpdesk.ticket": { read: [...READ, "fields_get"], write: [] },
  "helpdesk.stage": { read: [...READ, "fields_get"], write: [] },
  x_kit: { read: [...READ, "fields_get"], write: [] },
  x_kit_line: { read: [...READ, "fields_get"], write: [] },
  x_installation: { read: [...READ, "fields_get"], write: [] },
  x_document: { read: [...READ, "fields_get"], write: [] },
};

type FieldInfo = { type: string; string: string; relation?: string; selection?: [string, string][]; store?: boolean };
const f = (type: string, string: string, extra: Partial<FieldInfo> = {}): FieldInfo => ({ type, string, store: true, ...extra });

/**
 * `fields_get` of the models an ERP adds to Odoo, as a real database describes them: Enterprise's
 * Helpdesk tickets, and custom (`x_`) models made in Settings › Technical › Models (a kit with its
 * lines, installations, documents) whose fields the generic tools must find on their own.
 */
const FIELDS: Record<string, Record<string, FieldInfo>> = {
  "helpdesk.ticket": {
    name: f("char", "Subject"), stage_id: f("many2one", "Stage", { relation: "helpdesk.stage" }), partner_id: f("many2one", "Customer", { relation: "res.partner" }),
    project_id: f("many2one", "Project", { relation: "project.project" }), user_id: f("many2one", "Assigned to", { relation: "res.users" }),
    create_date: f("datetime", "Created on"), display_name: f("char", "Display Name", { store: false }),
  },
  "helpdesk.stage": { name: f("char", "Stage Name"), fold: f("boolean", "Folded in Kanban") },
  x_kit: { x_name: f("char", "Name"), x_line_ids: f("one2many", "Components", { relation: "x_kit_line" }), x_notes: f("text", "Notes"), display_name: f("char", "Display Name", { store: false }) },
  x_kit_line: { x_kit_id: f("many2one", "Kit", { relation: "x_kit" }), x_product_id: f("many2one", "Product", { relation: "product.product" }), x_quantity: f("float", "Quantity") },
  x_installation: {
    x_name: f("char", "Name"), x_partner_id: f("many2one", "Customer", { relation: "res.partner" }),
    x_state: f("selection", "Status", { selection: [["planned", "Planned"], ["in_progress", "In progress"], ["installed", "Installed"]] }),
    x_date: f("date", "Installation date"), display_name: f("char", "Display Name", { store: false }),
  },
  x_document: { x_name: f("char", "Title"), x_project_id: f("many2one", "Project", { relation: "project.project" }), create_date: f("datetime", "Created on"), display_name: f("char", "Display Name", { store: false }) },
};

/** Selections whose labels Odoo gives (`fields_get`): [value, English, French]. */
const SELECTIONS: Record<string, Record<string, [string, string, string][]>> = {
  "sale.order": {
    state: [["draft", "Quotation", "Devis"], ["sent", "Quotation Sent", "Devis envoyé"], ["sale", "Sales Order", "Bon de commande"], ["cancel", "Cancelled", "Annulé"]],
  },
  "project.project": {
    last_update_status: [["on_track", "On Track", "En bonne voie"], ["at_risk", "At Risk", "À risque"], ["off_track", "Off Track", "En retard"], ["on_hold", "On Hold", "En attente"], ["done", "Done", "Fait"], ["to_define", "Set Status", "Définir le statut"]],
  },
};

/** Which model a many2one field points to, to answer `[id, display_name]` as Odoo does. */
const MANY2ONE: Record<string, string> = {
  partner_id: "res.partner",
  parent_id: "res.partner",
  user_id: "res.users",
  project_id: "project.project",
  stage_id: "project.task.type",
  product_id: "product.product",
  product_tmpl_id: "product.template",
  currency_id: "res.currency",
  order_id: "sale.order",
  bom_id: "mrp.bom",
  warehouse_id: "stock.warehouse",
};

function seed() {
  const partners: Row[] = [
    { id: 10, name: "Deco Addict", is_company: true, parent_id: false, email: "deco.addict82@example.com", city: "Pleasant Hill", ref: false, phone: "(603)-996-3829", street: "77 Santa Barbara Rd", zip: "94523", country_id: false, user_id: 2, vat: false },
    { id: 11, name: "Gemini Furniture", is_company: true, parent_id: false, email: "gemini.furniture39@example.com", city: "Fairfield", ref: false, phone: false, street: false, zip: false, country_id: false, user_id: false, vat: false },
    { id: 12, name: "Ready Mat", is_company: true, parent_id: false, email: "ready.mat28@example.com", city: "Tracy", ref: false, phone: false, street: false, zip: false, country_id: false, user_id: false, vat: false },
    { id: 14, name: "The Jackson Group", is_company: true, parent_id: false, email: "jackson.group82@example.com", city: "Stockton", ref: false, phone: false, street: false, zip: false, country_id: false, user_id: false, vat: false },
    { id: 15, name: "Azure Interior", is_company: true, parent_id: false, email: "azure.Interior24@example.com", city: "Fremont", ref: false, phone: false, street: false, zip: false, country_id: false, user_id: false, vat: false },
    { id: 16, name: "Lumber Inc", is_company: true, parent_id: false, email: "lumber-inv92@example.com", city: "Stockton", ref: false, phone: false, street: false, zip: false, country_id: false, user_id: false, vat: false },
    { id: 26, name: "Brandon Freeman", is_company: false, parent_id: 15, email: "brandon.freeman55@example.com", city: "Fremont", ref: false, phone: false, street: false, zip: false, country_id: false, user_id: false, vat: false },
  ];
  const product = (id: number, name: string, code: string | false, price: number, onHand = 0, forecast = onHand, variant = ""): Row => ({
    id, name, default_code: code, lst_price: price, qty_available: onHand, virtual_available: forecast, uom_id: 1, sale_ok: true, variant, product_tmpl_id: id + 100,
  });
  const products: Row[] = [
    product(5, "Office Chair", "FURN_7777", 70, 0, 35),
    product(6, "Office Lamp", "FURN_8888", 40),
    product(7, "Large Cabinet", "E-COM07", 320, 500, 270),
    product(8, "Desk Combination", "FURN_7800", 450),
    product(18, "Storage Box", "E-COM08", 15.8, 18),
    product(20, "Pedal Bin", "E-COM10", 47, 22),
    product(21, "Cable Management Box", "FURN_5555", 100, 90),
    product(25, "Office Chair Black", "FURN_0269", 120.5),
    product(35, "Large Meeting Table", "FURN_6741", 4000),
    product(41, "Desk Pad", "FURN_0002", 1.98),
    product(42, "Drawer Black", "FURN_2100", 25, 45, 40),
    product(43, "Drawer Black", "FURN_8900", 25, 0),
    product(44, "Drawer", "FURN_8855", 110.5),
    product(50, "Customizable Desk", "DESK0005", 750, 0, 0, "Custom, White"),
    product(51, "Customizable Desk", "DESK0006", 750, 0, 0, "Custom, Black"),
  ];
  products.push({ ...product(60, "Table Kit", "FURN_78236", 600), product_tmpl_id: 46 });
  products.push(product(61, "Table Top", "FURN_TOP", 200, 12), product(62, "Table Leg", "FURN_LEG", 20, 30));
  const day = (offset: number) => new Date(Date.UTC(2026, 10, 23 + offset, 9)).toISOString().slice(0, 19).replace("T", " ");
  const project = (id: number, name: string, manager: number, status: string, done: number, total: number): Row => ({
    id, name, user_id: manager, partner_id: false, date_start: "2026-09-21", date: "2026-12-04", task_count: total, open_task_count: total - done,
    closed_task_count: done, task_completion_percentage: total ? done / total : 0, last_update_status: status, sequence: id,
  });
  const task = (id: number, name: string, projectId: number, state: string, deadline: number | false, users: number[]): Row => ({
    id, name, project_id: projectId, stage_id: state === "1_done" ? 3 : 2, state, user_ids: users, priority: "0", description: false,
    date_deadline: deadline === false ? false : day(deadline),
  });
  for (const partner of partners) {
    const parent = partners.find((p) => p.id === partner.parent_id);
    partner.complete_name = parent ? `${parent.name}, ${partner.name}` : partner.name;
  }
  return {
    "res.partner": partners,
    "res.users": USERS.map((u) => ({ id: u.id, name: u.name, login: u.login })),
    "res.currency": [{ id: 1, name: "USD", symbol: "$", position: "before", decimal_places: 2 }],
    "stock.warehouse": [
      { id: 1, name: "YourCompany", code: "WH" },
      { id: 2, name: "Lyon", code: "LYO" },
    ],
    // Large Cabinet's 500 on hand, in two warehouses; what left for a customer is not stock
    "stock.quant": [
      { id: 1, product_id: 7, warehouse_id: 1, quantity: 450, "location_id.usage": "internal" },
      { id: 2, product_id: 7, warehouse_id: 2, quantity: 50, "location_id.usage": "internal" },
      { id: 3, product_id: 7, warehouse_id: false, quantity: 8, "location_id.usage": "customer" },
    ],
    "product.product": products,
    "product.template": [{ id: 46, name: "Table Kit" }, ...products.map((p) => ({ id: p.id + 100, name: p.name }))],
    "sale.order": [
      { id: 1, name: "S00001", partner_id: 10, state: "draft", user_id: 2, date_order: "2026-11-20 10:00:00", validity_date: "2026-12-20", amount_untaxed: 1512.6, amount_tax: 226.89, amount_total: 1739.49, currency_id: 1 },
      { id: 2, name: "S00002", partner_id: 12, state: "sale", user_id: 2, date_order: "2026-11-18 10:00:00", validity_date: false, amount_untaxed: 2564.35, amount_tax: 384.65, amount_total: 2949, currency_id: 1 },
    ] as Row[],
    "sale.order.line": [
      { id: 1, order_id: 1, name: "Office Chair", product_id: 5, product_uom_qty: 3, price_unit: 70, discount: 0, price_subtotal: 210, display_type: false },
      { id: 2, order_id: 1, name: "Office Lamp", product_id: 6, product_uom_qty: 5, price_unit: 40, discount: 0, price_subtotal: 200, display_type: false },
    ] as Row[],
    "project.project": [
      project(1, "Office Design", 6, "at_risk", 0, 3),
      project(2, "Research & Development", 2, "at_risk", 1, 3),
      project(3, "Renovations", 2, "done", 1, 2),
      project(5, "Home Construction", 6, "on_track", 0, 1),
    ],
    "project.task.type": [
      { id: 1, name: "New", project_ids: [1, 2, 3, 5] },
      { id: 2, name: "In Progress", project_ids: [1, 2, 3, 5] },
      { id: 3, name: "Done", project_ids: [1, 2, 3, 5] },
    ],
    "project.task": [
      task(20, "Furniture delivery", 1, "01_in_progress", -3, [6]),
      task(21, "Room planning", 1, "01_in_progress", 4, [6, 2]),
      task(22, "Lighting plan", 1, "04_waiting_normal", 10, []),
      task(23, "Planning and budget", 2, "1_done", -4, [2]),
      task(24, "Usability review", 2, "01_in_progress", 2, [2]),
      task(25, "Social network integration", 2, "01_in_progress", 6, [6]),
      task(30, "Paint the walls", 3, "01_in_progress", 5, [2]),
      task(31, "Remove the old floor", 3, "1_done", -10, [2]),
      task(40, "Foundations", 5, "01_in_progress", false, [6]),
      // the checklist of "Room planning": sub-tasks (kept out of the project's lists here)
      { ...task(26, "Measure the rooms", 0, "1_done", false, [6]), project_id: false, parent_id: 21 },
      { ...task(27, "Choose the desks", 0, "01_in_progress", 2, [2]), project_id: false, parent_id: 21 },
    ],
    "mrp.bom": [{ id: 6, product_tmpl_id: 46, product_id: false, type: "phantom", product_qty: 1, product_uom_id: 1, sequence: 1, bom_line_ids: [12, 13] }],
    "mrp.bom.line": [
      { id: 12, bom_id: 6, product_id: 61, product_qty: 1, product_uom_id: 1 },
      { id: 13, bom_id: 6, product_id: 62, product_qty: 4, product_uom_id: 1 },
    ],
    "ir.attachment": [
      { id: 90, name: "floor-plan.pdf", mimetype: "application/pdf", file_size: 182_000, create_date: "2026-11-02 08:00:00", res_model: "project.project", res_id: 1, index_content: "Floor plan of the open space: 24 desks, two meeting rooms, acoustic panels on the north wall." },
    ],
    "helpdesk.stage": [{ id: 1, name: "New", fold: false }, { id: 2, name: "In Progress", fold: false }, { id: 3, name: "Solved", fold: true }],
    "helpdesk.ticket": [
      { id: 1, name: "Chair wobbles", stage_id: 1, partner_id: 10, project_id: false, user_id: 2, create_date: "2026-11-20 09:00:00" },
      { id: 2, name: "Lamp flickers", stage_id: 2, partner_id: 10, project_id: 1, user_id: false, create_date: "2026-11-21 09:00:00" },
      { id: 3, name: "Invoice question", stage_id: 3, partner_id: 12, project_id: false, user_id: 2, create_date: "2026-11-10 09:00:00" },
    ],
    x_kit: [{ id: 1, x_name: "Starter Office Kit", x_line_ids: [1, 2], x_notes: false }, { id: 2, x_name: "Empty Kit", x_line_ids: [], x_notes: false }],
    x_kit_line: [{ id: 1, x_kit_id: 1, x_product_id: 5, x_quantity: 2 }, { id: 2, x_kit_id: 1, x_product_id: 6, x_quantity: 1 }],
    x_installation: [
      { id: 1, x_name: "INST/001 Deco Addict HQ", x_partner_id: 10, x_state: "in_progress", x_date: "2026-12-01" },
      { id: 2, x_name: "INST/002 Ready Mat depot", x_partner_id: 12, x_state: "installed", x_date: "2026-10-01" },
    ],
    x_document: [{ id: 1, x_name: "Site survey", x_project_id: 1, create_date: "2026-11-05 10:00:00" }],
    "mail.message": [
      { id: 500, model: "project.task", res_id: 20, message_type: "comment", date: "2026-11-18 10:00:00", body: "<p>The supplier moved the <b>furniture delivery</b> to next Tuesday because of a truck breakdown.</p>" },
      { id: 501, model: "project.project", res_id: 1, message_type: "comment", date: "2026-11-19 10:00:00", body: "<p>Customer asked for darker desks.</p>" },
    ] as Row[],
  } as Record<string, Row[]>;
}

/** A few French product names, as a database with French installed has them. */
const TRANSLATIONS: Record<string, Record<string, Record<number, string>>> = {
  fr_FR: { "product.product": { 5: "Chaise de bureau", 6: "Lampe de bureau" } },
};

const TAX_RATE = 0.15;
const USD = { id: 1, name: "USD", symbol: "$", position: "before" };

export type OdooDouble = {
  url: string;
  db: string;
  secret: string;
  /** Every write that went through /copilot/rpc, as the addon's copilot.action.log would hold it. */
  actionLog: { uid: number; model: string; method: string; ids: number[]; tool?: string; action_id?: string; client?: string }[];
  /** Every call the double served, to count round trips. */
  calls: { transport: "gateway" | "xmlrpc" | "json2"; model: string; method: string }[];
  /** Calls a tool made without declaring them (refused): a test expects none. */
  undeclared: string[];
  records(model: string): Row[];
  /** Answers every request after this many ms (to test timeouts). */
  setDelay(ms: number): void;
  /** Runs `hook` when the next call arrives, before it is answered. */
  onNextCall(hook: () => void): void;
  /**
   * What the addon does with a bridged call (docs/production.md): runs it as `uid`, in the
   * request waiting for the agent, and answers the reply to send back.
   */
  bridgeCall(uid: number, call: { key: string; model: string; method: string; args: unknown[]; kwargs: Record<string, unknown>; meta?: Record<string, unknown> }): {
    key: string;
    result?: unknown;
    error?: { name: string; message: string };
  };
  /** An MCP key of `uid`, as Odoo issues it (copilot.mcp.key): answers the key, shown once. */
  addMcpKey(key: { uid: number; name: string; scope: "read" | "write"; expired?: boolean }): string;
  revokeMcpKey(key: string): void;
  /** Settings › Copilot › MCP access. */
  setMcpEnabled(enabled: boolean): void;
  /** The tool policies Odoo sends (Settings › Copilot › Tools), for turns and MCP exchanges. */
  setToolPolicy(policy: Record<string, "confirm" | "auto" | "off">): void;
  /** Turn events the agent pushed to `/copilot/turn/push` (correctly signed, this database). */
  /** One entry per turn in a push; `request` numbers the push request that carried it (several turns share one). */
  pushes: { db: string; uid: number; turn_id: string; session_id: string; events: { seq: number; type: string }[]; last_seq: number; request: number; cookie?: string }[];
  close(): Promise<void>;
};

export async function startOdooDouble(options: { secret: string; db?: string }): Promise<OdooDouble> {
  const db = options.db ?? "copilot_demo";
  const data = seed();
  const actionLog: OdooDouble["actionLog"] = [];
  const calls: OdooDouble["calls"] = [];
  const undeclared: string[] = [];
  let delay = 0;
  let nextCallHook: (() => void) | undefined;
  const pushes: OdooDouble["pushes"] = [];
  let pushRequests = 0;
  const mcpKeys: { id: number; key: string; uid: number; name: string; scope: "read" | "write"; revoked: boolean; expired: boolean }[] = [];
  let mcpEnabled = true;
  let toolPolicy: Record<string, "confirm" | "auto" | "off"> = {};

  function execute(uid: number, model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): unknown {
    const user = USERS.find((u) => u.id === uid);
    if (!user) throw new OdooFault("odoo.exceptions.AccessDenied", "Access Denied");
    if (model === "copilot.capability" && method === "check") {
      return Object.fromEntries(
        (args[0] as string[]).map((name) => {
          const installed = name in data || ["stock.quant", "mail.message", "copilot.action.log"].includes(name);
          const allowed = installed && (user.sales || !name.startsWith("sale."));
          return [name, { installed, read: allowed, create: allowed, write: allowed }];
        }),
      );
    }
    if (model === "copilot.lookup" && method === "find") {
      // As the addon does: the records of each kind whose name holds one of the words, as the user.
      const sources: Record<string, [string, string[], string?]> = {
        product: ["product.product", ["name", "default_code", "display_name"], "default_code"],
        customer: ["res.partner", ["name"]],
        project: ["project.project", ["name"]],
        task: ["project.task", ["name"]],
        user: ["res.users", ["name"]],
      };
      const words = ((args[0] as string[]) ?? []).slice(0, 12);
      const references = ((kwargs.references as string[] | undefined) ?? []).slice(0, 12);
      const answer: Record<string, unknown> = {};
      for (const kind of (kwargs.kinds as string[] | undefined) ?? Object.keys(sources)) {
        const source = sources[kind];
        if (!source || !(source[0] in data)) continue;
        const initials = ["project", "customer"].includes(kind) ? ((kwargs.initials as string[] | undefined) ?? []).map((item) => ["name", "=ilike", `${item[0]}%`]) : [];
        const terms = [...words.map((word) => ["name", "ilike", word]), ...(source[2] ? references.map((ref) => [source[2], "=ilike", ref]) : []), ...initials];
        if (!terms.length) continue;
        answer[kind] = execute(uid, source[0], "search_read", [[...Array(terms.length - 1).fill("|"), ...terms]], { fields: source[1], limit: Number(kwargs.limit ?? 80) });
      }
      return answer;
    }
    if (model === "copilot.action.log" && method === "undo_action") {
      // As the addon does: reverse the action's writes, newest first, when nothing changed since.
      const entries = actionLog.filter((entry) => entry.action_id === args[0] && entry.uid === uid).reverse();
      if (!entries.length) throw new OdooFault("odoo.exceptions.UserError", "Nothing to undo for this action.");
      for (const entry of entries) {
        if (entry.model === "sale.order" && entry.method === "create") {
          const order = data["sale.order"]!.find((o) => o.id === entry.ids[0]);
          if (order && order.state !== "draft") throw new OdooFault("odoo.exceptions.UserError", `${order.name} was confirmed since: it cannot be undone here.`);
          data["sale.order"] = data["sale.order"]!.filter((o) => o.id !== entry.ids[0]);
        } else if (entry.model === "project.task" && entry.method === "create") {
          const task = data["project.task"]!.find((t) => t.id === entry.ids[0]);
          if (task) task.active = false;
        } else throw new OdooFault("odoo.exceptions.UserError", `${entry.model}.${entry.method} cannot be undone.`);
      }
      return { undone: true, message: "Undone." };
    }
    const table = data[model];
    if (!table) throw new OdooFault("builtins.KeyError", `Model ${model} does not exist`);
    if (model.startsWith("sale.") && !user.sales) {
      throw new OdooFault(
        "odoo.exceptions.AccessError",
        `You are not allowed to access 'Sales Order' (${model}) records.\n\nThis operation is allowed for the following groups:\n\t- Sales/User: Own Documents Only`,
      );
    }
    switch (method) {
      case "fields_get": {
        const selections = SELECTIONS[model];
        if (selections) {
          // Odoo's labels, in the context's language (the double knows English and French)
          const lang = String((kwargs.context as { lang?: string } | undefined)?.lang ?? "en_US").startsWith("fr") ? "fr" : "en";
          const wanted = (args[0] ?? kwargs.allfields) as string[] | undefined;
          return Object.fromEntries(
            Object.entries(selections)
              .filter(([field]) => !wanted?.length || wanted.includes(field))
              .map(([field, options]) => [field, { type: "selection", selection: options.map(([value, en, fr]) => [value, lang === "fr" ? fr : en]) }]),
          );
        }
        const fields = FIELDS[model];
        if (!fields) break;
        return fields;
      }
      case "search_read": {
        const domain = (args[0] ?? kwargs.domain ?? []) as Domain;
        // Translated names, as Odoo reads them in the context's language (its source is en_US).
        const lang = String((kwargs.context as { lang?: string } | undefined)?.lang ?? "en_US");
        const translated = TRANSLATIONS[lang]?.[model];
        const source = translated ? table.map((row) => (translated[row.id] ? { ...row, name: translated[row.id] } : row)) : table;
        let rows = source.filter((row) => matches(model, row, domain));
        if (typeof kwargs.order === "string") rows = sortRows(rows, kwargs.order);
        const offset = Number(kwargs.offset ?? 0);
        const limit = kwargs.limit ? Number(kwargs.limit) : undefined;
        rows = rows.slice(offset, limit ? offset + limit : undefined);
        return rows.map((row) => readRow(model, row, kwargs.fields as string[] | undefined));
      }
      case "search_count":
        return table.filter((row) => matches(model, row, (args[0] ?? []) as Domain)).length;
      case "read": {
        const ids = args[0] as number[];
        const fields = (args[1] ?? kwargs.fields) as string[] | undefined;
        return ids.map((id) => {
          const row = table.find((r) => r.id === id);
          if (!row) throw new OdooFault("odoo.exceptions.MissingError", `Record does not exist or has been deleted.\n(Record: ${model}(${id},))`);
          return readRow(model, row, fields);
        });
      }
      case "onchange": {
        if (model !== "sale.order") break;
        const [ids, values] = args as [number[], Record<string, unknown>];
        if (!ids.length) return { value: computeOrder(values) };
        // An existing order: its lines, with the commands applied, as the form would show them.
        const lines = applyLineCommands(ids[0]!, (values.order_line ?? []) as unknown[][], false);
        const computed = computeOrder({ order_line: lines.map((line) => [0, 0, line]) });
        return { value: { amount_untaxed: computed.amount_untaxed, amount_tax: computed.amount_tax, amount_total: computed.amount_total } };
      }
      case "create": {
        if (model === "project.task") {
          const values = args[0] as Record<string, unknown>;
          const id = (table.at(-1)?.id ?? 0) + 1;
          const users = ((values.user_ids ?? []) as [number, number, number[]][]).flatMap((command) => (command[0] === 6 ? command[2] : []));
          table.push({ id, stage_id: 1, state: "01_in_progress", priority: "0", date_deadline: false, ...values, user_ids: users, create_uid: uid });
          return id;
        }
        if (model !== "sale.order") break;
        const values = args[0] as Record<string, unknown>;
        const partner = data["res.partner"]!.find((p) => p.id === values.partner_id);
        if (!partner) throw new OdooFault("odoo.exceptions.ValidationError", "The customer does not exist.");
        const computed = computeOrder(values);
        const id = (table.at(-1)?.id ?? 0) + 1;
        const lineIds: number[] = [];
        for (const command of (values.order_line ?? []) as [number, number, Record<string, unknown>][]) {
          const lines = data["sale.order.line"]!;
          const lineId = (lines.at(-1)?.id ?? 0) + 1;
          lines.push({ id: lineId, order_id: id, ...command[2] });
          lineIds.push(lineId);
        }
        table.push({
          id,
          name: `S${String(id).padStart(5, "0")}`,
          date_order: "2026-11-23 09:00:00",
          validity_date: values.validity_date ?? false,
          currency_id: 1,
          partner_id: values.partner_id,
          state: "draft",
          user_id: uid,
          order_line: lineIds,
          amount_untaxed: computed.amount_untaxed,
          amount_tax: computed.amount_tax,
          amount_total: computed.amount_total,
        });
        return id;
      }
      case "write": {
        const [ids, values] = args as [number[], Record<string, unknown>];
        for (const row of table.filter((r) => ids.includes(r.id))) {
          const { order_line: commands, user_ids: users, ...rest } = values;
          if (model === "sale.order" && Array.isArray(commands)) {
            applyLineCommands(row.id, commands as unknown[][], true);
            const computed = computeOrder({ order_line: data["sale.order.line"]!.filter((l) => l.order_id === row.id).map((l) => [0, 0, l]) });
            Object.assign(row, { amount_untaxed: computed.amount_untaxed, amount_tax: computed.amount_tax, amount_total: computed.amount_total });
          }
          if (Array.isArray(users)) row.user_ids = (users as [number, number, number[]][]).flatMap((command) => (command[0] === 6 ? command[2] : []));
          Object.assign(row, rest);
        }
        return true;
      }
      case "action_quotation_sent": {
        for (const row of table.filter((r) => (args[0] as number[]).includes(r.id))) {
          if (row.state !== "draft") throw new OdooFault("odoo.exceptions.UserError", "Only draft orders can be marked as sent directly.");
          row.state = "sent";
        }
        return true;
      }
      case "message_post_with_source": {
        const messages = data["mail.message"]!;
        const id = (messages.at(-1)?.id ?? 0) + 1;
        messages.push({ id, model, res_id: (args[0] as number[])[0], template: args[1], author_uid: uid, message_type: kwargs.message_type });
        return [id];
      }
      case "action_confirm": {
        if (model !== "sale.order") break;
        for (const row of table.filter((r) => (args[0] as number[]).includes(r.id))) {
          if (row.state !== "draft" && row.state !== "sent") throw new OdooFault("odoo.exceptions.UserError", "Some orders are not in a state requiring confirmation.");
          row.state = "sale";
        }
        return true;
      }
      case "message_post": {
        const messages = data["mail.message"]!;
        const id = (messages.at(-1)?.id ?? 0) + 1;
        messages.push({ id, model, res_id: (args[0] as number[])[0], body: kwargs.body, author_uid: uid, subtype_xmlid: kwargs.subtype_xmlid });
        return id;
      }
    }
    throw new OdooFault("builtins.AttributeError", `The method '${model}.${method}' does not exist`);
  }

  /** The order's lines with one2many commands applied (0 create, 1 update, 2 delete); `save` writes them. */
  function applyLineCommands(orderId: number, commands: unknown[][], save: boolean): Row[] {
    const table = data["sale.order.line"]!;
    let lines = table.filter((line) => line.order_id === orderId).map((line) => ({ ...line }));
    for (const [op, id, values] of commands as [number, number, Record<string, unknown>][]) {
      if (op === 0) lines.push({ id: 0, order_id: orderId, price_unit: undefined, discount: 0, display_type: false, ...values } as Row);
      if (op === 1) lines = lines.map((line) => (line.id === id ? { ...line, ...values } : line));
      if (op === 2) lines = lines.filter((line) => line.id !== id);
    }
    if (save) {
      for (const line of lines.filter((l) => l.id === 0)) line.id = (table.at(-1)?.id ?? 0) + 1 + lines.indexOf(line);
      data["sale.order.line"] = [...table.filter((line) => line.order_id !== orderId), ...lines];
    }
    return lines;
  }

  function computeOrder(values: Record<string, unknown>) {
    const lines = ((values.order_line ?? []) as [number, unknown, Record<string, unknown>][]).map((command) => {
      const line = command[2];
      const product = data["product.product"]!.find((p) => p.id === line.product_id);
      if (!product) throw new OdooFault("odoo.exceptions.ValidationError", "Unknown product");
      const qty = Number(line.product_uom_qty ?? 1);
      const price = line.price_unit !== undefined && line.price_unit !== null ? Number(line.price_unit) : Number(product.lst_price);
      const discount = Number(line.discount ?? 0);
      const subtotal = round(qty * price * (1 - discount / 100));
      return [0, 0, {
        product_id: { id: product.id, display_name: displayName("product.product", product) },
        product_uom_qty: qty,
        price_unit: price,
        discount,
        price_subtotal: subtotal,
        price_total: round(subtotal * (1 + TAX_RATE)),
      }] as const;
    });
    const untaxed = round(lines.reduce((sum, [, , l]) => sum + l.price_subtotal, 0));
    const tax = round(untaxed * TAX_RATE);
    return { currency_id: USD, amount_untaxed: untaxed, amount_tax: tax, amount_total: round(untaxed + tax), order_line: lines };
  }

  function displayName(model: string, row: Row): string {
    if (model === "product.product") {
      const base = row.default_code ? `[${row.default_code}] ${row.name}` : String(row.name);
      return row.variant ? `${base} (${row.variant})` : base;
    }
    if (model === "res.partner" && row.parent_id) {
      const parent = data["res.partner"]!.find((p) => p.id === row.parent_id);
      return `${parent?.name}, ${row.name}`;
    }
    return String(row.name ?? row.x_name ?? "");
  }

  function readRow(model: string, row: Row, fields: string[] | undefined): Row {
    const names = fields?.length ? fields : Object.keys(row);
    const out: Row = { id: row.id };
    for (const field of names) {
      if (field === "display_name") out.display_name = displayName(model, row);
      else if (field === "child_ids" && model === "project.task") out.child_ids = data["project.task"]!.filter((t) => t.parent_id === row.id).map((t) => t.id);
      else if (field === "uom_id" || field === "product_uom_id") out[field] = [1, "Units"];
      else if ((FIELDS[model]?.[field]?.type === "many2one" || (!FIELDS[model] && field in MANY2ONE)) && field in row) {
        const relation = FIELDS[model]?.[field]?.relation ?? MANY2ONE[field]!;
        const target = (data[relation] ?? []).find((r) => r.id === row[field]);
        out[field] = target ? [target.id, displayName(relation, target)] : false;
      } else if (field in row) out[field] = row[field];
      else if (field !== "id") throw new OdooFault("builtins.ValueError", `Invalid field '${field}' on model '${model}'`);
    }
    return out;
  }

  function matches(model: string, row: Row, domain: Domain): boolean {
    const stack: boolean[] = [];
    for (let i = domain.length - 1; i >= 0; i -= 1) {
      const term = domain[i];
      if (term === "|" || term === "&") {
        const a = stack.pop() ?? true;
        const b = stack.pop() ?? true;
        stack.push(term === "|" ? a || b : a && b);
      } else if (term === "!") {
        stack.push(!(stack.pop() ?? true));
      } else {
        stack.push(leaf(model, row, term as [string, string, unknown]));
      }
    }
    return stack.every(Boolean);
  }

  function leaf(model: string, row: Row, [field, operator, value]: [string, string, unknown]): boolean {
    if (field === "task_ids.user_ids" && model === "project.project") {
      return data["project.task"]!.some((task) => task.project_id === row.id && leaf("project.task", task, ["user_ids", operator, value]));
    }
    if (operator === "child_of") {
      // Odoo takes one id or a list of ids
      const ids = Array.isArray(value) ? value : [value];
      const partner = data["res.partner"]!.find((p) => p.id === row[field]);
      return ids.includes(row[field]) || ids.includes(partner?.parent_id);
    }
    const actual = field === "display_name" ? displayName(model, row) : row[field];
    if (Array.isArray(actual) && (operator === "in" || operator === "=")) {
      const wanted = Array.isArray(value) ? value : [value];
      return actual.some((item) => wanted.includes(item));
    }
    const text = String(actual ?? "").toLowerCase();
    switch (operator) {
      case "=":
        return actual === value || (value === false && !actual);
      case "!=":
        return actual !== value;
      case "ilike":
        return actual !== false && text.includes(String(value).toLowerCase());
      case "=ilike":
        return actual !== false && likeToRegExp(String(value)).test(String(actual ?? ""));
      case "in":
        return (value as unknown[]).includes(actual);
      case "not in":
        return !(value as unknown[]).includes(actual);
      case "<":
        return actual !== false && String(actual) < String(value);
      case ">=":
        return actual !== false && String(actual) >= String(value);
      default:
        throw new OdooFault("builtins.ValueError", `Invalid operator ${operator}`);
    }
  }

  function runAllowed(uid: number, model: string, method: string, args: unknown[], kwargs: Record<string, unknown>, meta: Record<string, unknown>, transport: "gateway" | "bridge"): unknown {
    if (method.startsWith("_")) throw new OdooFault("odoo.exceptions.AccessError", `Private methods (such as ${method}) cannot be called.`);
    const allowed = ALLOWLIST[model];
    const isWrite = Boolean(allowed?.write.includes(method));
    if (!allowed || !(isWrite || allowed.read.includes(method))) {
      throw new OdooFault("odoo.exceptions.AccessError", `The copilot may not call ${model}.${method}.`);
    }
    calls.push({ transport: transport === "bridge" ? "gateway" : transport, model, method });
    // a tool may call what it declares only (its mapped business objects' models aside)
    const declared = typeof meta.tool === "string" ? catalog.find((tool) => tool.name === meta.tool) : undefined;
    if (declared && !declared.calls[model]?.includes(method) && !(declared.calls[model] === undefined && declared.roles?.length)) {
      undeclared.push(`${declared.name}: ${model}.${method}`);
      throw new OdooFault("odoo.exceptions.AccessError", `The tool ${declared.name} does not declare ${model}.${method}.`);
    }
    const result = execute(uid, model, method, args, kwargs);
    if (isWrite) {
      const { tool, action_id, client } = meta as { tool?: string; action_id?: string; client?: string };
      actionLog.push({ uid, model, method, ids: typeof result === "number" ? [result] : (args[0] as number[]), ...(tool ? { tool } : {}), ...(action_id ? { action_id } : {}), ...(client ? { client } : {}) });
    }
    return result;
  }

  function handlePush(req: IncomingMessage, body: string): number {
    const timestamp = String(req.headers["x-copilot-timestamp"] ?? "");
    const nonce = String(req.headers["x-copilot-nonce"] ?? "");
    const expected = sign(options.secret, { timestamp, nonce, method: "POST", path: "/copilot/turn/push", body });
    if (req.headers["x-copilot-signature"] !== expected) return 403;
    const payload = JSON.parse(body) as { db: string; turns: Omit<OdooDouble["pushes"][number], "db" | "cookie" | "request">[] };
    if (payload.db !== db || req.headers["x-odoo-database"] !== db) return 404;
    pushRequests += 1;
    for (const turn of payload.turns) pushes.push({ db: payload.db, ...turn, request: pushRequests, ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}) });
    return 200;
  }

  /** `/copilot/mcp/exchange` (copilot_mcp.py): a signed request of the agent, a key → its user and a token. */
  function handleMcpExchange(req: IncomingMessage, body: string): { status: number; answer: unknown } {
    const timestamp = String(req.headers["x-copilot-timestamp"] ?? "");
    const nonce = String(req.headers["x-copilot-nonce"] ?? "");
    const expected = sign(options.secret, { timestamp, nonce, method: "POST", path: "/copilot/mcp/exchange", body });
    if (req.headers["x-copilot-signature"] !== expected) return { status: 403, answer: { ok: false, code: "forbidden" } };
    const payload = JSON.parse(body) as { db?: string; key?: string };
    if (payload.db !== db) return { status: 403, answer: { ok: false, code: "forbidden" } };
    if (!mcpEnabled) return { status: 401, answer: { ok: false, code: "mcp_disabled", message: "MCP access is turned off for this database." } };
    const key = mcpKeys.find((candidate) => candidate.key === payload.key);
    const user = key && USERS.find((candidate) => candidate.id === key.uid);
    if (!key || !user || key.revoked || key.expired) return { status: 401, answer: { ok: false, code: "invalid_key", message: "This MCP key is not valid (unknown, revoked or expired)." } };
    const policy = Object.fromEntries(
      catalog
        .filter((tool) => key.scope === "write" || tool.risk === "read")
        .map((tool) => [tool.name, toolPolicy[tool.name] ?? (tool.risk === "read" ? "auto" : "confirm")]),
    );
    return {
      status: 200,
      answer: {
        ok: true,
        key: { id: key.id, name: key.name, scope: key.scope },
        user: { db, uid: user.id, name: user.name, lang: user.id === 2 ? "fr_FR" : "en_US", tz: "Europe/Brussels", company_id: 1, company_ids: [1] },
        tools: policy,
        models: {},
        delegation: mintDelegation(options.secret, { db, uid: user.id, sid: `mcp_key_${key.id}`, kid: key.id, scope: key.scope }),
        expires_in: 300,
      },
    };
  }

  async function handleGateway(body: string): Promise<unknown> {
    const request = JSON.parse(body) as { id?: unknown; params?: Record<string, unknown> };
    const params = request.params ?? {};
    try {
      const claims = verifyDelegation(options.secret, String(params.token ?? ""));
      if (!claims || claims.db !== db) throw new OdooFault("odoo.exceptions.AccessDenied", "Invalid or expired delegation token.");
      // as the addon: a token serves its conversation and, when it names one, its turn
      const meta = (params.meta ?? {}) as { session_id?: string; turn_id?: string };
      if ((claims.sid && meta.session_id !== claims.sid) || (claims.tid && meta.turn_id !== claims.tid)) {
        throw new OdooFault("odoo.exceptions.AccessDenied", "This token does not serve this conversation or turn.");
      }
      // as the addon (copilot_mcp.py): an MCP key's token serves while its key does, and a read key only reads
      let client: string | undefined;
      if (claims.kid !== undefined) {
        const key = mcpKeys.find((candidate) => candidate.id === claims.kid);
        if (!mcpEnabled || !key || key.revoked || key.expired || key.uid !== claims.uid) throw new OdooFault("odoo.exceptions.AccessDenied", "This MCP key is revoked, expired or unknown.");
        if (key.scope === "read" && ALLOWLIST[String(params.model)]?.write.includes(String(params.method))) {
          throw new OdooFault("odoo.exceptions.AccessError", "This MCP key can only read.");
        }
        client = key.name;
      }
      const result = runAllowed(
        claims.uid,
        String(params.model),
        String(params.method),
        (params.args ?? []) as unknown[],
        (params.kwargs ?? {}) as Record<string, unknown>,
        { ...((params.meta ?? {}) as Record<string, unknown>), ...(client ? { client } : {}) },
        "gateway",
      );
      return { jsonrpc: "2.0", id: request.id ?? null, result };
    } catch (error) {
      const fault = error instanceof OdooFault ? error : new OdooFault("builtins.Exception", String(error));
      return {
        jsonrpc: "2.0",
        id: request.id ?? null,
        error: { code: 200, message: "Odoo Server Error", data: { name: fault.odooName, message: fault.message, arguments: [fault.message] } },
      };
    }
  }

  function handleXmlRpc(path: string, req: IncomingMessage, res: ServerResponse): void {
    new Deserializer().deserializeMethodCall(req, (error, method, params) => {
      const reply = (xml: string) => {
        res.writeHead(200, { "Content-Type": "text/xml" });
        res.end(xml);
      };
      if (error) return reply(serializeFault({ faultCode: 1, faultString: String(error) }));
      try {
        if (path === "/xmlrpc/2/common" && method === "authenticate") {
          const [dbName, login, password] = params as [string, string, string];
          const user = USERS.find((u) => u.login === login && u.password === password);
          return reply(serializeMethodResponse(dbName === db && user ? user.id : false));
        }
        if (path === "/xmlrpc/2/object" && method === "execute_kw") {
          const [dbName, uid, password, model, name, args = [], kwargs = {}] = params as [string, number, string, string, string, unknown[], Record<string, unknown>];
          const user = USERS.find((u) => u.id === uid && u.password === password);
          if (dbName !== db || !user) throw new OdooFault("odoo.exceptions.AccessDenied", "Access Denied");
          if (name.startsWith("_")) throw new OdooFault("odoo.exceptions.AccessError", `Private methods (such as ${name}) cannot be called remotely.`);
          calls.push({ transport: "xmlrpc", model, method: name });
          return reply(serializeMethodResponse(execute(uid, model, name, args, kwargs)));
        }
        throw new OdooFault("builtins.Exception", `Unknown method ${method}`);
      } catch (caught) {
        const fault = caught instanceof OdooFault ? caught : new OdooFault("builtins.Exception", String(caught));
        // As Odoo answers: access errors (4), access denied (3) and user errors (2) carry the bare
        // message; anything else (1) a traceback ending with "<exception class>: <message>".
        const code = { "odoo.exceptions.AccessError": 4, "odoo.exceptions.AccessDenied": 3, "odoo.exceptions.UserError": 2, "odoo.exceptions.ValidationError": 2 }[fault.odooName];
        if (code) return reply(serializeFault({ faultCode: code, faultString: fault.message }));
        return reply(serializeFault({ faultCode: 1, faultString: `Traceback (most recent call last):\n  ...\n${fault.odooName}: ${fault.message}\n` }));
      }
    });
  }

  /** Odoo 19's JSON-2: named arguments, a bearer API key (here "key-<login>"), errors as HTTP statuses. */
  function handleJson2(path: string, req: IncomingMessage, body: string): { status: number; answer: unknown } {
    const [, , , model = "", method = ""] = path.split("/");
    const key = /^bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const user = USERS.find((u) => `key-${u.login}` === key);
    if (!user || req.headers["x-odoo-database"] !== db) return { status: 401, answer: { name: "werkzeug.exceptions.Unauthorized", message: "Invalid apikey" } };
    const { ids, context: _context, ...named } = JSON.parse(body || "{}") as Record<string, unknown>;
    const positional: Record<string, string[]> = {
      search_read: ["domain"], search_count: ["domain"], read: ["fields"], write: ["vals"], onchange: ["values", "field_names", "fields_spec"], check: ["model_names"],
    };
    const names = positional[method] ?? [];
    const args = [...(ids !== undefined ? [ids] : []), ...names.map((name) => named[name])];
    for (const name of names) delete named[name];
    if (method === "create") {
      args.push(...((named.vals_list as unknown[]) ?? []));
      delete named.vals_list;
    }
    try {
      if (method.startsWith("_")) throw new OdooFault("odoo.exceptions.AccessError", `Private methods (such as ${method}) cannot be called remotely.`);
      calls.push({ transport: "json2", model, method });
      const result = method === "create" ? args.map((values) => execute(user.id, model, "create", [values], named)) : execute(user.id, model, method, args, named);
      return { status: 200, answer: result };
    } catch (caught) {
      const fault = caught instanceof OdooFault ? caught : new OdooFault("builtins.Exception", String(caught));
      const status = /AccessError|AccessDenied/.test(fault.odooName) ? 403 : /UserError|ValidationError/.test(fault.odooName) ? 422 : 500;
      return { status, answer: { name: fault.odooName, message: fault.message } };
    }
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const hook = nextCallHook;
    nextCallHook = undefined;
    hook?.();
    const serve = () => {
      if (req.method === "POST" && path.startsWith("/json/2/")) {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => (body += chunk));
        req.on("end", () => {
          const { status, answer } = handleJson2(path, req, body);
          res.writeHead(status, { "Content-Type": "application/json" });
          res.end(JSON.stringify(answer));
        });
        return;
      }
      if (req.method === "POST" && path === "/copilot/rpc") {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => (body += chunk));
        req.on("end", () => {
          void handleGateway(body).then((answer) => {
            res.writeHead(200, { "Content-Type": "application/json" });
            res.end(JSON.stringify(answer));
          });
        });
        return;
      }
      if (req.method === "POST" && path === "/copilot/mcp/exchange") {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => (body += chunk));
        req.on("end", () => {
          const { status, answer } = handleMcpExchange(req, body);
          res.writeHead(status, { "Content-Type": "application/json" });
          res.end(JSON.stringify(answer));
        });
        return;
      }
      if (req.method === "POST" && path === "/copilot/turn/push") {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => (body += chunk));
        req.on("end", () => {
          const status = handlePush(req, body);
          res.writeHead(status, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ ok: status === 200 }));
        });
        return;
      }
      if (req.method === "POST" && path.startsWith("/xmlrpc/2/")) return handleXmlRpc(path, req, res);
      res.writeHead(404);
      res.end();
    };
    if (delay > 0) setTimeout(serve, delay);
    else serve();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    db,
    secret: options.secret,
    actionLog,
    calls,
    undeclared,
    records: (model) => data[model] ?? [],
    setDelay: (ms) => {
      delay = ms;
    },
    onNextCall: (hook) => {
      nextCallHook = hook;
    },
    pushes,
    addMcpKey({ uid, name, scope, expired }) {
      const id = mcpKeys.length + 1;
      const key = `ocmcp_${randomBytes(32).toString("hex")}_${Buffer.from(db).toString("base64url")}`;
      mcpKeys.push({ id, key, uid, name, scope, revoked: false, expired: Boolean(expired) });
      return key;
    },
    revokeMcpKey(key) {
      const found = mcpKeys.find((candidate) => candidate.key === key);
      if (found) found.revoked = true;
    },
    setMcpEnabled(enabled) {
      mcpEnabled = enabled;
    },
    setToolPolicy(policy) {
      toolPolicy = policy;
    },
    bridgeCall(uid, call) {
      try {
        return { key: call.key, result: runAllowed(uid, call.model, call.method, call.args, call.kwargs, call.meta ?? {}, "bridge") };
      } catch (error) {
        const fault = error instanceof OdooFault ? error : new OdooFault("builtins.Exception", String(error));
        return { key: call.key, error: { name: fault.odooName, message: fault.message } };
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `order` as Odoo reads it: "field [asc|desc], …"; false sorts first, as NULLs do ascending. */
function sortRows(rows: Row[], order: string): Row[] {
  const keys = order.split(",").map((part) => {
    const [field, direction] = part.trim().split(/\s+/);
    return { field: field!, sign: direction?.toLowerCase() === "desc" ? -1 : 1 };
  });
  const value = (row: Row, field: string) => (row[field] === false || row[field] === undefined ? "" : row[field]);
  return [...rows].sort((a, b) => {
    for (const { field, sign } of keys) {
      const x = value(a, field);
      const y = value(b, field);
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      if (cmp) return cmp * sign;
    }
    return a.id - b.id;
  });
}

function likeToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === "\\" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
    else if (char === "%") source += ".*";
    else if (char === "_") source += ".";
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, "is");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

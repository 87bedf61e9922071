import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Deserializer from "xmlrpc/lib/deserializer.js";
import { serializeFault, serializeMethodResponse } from "xmlrpc/lib/serializer.js";
import { verifyDelegation } from "./delegation.js";

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

const ALLOWLIST: Record<string, { read: string[]; write: string[] }> = {
  "res.partner": { read: ["search_read", "read", "search_count", "name_search"], write: [] },
  "product.product": { read: ["search_read", "read", "search_count", "name_search"], write: [] },
  "sale.order": { read: ["search_read", "read", "search_count", "onchange"], write: ["create", "write"] },
  "sale.order.line": { read: ["search_read", "read"], write: [] },
};

function seed() {
  const partners: Row[] = [
    { id: 10, name: "Deco Addict", is_company: true, parent_id: false, email: "deco.addict82@example.com", city: "Pleasant Hill", ref: false },
    { id: 11, name: "Gemini Furniture", is_company: true, parent_id: false, email: "gemini.furniture39@example.com", city: "Fairfield", ref: false },
    { id: 12, name: "Ready Mat", is_company: true, parent_id: false, email: "ready.mat28@example.com", city: "Tracy", ref: false },
    { id: 14, name: "The Jackson Group", is_company: true, parent_id: false, email: "jackson.group82@example.com", city: "Stockton", ref: false },
    { id: 15, name: "Azure Interior", is_company: true, parent_id: false, email: "azure.Interior24@example.com", city: "Fremont", ref: false },
    { id: 16, name: "Lumber Inc", is_company: true, parent_id: false, email: "lumber-inv92@example.com", city: "Stockton", ref: false },
    { id: 26, name: "Brandon Freeman", is_company: false, parent_id: 15, email: "brandon.freeman55@example.com", city: "Fremont", ref: false },
  ];
  const product = (id: number, name: string, code: string | false, price: number, onHand = 0, forecast = onHand, variant = ""): Row => ({
    id, name, default_code: code, lst_price: price, qty_available: onHand, virtual_available: forecast, uom_id: 1, sale_ok: true, variant,
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
  return {
    "res.partner": partners,
    "product.product": products,
    "sale.order": [] as Row[],
    "sale.order.line": [] as Row[],
  } as Record<string, Row[]>;
}

const TAX_RATE = 0.15;
const USD = { id: 1, name: "USD", symbol: "$", position: "before" };

export type OdooDouble = {
  url: string;
  db: string;
  secret: string;
  /** Every write that went through /copilot/rpc, as the addon's copilot.action.log would hold it. */
  actionLog: { uid: number; model: string; method: string; ids: number[]; tool?: string; action_id?: string }[];
  /** Every call the double served, to count round trips. */
  calls: { transport: "gateway" | "xmlrpc"; model: string; method: string }[];
  records(model: string): Row[];
  /** Answers every request after this many ms (to test timeouts). */
  setDelay(ms: number): void;
  close(): Promise<void>;
};

export async function startOdooDouble(options: { secret: string; db?: string }): Promise<OdooDouble> {
  const db = options.db ?? "copilot_demo";
  const data = seed();
  const actionLog: OdooDouble["actionLog"] = [];
  const calls: OdooDouble["calls"] = [];
  let delay = 0;

  function execute(uid: number, model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): unknown {
    const user = USERS.find((u) => u.id === uid);
    if (!user) throw new OdooFault("odoo.exceptions.AccessDenied", "Access Denied");
    const table = data[model];
    if (!table) throw new OdooFault("builtins.KeyError", `Model ${model} does not exist`);
    if (model.startsWith("sale.") && !user.sales) {
      throw new OdooFault(
        "odoo.exceptions.AccessError",
        `You are not allowed to access 'Sales Order' (${model}) records.\n\nThis operation is allowed for the following groups:\n\t- Sales/User: Own Documents Only`,
      );
    }
    switch (method) {
      case "search_read": {
        const domain = (args[0] ?? kwargs.domain ?? []) as Domain;
        let rows = table.filter((row) => matches(model, row, domain));
        if (typeof kwargs.order === "string" && kwargs.order.includes("name")) rows = [...rows].sort((a, b) => String(a.name).localeCompare(String(b.name)));
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
      case "onchange":
        if (model !== "sale.order") break;
        return { value: computeOrder(args[1] as Record<string, unknown>) };
      case "create": {
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
        for (const row of table.filter((r) => ids.includes(r.id))) Object.assign(row, values);
        return true;
      }
    }
    throw new OdooFault("builtins.AttributeError", `The method '${model}.${method}' does not exist`);
  }

  function computeOrder(values: Record<string, unknown>) {
    const lines = ((values.order_line ?? []) as [number, unknown, Record<string, unknown>][]).map((command) => {
      const line = command[2];
      const product = data["product.product"]!.find((p) => p.id === line.product_id);
      if (!product) throw new OdooFault("odoo.exceptions.ValidationError", "Unknown product");
      const qty = Number(line.product_uom_qty ?? 1);
      const price = line.price_unit !== undefined ? Number(line.price_unit) : Number(product.lst_price);
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
    return String(row.name ?? "");
  }

  function readRow(model: string, row: Row, fields: string[] | undefined): Row {
    const names = fields?.length ? fields : Object.keys(row);
    const out: Row = { id: row.id };
    for (const field of names) {
      if (field === "display_name") out.display_name = displayName(model, row);
      else if (field === "uom_id") out.uom_id = [1, "Units"];
      else if (field === "partner_id" || field === "parent_id") {
        const partner = data["res.partner"]!.find((p) => p.id === row[field]);
        out[field] = partner ? [partner.id, displayName("res.partner", partner)] : false;
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
    const actual = field === "display_name" ? displayName(model, row) : row[field];
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
      default:
        throw new OdooFault("builtins.ValueError", `Invalid operator ${operator}`);
    }
  }

  async function handleGateway(body: string): Promise<unknown> {
    const request = JSON.parse(body) as { id?: unknown; params?: Record<string, unknown> };
    const params = request.params ?? {};
    try {
      const claims = verifyDelegation(options.secret, String(params.token ?? ""));
      if (!claims || claims.db !== db) throw new OdooFault("odoo.exceptions.AccessDenied", "Invalid or expired delegation token.");
      const model = String(params.model);
      const method = String(params.method);
      if (method.startsWith("_")) throw new OdooFault("odoo.exceptions.AccessError", `Private methods (such as ${method}) cannot be called.`);
      const allowed = ALLOWLIST[model];
      const isWrite = Boolean(allowed?.write.includes(method));
      if (!allowed || !(isWrite || allowed.read.includes(method))) {
        throw new OdooFault("odoo.exceptions.AccessError", `The copilot may not call ${model}.${method}.`);
      }
      calls.push({ transport: "gateway", model, method });
      const result = execute(claims.uid, model, method, (params.args ?? []) as unknown[], (params.kwargs ?? {}) as Record<string, unknown>);
      if (isWrite) {
        const meta = (params.meta ?? {}) as { tool?: string; action_id?: string };
        actionLog.push({ uid: claims.uid, model, method, ids: typeof result === "number" ? [result] : ((params.args as unknown[])[0] as number[]), ...meta });
      }
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
        // Odoo's fault string is a traceback ending with "<exception class>: <message>".
        return reply(serializeFault({ faultCode: 1, faultString: `Traceback (most recent call last):\n  ...\n${fault.odooName}: ${fault.message}\n` }));
      }
    });
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const serve = () => {
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
    records: (model) => data[model] ?? [],
    setDelay: (ms) => {
      delay = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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

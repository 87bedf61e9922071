import { z } from "zod";
import type { CallMeta, OdooClient, OdooRecord } from "./odoo-client.js";

/**
 * Which Odoo model plays each business object, for ERPs that extend Odoo with their own (the
 * brief's ERP has Kit, Installation, Ticket and Doc objects). An Odoo administrator sets it in
 * Settings; the addon sends it with every turn, already checked: each model is installed, and
 * `null` means the database has nothing playing that role. Without the addon (the xmlrpc
 * transport) the defaults below apply.
 */
export const MODEL_ROLES = ["kit", "ticket", "document", "installation"] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];
export type ModelMap = Record<ModelRole, string | null>;

/** Odoo's own models: kits are `mrp.bom` (kit type first), documents attachments; Community has no ticket. */
export const DEFAULT_MODELS: ModelMap = { kit: "mrp.bom", ticket: null, document: "ir.attachment", installation: null };

const modelName = z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*$/, "is not an Odoo model name").max(128);

/** The `models` object of a turn: a role left out keeps its default. */
export const modelMapSchema = z.object(Object.fromEntries(MODEL_ROLES.map((role) => [role, modelName.nullable().optional()])) as Record<ModelRole, z.ZodOptional<z.ZodNullable<typeof modelName>>>);

export function withDefaults(sent: Partial<Record<ModelRole, string | null | undefined>> | undefined): ModelMap {
  const map = { ...DEFAULT_MODELS };
  for (const role of MODEL_ROLES) if (sent && sent[role] !== undefined) map[role] = sent[role] ?? null;
  return map;
}

/** The models a role needs in this mapping: Odoo's kits also read their lines. */
export function roleModels(role: ModelRole, map: ModelMap): string[] {
  const model = map[role];
  if (!model) return [];
  return model === "mrp.bom" ? ["mrp.bom", "mrp.bom.line"] : [model];
}

/** A short stable text of a mapping, for cache keys. */
export function mapKey(map: ModelMap): string {
  return MODEL_ROLES.map((role) => map[role] ?? "-").join(",");
}

// ------------------------------------------------------------------
// Reading a model the copilot does not know in advance
// ------------------------------------------------------------------

export type FieldInfo = { type: string; string: string; relation?: string; selection?: [string, string][]; store?: boolean };
export type Fields = Record<string, FieldInfo>;

/** The model's fields as `fields_get` describes them (one call). */
export async function fieldsOf(odoo: OdooClient, model: string, meta?: CallMeta): Promise<Fields> {
  return odoo.call<Fields>(model, "fields_get", [], { attributes: ["type", "string", "relation", "selection", "store"] }, meta);
}

/** The field that names a record: `name`, a custom model's `x_name`, else the first stored text field. */
export function nameField(fields: Fields): string {
  if (fields.name) return "name";
  if (fields.x_name) return "x_name";
  return Object.entries(fields).find(([, info]) => info.type === "char" && info.store !== false)?.[0] ?? "display_name";
}

const AUDIT_FIELDS = new Set(["create_uid", "write_uid", "create_date", "write_date", "message_partner_ids", "message_follower_ids", "activity_user_id"]);

/** The first field of `fields` that is stored, of one of these types, and (when given) points to `relation`. */
function pick(fields: Fields, candidates: string[], types: string[], relation?: string): string | undefined {
  const ok = (name: string) => {
    const info = fields[name];
    return Boolean(info && info.store !== false && types.includes(info.type) && (!relation || info.relation === relation));
  };
  const named = candidates.find(ok);
  if (named) return named;
  // Any other field pointing there, but not Odoo's bookkeeping (who created or last wrote it).
  return relation ? Object.keys(fields).find((name) => !AUDIT_FIELDS.has(name) && ok(name)) : undefined;
}

/** What a generic list shows of a record and filters on, found from the field names and types. */
export type Layout = {
  name: string;
  stage?: string | undefined;
  state?: string | undefined;
  partner?: string | undefined;
  project?: string | undefined;
  assignee?: string | undefined;
  date?: string | undefined;
  product?: string | undefined;
  quantity?: string | undefined;
};

export function layoutOf(fields: Fields): Layout {
  return {
    name: nameField(fields),
    stage: pick(fields, ["stage_id", "x_stage_id", "x_studio_stage_id"], ["many2one"]),
    state: pick(fields, ["state", "x_state", "x_studio_state", "kanban_state"], ["selection"]),
    partner: pick(fields, ["partner_id", "x_partner_id", "customer_id", "x_customer_id"], ["many2one"], "res.partner"),
    project: pick(fields, ["project_id", "x_project_id"], ["many2one"], "project.project"),
    assignee: pick(fields, ["user_id", "user_ids", "x_user_id", "x_user_ids"], ["many2one", "many2many"], "res.users"),
    date: pick(fields, ["date_deadline", "x_date_deadline", "date", "x_date", "installation_date", "x_installation_date", "create_date"], ["date", "datetime"]),
    product: pick(fields, ["product_id", "x_product_id"], ["many2one"], "product.product"),
    quantity: pick(fields, ["product_qty", "quantity", "product_uom_qty", "qty", "x_quantity", "x_qty", "x_product_qty"], ["float", "integer"]),
  };
}

/** A kit's lines in a custom model: its first one2many whose lines name a product. */
export async function kitLines(odoo: OdooClient, fields: Fields, meta?: CallMeta): Promise<{ field: string; model: string; layout: Layout } | undefined> {
  for (const [field, info] of Object.entries(fields)) {
    if (info.type !== "one2many" || !info.relation) continue;
    const lineFields = await fieldsOf(odoo, info.relation, meta);
    const layout = layoutOf(lineFields);
    if (layout.product) return { field, model: info.relation, layout };
  }
  return undefined;
}

/** A selection value as its label (`"in_progress"` → `"In Progress"`). */
export function selectionLabel(fields: Fields, field: string, value: unknown): string {
  const found = fields[field]?.selection?.find(([key]) => key === value);
  return found ? found[1] : value === false || value === null || value === undefined ? "" : String(value);
}

/** The field values of a record the generic tools need. */
export function layoutFields(layout: Layout): string[] {
  return [...new Set(["display_name", ...Object.values(layout).filter((name): name is string => Boolean(name))])];
}

export type { OdooRecord };

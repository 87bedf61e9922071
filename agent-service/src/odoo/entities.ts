import type { Lang } from "../i18n.js";
import { clarifyUnresolved, type Kind } from "../tools/clarify.js";
import type { ToolOutcome } from "../tools/types.js";
import type { CallMeta, OdooClient, OdooDomain } from "./odoo-client.js";
import { resolveMany, type Candidate, type EntitySpec } from "./resolve.js";

/** How each kind of record the user names is found. One place, shared by every tool. */
export const entities = {
  customer: { model: "res.partner", fields: ["is_company", "parent_id"], fullNameField: "complete_name", prefer: (r) => !r.parent_id },
  product: { model: "product.product", codeField: "default_code", fields: [] },
  project: { model: "project.project", fields: ["user_id"] },
  task: { model: "project.task", fields: ["project_id", "stage_id"] },
  quotation: { model: "sale.order", fields: ["partner_id", "state", "amount_total"], reference: true },
  user: { model: "res.users", fields: ["login"], codeField: "login" },
  stage: { model: "project.task.type", fields: [] },
  warehouse: { model: "stock.warehouse", codeField: "code", fields: ["code"] },
} satisfies Record<EntityKind, EntitySpec>;

/** Kinds whose model is fixed; the mapped ones (kit, ticket, installation) are found with `findWith`. */
export type EntityKind = Exclude<Kind, "kit" | "ticket" | "installation">;

export type Found = { ok: true; match: Candidate } | { ok: false; question: Extract<ToolOutcome, { kind: "clarify" }> };

/** One name to one record, or the question to ask. `domain` narrows the search (e.g. a project's tasks). */
export async function findOne(
  odoo: OdooClient,
  kind: EntityKind,
  query: string,
  options: { lang: Lang; meta: CallMeta; domain?: OdooDomain; fields?: string[] },
): Promise<Found> {
  return findWith(odoo, kind, entities[kind], query, options);
}

/** The same, for a record of a model known only at run time (a mapped Kit, Ticket…). */
export async function findWith(
  odoo: OdooClient,
  kind: Kind,
  base: EntitySpec,
  query: string,
  options: { lang: Lang; meta: CallMeta; domain?: OdooDomain; fields?: string[] },
): Promise<Found> {
  const spec: EntitySpec = {
    ...base,
    fields: [...base.fields, ...(options.fields ?? [])],
    domain: [...(base.domain ?? []), ...(options.domain ?? [])],
  };
  const [resolution] = await resolveMany(odoo, spec, [query], options.meta);
  if (resolution!.status === "found") return { ok: true, match: resolution!.match };
  return { ok: false, question: clarifyUnresolved(options.lang, [{ kind, model: spec.model, resolution: resolution! }])! };
}

import { z } from "zod";
import { say, type Lang } from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { DEFAULT_MODELS, fieldsOf, layoutFields, layoutOf, selectionLabel, type Fields, type Layout, type ModelRole } from "../odoo/model-map.js";
import type { OdooDomain, OdooRecord } from "../odoo/odoo-client.js";
import { m2oName, markdownTable, moreHint, recordLink } from "./format.js";
import { defineTool, type ToolContext, type ToolOutcome } from "./types.js";

/**
 * Tickets and installations: business objects Odoo Community does not have, played by whatever
 * model the administrator maps in Settings (`helpdesk.ticket` by default when Helpdesk is
 * installed, an ERP's own `x_installation`…). What to show and filter on is found from the
 * model's fields (`fields_get`): its name, stage or state, customer, project, assignee, date.
 */
export const listMappedInputSchema = z.object({
  query: z.string().trim().min(1).max(200).optional().describe("Words of the record's name or reference"),
  project: z.string().trim().min(1).max(200).optional().describe("Only those of this project (name as the user said it)"),
  customer: z.string().trim().min(1).max(200).optional().describe("Only those of this customer (name as the user said it)"),
  open_only: z.boolean().default(true).describe("Only those not closed, done or cancelled (default true)"),
  limit: z.number().int().min(1).max(50).default(20).describe("How many at most"),
});

type Texts = Record<"none" | "found" | "noFilter", Record<Lang, string>>;

/** Selection values that mean a record is finished, whatever the model. */
const CLOSED_STATES = /^(done|closed?|cancel(led)?|solved|resolved|finished|installed|1_done|1_canceled)$/;

async function listMapped(role: ModelRole, texts: Texts, args: z.output<typeof listMappedInputSchema>, ctx: ToolContext): Promise<ToolOutcome> {
  const { odoo, lang, fmt, meta } = ctx;
  const model = (ctx.models ?? DEFAULT_MODELS)[role];
  if (!model) return { kind: "answer", text: say(lang, texts.none, { where: "" }), data: { records: [] } };
  const fields = await fieldsOf(odoo, model, meta);
  const layout = layoutOf(fields);
  const domain: OdooDomain = [];
  const where: string[] = [];
  for (const [value, field, kind] of [
    [args.project, layout.project, "project"],
    [args.customer, layout.partner, "customer"],
  ] as const) {
    if (!value) continue;
    if (!field) return { kind: "answer", text: say(lang, texts.noFilter, { what: value }), data: { records: [] } };
    const found = await findOne(odoo, kind, value, { lang, meta });
    if (!found.ok) return found.question;
    domain.push([field, kind === "customer" ? "child_of" : "=", found.match.id]);
    where.push(`**${found.match.name}**`);
  }
  if (args.query) domain.push([layout.name, "ilike", args.query]);
  if (args.open_only) domain.push(...(await openDomain(ctx, fields, layout)));
  const rows = await odoo.searchRead(model, domain, { fields: layoutFields(layout), limit: args.limit + 1, order: "id desc" }, meta);
  const shown = rows.slice(0, args.limit);
  const suffix = where.length ? ` (${where.join(", ")})` : "";
  if (!shown.length) return { kind: "answer", text: say(lang, texts.none, { where: suffix }), data: { model, records: [] } };
  const columns = (["stage", "state", "partner", "project", "assignee", "date"] as const)
    .filter((key) => layout[key] && !(key === "state" && layout.stage))
    .map((key) => layout[key]!);
  const cell = (row: OdooRecord, field: string): string => {
    const info = fields[field]!;
    const value = row[field];
    if (info.type === "many2one") return m2oName(value) ?? "";
    if (info.type === "many2many") return Array.isArray(value) ? `${value.length}` : "";
    if (info.type === "selection") return selectionLabel(fields, field, value);
    if (info.type === "date" || info.type === "datetime") return fmt.date(value);
    return value === false || value === null || value === undefined ? "" : String(value);
  };
  const table = markdownTable(
    [fields[layout.name]?.string ?? "Name", ...columns.map((field) => fields[field]?.string ?? field)],
    shown.map((row) => [recordLink(model, row.id, String(row.display_name ?? row[layout.name] ?? `#${row.id}`)), ...columns.map((field) => cell(row, field))]),
  );
  const records = shown.map((row) => ({ id: row.id, name: String(row.display_name ?? ""), ...Object.fromEntries(columns.map((field) => [field, cell(row, field)])) }));
  return {
    kind: "answer",
    text: [say(lang, texts.found, { where: suffix }), "", table, ...moreHint(lang, rows.length > args.limit)].join("\n"),
    data: { model, records, more: rows.length > args.limit },
  };
}

/** Not closed: a stage that is not folded (Odoo's "closed" column), or a state that is not final. */
async function openDomain({ odoo, meta }: ToolContext, fields: Fields, layout: Layout): Promise<OdooDomain> {
  const stageModel = layout.stage ? fields[layout.stage]?.relation : undefined;
  if (layout.stage && stageModel) {
    const stageFields = await fieldsOf(odoo, stageModel, meta);
    if (stageFields.fold) {
      const folded = await odoo.searchRead(stageModel, [["fold", "=", true]], { fields: ["id"], limit: 200 }, meta);
      return folded.length ? [[layout.stage, "not in", folded.map((stage) => stage.id)]] : [];
    }
  }
  if (layout.state) {
    const closed = (fields[layout.state]?.selection ?? []).map(([key]) => key).filter((key) => CLOSED_STATES.test(key));
    if (closed.length) return [[layout.state, "not in", closed]];
  }
  return fields.active ? [["active", "=", true]] : [];
}

export const listTicketsTool = defineTool({
  name: "list_tickets",
  description: {
    en: "List support tickets (open ones by default), of a project or a customer, or by words of their title.",
    fr: "Lister les tickets de support (ouverts par défaut), d'un projet ou d'un client, ou par mots de leur titre.",
  },
  schema: listMappedInputSchema,
  risk: "read",
  models: [],
  records: { project: "project", customer: "customer" },
  calls: { "project.project": ["search_read"], "res.partner": ["search_read"] },
  phrases: {
    en: [
      "(show|list) [the] [open|all] [support|helpdesk] tickets [of|for] [{customer}]",
      "tickets (of|for|on) [project] {project}",
      "(open|my) tickets",
    ],
    fr: [
      "(montre|liste|affiche) les tickets [ouverts] [de|du client|pour] [{customer}]",
      "tickets (du|de) [projet] {project}",
      "(mes|les) tickets [ouverts]",
    ],
  },
  presentation: { running: { en: "Reading tickets…", fr: "Lecture des tickets…" }, done: { en: "Tickets read", fr: "Tickets lus" }, title: { en: "Tickets {project}{customer}{query}", fr: "Tickets {project}{customer}{query}" }, card: true },
  roles: ["ticket"],
  run: (args, ctx) =>
    listMapped("ticket", {
      none: { en: "No ticket found{where}.", fr: "Aucun ticket trouvé{where}." },
      found: { en: "Tickets{where}:", fr: "Tickets{where} :" },
      noFilter: { en: "Tickets cannot be filtered by **{what}** in this database.", fr: "Les tickets ne peuvent pas être filtrés par **{what}** dans cette base." },
    }, args, ctx),
});

export const listInstallationsTool = defineTool({
  name: "list_installations",
  description: {
    en: "List installations (open ones by default), of a project or a customer, or by words of their name.",
    fr: "Lister les installations (en cours par défaut), d'un projet ou d'un client, ou par mots de leur nom.",
  },
  schema: listMappedInputSchema,
  risk: "read",
  models: [],
  records: { project: "project", customer: "customer" },
  calls: { "project.project": ["search_read"], "res.partner": ["search_read"] },
  phrases: {
    en: [
      "(show|list) [the] [all] installations [of|for|at] [{customer}]",
      "installations (of|for|at) {customer}",
    ],
    fr: [
      "quelles installations sont [encore] en cours chez {customer}",
      "(installations|chantiers) (de|chez) {customer}",
      "(montre|liste|affiche) les installations [de|chez|du client] [{customer}]",
      "installations (de|chez) {customer}",
    ],
  },
  presentation: { running: { en: "Reading installations…", fr: "Lecture des installations…" }, done: { en: "Installations read", fr: "Installations lues" }, title: { en: "Installations {project}{customer}{query}", fr: "Installations {project}{customer}{query}" }, card: true },
  roles: ["installation"],
  run: (args, ctx) =>
    listMapped("installation", {
      none: { en: "No installation found{where}.", fr: "Aucune installation trouvée{where}." },
      found: { en: "Installations{where}:", fr: "Installations{where} :" },
      noFilter: { en: "Installations cannot be filtered by **{what}** in this database.", fr: "Les installations ne peuvent pas être filtrées par **{what}** dans cette base." },
    }, args, ctx),
});

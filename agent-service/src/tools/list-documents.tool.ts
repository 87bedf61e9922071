import { z } from "zod";
import { say } from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { DEFAULT_MODELS, fieldsOf, layoutOf } from "../odoo/model-map.js";
import type { OdooDomain } from "../odoo/odoo-client.js";
import { linkLabel, markdownTable, moreHint, recordLink } from "./format.js";
import { defineTool, type ToolContext } from "./types.js";

export const listDocumentsInputSchema = z.object({
  project: z.string().trim().min(1).max(200).describe("The project's name as the user said it"),
  limit: z.number().int().min(1).max(50).default(20).describe("How many documents at most"),
});

const texts = {
  none: { en: "No document is attached to **{project}** or its tasks.", fr: "Aucun document n'est joint à **{project}** ni à ses tâches." },
  found: { en: "Documents of **{project}**:", fr: "Documents de **{project}** :" },
  headers: { en: "Document|Type|Size|Date", fr: "Document|Type|Taille|Date" },
};

export const listDocumentsTool = defineTool({
  name: "list_documents",
  description: {
    en: "List the documents attached to a project and its tasks, with links to download them.",
    fr: "Lister les documents joints à un projet et à ses tâches, avec leurs liens de téléchargement.",
  },
  schema: listDocumentsInputSchema,
  risk: "read",
  models: ["project.project"],
  records: { project: "project" },
  calls: { "project.project": ["search_read"], "project.task": ["search_read"], "ir.attachment": ["search_read"] },
  phrases: {
    en: [
      "(documents|files|attachments) (for|of|on) the {project} project",
      "(documents|files|attachments) of {project}",
      "(show|list|which|what) [me] [the] (documents|files|attachments|docs|pdfs) (of|in|for|on|attached to) [the] [project] {project}",
      "(what|which) (documents|files|attachments) (are|do we have) (attached to|in|on|for) [project] {project}",
      "{project} (documents|files|attachments)",
      "(any|are there) (documents|files) (in|on) [project] {project}",
    ],
    fr: [
      "(pièces jointes|documents|fichiers) (de|du|d') [projet] {project}",
      "(montre|liste|affiche)[-moi] [les] (documents|fichiers|pièces jointes|docs) (du|de|dans le|pour le|sur le) [projet] {project}",
      "(quels|quelles) (documents|fichiers|pièces jointes) (sont attachés à|sont dans|a|sont joints à) [le projet] {project}",
      "{project} (documents|fichiers|pièces jointes)",
      "(y a-t-il|est-ce qu'il y a) des (documents|fichiers) (dans|sur) [le projet] {project}",
    ],
  },
  presentation: { running: { en: "Reading documents…", fr: "Lecture des documents…" }, done: { en: "Documents read", fr: "Documents lus" }, title: { en: "Documents of {project}", fr: "Documents de {project}" }, card: true },
  roles: ["document"],
  async run({ project, limit }, ctx) {
    const { odoo, lang, fmt, meta } = ctx;
    const found = await findOne(odoo, "project", project, { lang, meta });
    if (!found.ok) return found.question;
    const documentModel = (ctx.models ?? DEFAULT_MODELS).document;
    if (documentModel && documentModel !== "ir.attachment") return listMappedDocuments(documentModel, found.match, limit, ctx);
    const tasks = await odoo.searchRead("project.task", [["project_id", "=", found.match.id]], { fields: ["id"], limit: 500 }, meta);
    const rows = await odoo.searchRead(
      "ir.attachment",
      ["|", "&", ["res_model", "=", "project.project"], ["res_id", "=", found.match.id], "&", ["res_model", "=", "project.task"], ["res_id", "in", tasks.map((t) => t.id)]],
      { fields: ["name", "mimetype", "file_size", "create_date", "res_model", "res_id"], limit: limit + 1, order: "create_date desc" },
      meta,
    );
    const shown = rows.slice(0, limit);
    const documents = shown.map((row) => ({ id: row.id, name: String(row.name), mimetype: row.mimetype, size: row.file_size, url: `/web/content/${row.id}?download=true` }));
    if (!documents.length) return { kind: "answer", text: say(lang, texts.none, { project: found.match.name }), data: { documents } };
    const table = markdownTable(
      say(lang, texts.headers).split("|"),
      shown.map((row) => [`[${linkLabel(String(row.name))}](/web/content/${row.id}?download=true)`, row.mimetype, humanSize(Number(row.file_size ?? 0)), fmt.date(row.create_date)]),
      ["l", "l", "r", "l"],
    );
    return { kind: "answer", text: [say(lang, texts.found, { project: found.match.name }), "", table, ...moreHint(lang, rows.length > limit)].join("\n"), data: { documents, more: rows.length > limit } };
  },
});

/**
 * Documents of the model the administrator mapped (an ERP's own Doc object): those linked to the
 * project by a many2one to it, or to its tasks, or attached to either (`res_model`/`res_id`).
 */
async function listMappedDocuments(model: string, project: { id: number; name: string }, limit: number, { odoo, lang, fmt, meta }: ToolContext) {
  const fields = await fieldsOf(odoo, model, meta);
  const layout = layoutOf(fields);
  const taskField = Object.keys(fields).find((name) => fields[name]!.type === "many2one" && fields[name]!.relation === "project.task");
  const attached = Boolean(fields.res_model && fields.res_id);
  const tasks = taskField || attached ? await odoo.searchRead("project.task", [["project_id", "=", project.id]], { fields: ["id"], limit: 500 }, meta) : [];
  const taskIds = tasks.map((task) => task.id);
  const leaves: OdooDomain[] = [
    ...(layout.project ? [[[layout.project, "=", project.id]]] : []),
    ...(taskField ? [[[taskField, "in", taskIds]]] : []),
    ...(attached ? [["&", ["res_model", "=", "project.project"], ["res_id", "=", project.id]], ["&", ["res_model", "=", "project.task"], ["res_id", "in", taskIds]]] : []),
  ];
  const domain: OdooDomain = leaves.length ? [...Array<string>(leaves.length - 1).fill("|"), ...leaves.flat()] : [["id", "=", 0]];
  const date = layout.date ?? "create_date";
  const rows = await odoo.searchRead(model, domain, { fields: ["display_name", date], limit: limit + 1, order: `${date} desc, id desc` }, meta);
  const shown = rows.slice(0, limit);
  const documents = shown.map((row) => ({ id: row.id, name: String(row.display_name), model }));
  if (!documents.length) return { kind: "answer" as const, text: say(lang, texts.none, { project: project.name }), data: { documents } };
  const table = markdownTable(
    [say(lang, texts.headers).split("|")[0]!, fields[date]?.string ?? "Date"],
    shown.map((row) => [recordLink(model, row.id, String(row.display_name)), fmt.date(row[date])]),
  );
  return { kind: "answer" as const, text: [say(lang, texts.found, { project: project.name }), "", table, ...moreHint(lang, rows.length > limit)].join("\n"), data: { documents, more: rows.length > limit } };
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

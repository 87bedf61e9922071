import { z } from "zod";
import {say} from "../i18n.js";
import type { OdooDomain } from "../odoo/odoo-client.js";
import { m2oName, markdownTable, moreHint, recordLink } from "./format.js";
import { percent, projectStatusLabel } from "./project-format.js";
import { defineTool } from "./types.js";

export const listProjectsInputSchema = z.object({
  mine: z.boolean().optional().describe("Only the projects the user manages or has tasks in"),
  state: z.enum(["in_progress", "done", "all"]).default("in_progress").describe("in_progress (default): not marked done; done; all"),
  limit: z.number().int().min(1).max(50).default(20).describe("How many projects at most"),
});

const texts = {
  none: { en: "No project found.", fr: "Aucun projet trouvé." },
  found: { en: "Projects:", fr: "Projets :" },
  headers: { en: "Project|Manager|Progress|Open tasks|Deadline|Status", fr: "Projet|Responsable|Avancement|Tâches ouvertes|Échéance|Statut" },
};

export const PROJECT_FIELDS = ["name", "user_id", "partner_id", "date_start", "date", "task_count", "open_task_count", "closed_task_count", "task_completion_percentage", "last_update_status"];

export const listProjectsTool = defineTool({
  name: "list_projects",
  description: {
    en: "List projects with manager, progress, open tasks, deadline and status.",
    fr: "Lister les projets avec responsable, avancement, tâches ouvertes, échéance et statut.",
  },
  schema: listProjectsInputSchema,
  risk: "read",
  models: ["project.project"],
  calls: { "project.project": ["search_read", "fields_get"] },
  phrases: {
    en: [
      "(show|list|display|give me|see) [me] [all] [my|our|the] [open|current|active|ongoing|finished] projects",
      "(what|which) projects (do we have|are open|are running|am I on|are in progress|are active)",
      "(my|our|all|open|current|ongoing|finished|closed|done) projects",
      "projects",
      "(how many|what) projects (are there|do we have)",
    ],
    fr: [
      "(montre|liste|affiche|donne)[-moi] [tous] [mes|nos|les] projets [en cours|ouverts|actifs|terminés]",
      "(quels|quels sont) (les projets|mes projets|nos projets) [en cours|ouverts|actifs|terminés]",
      "(mes|nos|tous les|les) projets [en cours|terminés|actifs]",
      "projets",
      "combien de projets (avons-nous|on a)",
    ],
  },
  presentation: { running: { en: "Reading projects…", fr: "Lecture des projets…" }, done: { en: "Projects read", fr: "Projets lus" }, card: true },
  async run({ mine, state, limit }, { odoo, lang, fmt, meta, uid, labels }) {
    const domain: OdooDomain = [];
    if (mine) domain.push("|", ["user_id", "=", uid], ["task_ids.user_ids", "in", [uid]]);
    if (state === "in_progress") domain.push(["last_update_status", "!=", "done"]);
    if (state === "done") domain.push(["last_update_status", "=", "done"]);
    const rows = await odoo.searchRead("project.project", domain, { fields: PROJECT_FIELDS, limit: limit + 1, order: "sequence, name" }, meta);
    const shown = rows.slice(0, limit);
    const statuses = await Promise.all(shown.map((row) => projectStatusLabel(labels, row.last_update_status)));
    const projects = shown.map((row, index) => ({
      id: row.id,
      name: row.name,
      manager: m2oName(row.user_id) ?? null,
      progress: Math.round(Number(row.task_completion_percentage ?? 0) * 100),
      open_tasks: row.open_task_count,
      deadline: row.date || null,
      status: row.last_update_status,
      status_label: statuses[index],
    }));
    if (!projects.length) return { kind: "answer", text: say(lang, texts.none), data: { projects } };
    const table = markdownTable(
      say(lang, texts.headers).split("|"),
      shown.map((row, index) => [
        recordLink("project.project", row.id, String(row.name)),
        m2oName(row.user_id),
        percent(row.task_completion_percentage),
        row.open_task_count,
        fmt.date(row.date),
        statuses[index],
      ]),
      ["l", "l", "r", "r", "l", "l"],
    );
    return { kind: "answer", text: [say(lang, texts.found), "", table, ...moreHint(lang, rows.length > limit)].join("\n"), data: { projects, more: rows.length > limit } };
  },
});

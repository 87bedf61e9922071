import { z } from "zod";
import {say} from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { m2oName, recordLink } from "./format.js";
import { PROJECT_FIELDS } from "./list-projects.tool.js";
import { CLOSED_TASK_STATES, percent, projectStatusLabel } from "./project-format.js";
import { defineTool } from "./types.js";

export const projectSummaryInputSchema = z.object({
  project: z.string().trim().min(1).max(200).describe("The project's name as the user said it"),
});

const texts = {
  title: { en: "**{project}** — manager {manager}, status {status}", fr: "**{project}** — responsable {manager}, statut {status}" },
  dates: { en: "Dates: {start} → {end}", fr: "Dates : {start} → {end}" },
  progress: {
    en: "Progress: {progress} ({closed} of {total} tasks closed, {open} open)",
    fr: "Avancement : {progress} ({closed} tâches fermées sur {total}, {open} ouvertes)",
  },
  risks: { en: "**Risks:** {count} overdue task(s): {tasks}", fr: "**Risques :** {count} tâche(s) en retard : {tasks}" },
  noRisk: { en: "No overdue task.", fr: "Aucune tâche en retard." },
  next: { en: "**Next deadlines:**", fr: "**Prochaines échéances :**" },
  none: { en: "none", fr: "aucune" },
};

export const projectSummaryTool = defineTool({
  name: "project_summary",
  description: {
    en: "Summarize a project: manager, dates, progress, status, overdue tasks (risks) and next deadlines.",
    fr: "Résumer un projet : responsable, dates, avancement, statut, tâches en retard (risques) et prochaines échéances.",
  },
  schema: projectSummaryInputSchema,
  risk: "read",
  models: ["project.project", "project.task"],
  records: { project: "project" },
  calls: { "project.project": ["search_read", "fields_get"], "project.task": ["search_read"] },
  phrases: {
    en: [
      "status {project} proj",
      "(what's|what is) the situation (on|of|with) [the] [job|project] {project}",
      "status of {project}",
      "is [the] [project] {project} (late|on track|behind|delayed)",
      "(summarize|summarise|recap|sum up) [the] [project] {project}",
      "(where are we|where do we stand|how are we doing|what is the status|what's the status) (on|with|of|for) [the] [project] {project}",
      "how is [the] [project] {project} (going|doing|progressing)",
      "(summary|status|overview|update|status update|progress|recap|report) (of|on|for) [the] [project] {project}",
      "[project] {project} (status|summary|update|overview)",
      "give me (a summary|an overview|the status|an update) (of|on) [the] [project] {project}",
      "what's (going on|happening|new) (with|in|on) [project] {project}",
      "{project} : (how's it going|how is it going|how are things) [overall]",
      "(how's|how is) it going [overall] (on|with) {project}",
      "{project}",
    ],
    fr: [
      "(c'est quoi|quelle est) la situation (du|de) [projet|job] {project} [il y a du retard]",
      "statut proj {project}",
      "est-ce que le projet {project} est (en retard|dans les temps)",
      "statut de {project}",
      "(résume|résumer|fais le point sur|récapitule|synthétise) [le] [projet] {project}",
      "(où en est|où en sommes-nous sur|où on en est sur|on en est où sur|quel est l'état du|comment avance|comment va|comment se passe) [le] [projet] {project}",
      "(résumé|point|bilan|état|avancement|statut|synthèse|récap) (du|de|sur le|sur) [projet] {project}",
      "[projet] {project} (avancement|état|résumé|statut)",
      "(donne-moi|fais-moi) (un résumé|un point|l'état|un bilan) (de|du|sur) [projet] {project}",
      "quoi de neuf (sur|dans) [le projet] {project}",
      "{project}",
    ],
  },
  slash: {
    name: "summarize_project",
    fr: "résumer_projet",
    argument: { model: "project.project", suffix: "" },
    label: { en: "Summary of a project", fr: "Résumé d'un projet" },
    usage: { en: "project", fr: "projet" },
    aliases: ["summary", "resume"],
    prompt: {
      arguments: [{ name: "project", description: { en: "The project's name", fr: "Le nom du projet" } }],
      text: { en: "Summarize the project {project}.", fr: "Résume le projet {project}." },
    },
  },
  presentation: { running: { en: "Summarizing the project…", fr: "Synthèse du projet…" }, done: { en: "Project summarized", fr: "Synthèse du projet faite" }, title: { en: "Project {project}", fr: "Projet {project}" }, card: true },
  async run({ project }, { odoo, lang, fmt, meta, today, labels }) {
    const found = await findOne(odoo, "project", project, { lang, meta, fields: PROJECT_FIELDS });
    if (!found.ok) return found.question;
    const row = found.match.record;
    const open: unknown[] = [["project_id", "=", row.id], ["state", "not in", CLOSED_TASK_STATES]];
    const [overdue, upcoming] = await Promise.all([
      odoo.searchRead("project.task", [...open, ["date_deadline", "<", `${today} 00:00:00`]], { fields: ["name", "date_deadline"], limit: 6, order: "date_deadline asc" }, meta),
      odoo.searchRead("project.task", [...open, ["date_deadline", ">=", `${today} 00:00:00`]], { fields: ["name", "date_deadline"], limit: 5, order: "date_deadline asc" }, meta),
    ]);
    const name = String(row.name);
    const lines = [
      say(lang, texts.title, {
        project: recordLink("project.project", row.id, name),
        manager: m2oName(row.user_id) ?? "—",
        status: (await projectStatusLabel(labels, row.last_update_status)) || "—",
      }),
      `- ${say(lang, texts.dates, { start: fmt.date(row.date_start) || "—", end: fmt.date(row.date) || "—" })}`,
      `- ${say(lang, texts.progress, {
        progress: percent(row.task_completion_percentage),
        closed: Number(row.closed_task_count ?? 0),
        total: Number(row.task_count ?? 0),
        open: Number(row.open_task_count ?? 0),
      })}`,
      `- ${overdue.length
        ? say(lang, texts.risks, { count: overdue.length > 5 ? "5+" : overdue.length, tasks: overdue.slice(0, 5).map((task) => `${task.name} (${fmt.date(task.date_deadline)})`).join(", ") })
        : say(lang, texts.noRisk)}`,
      "",
      say(lang, texts.next),
      ...(upcoming.length ? upcoming.map((task) => `- ${fmt.date(task.date_deadline)} — ${recordLink("project.task", task.id, String(task.name))}`) : [`- ${say(lang, texts.none)}`]),
    ];
    return {
      kind: "answer",
      text: lines.join("\n"),
      data: {
        id: row.id,
        name,
        manager: m2oName(row.user_id) ?? null,
        dates: { start: row.date_start || null, end: row.date || null },
        progress: Math.round(Number(row.task_completion_percentage ?? 0) * 100),
        tasks: { total: row.task_count, open: row.open_task_count, closed: row.closed_task_count },
        status: row.last_update_status,
        status_label: await projectStatusLabel(labels, row.last_update_status),
        overdue: overdue.map((task) => ({ id: task.id, name: task.name, deadline: task.date_deadline })),
        next_deadlines: upcoming.map((task) => ({ id: task.id, name: task.name, deadline: task.date_deadline })),
      },
    };
  },
});

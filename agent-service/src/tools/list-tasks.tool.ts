import { z } from "zod";
import {say} from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import type { OdooDomain } from "../odoo/odoo-client.js";
import { m2oName, markdownTable, moreHint, recordLink } from "./format.js";
import { CLOSED_TASK_STATES } from "./project-format.js";
import { defineTool } from "./types.js";

export const listTasksInputSchema = z.object({
  project: z.string().trim().min(1).max(200).optional().describe("Only this project's tasks (name as the user said it)"),
  open_only: z.boolean().default(true).describe("Only tasks not done or cancelled (default true)"),
  overdue: z.boolean().optional().describe("Only open tasks whose deadline has passed"),
  assignee: z.string().trim().min(1).max(200).optional().describe('Only tasks assigned to this user; "me" for the current user'),
  limit: z.number().int().min(1).max(50).default(20).describe("How many tasks at most"),
});

const texts = {
  none: { en: "No task found{where}.", fr: "Aucune tâche trouvée{where}." },
  found: { en: "Tasks{where}:", fr: "Tâches{where} :" },
  where: { en: " in **{project}**", fr: " du projet **{project}**" },
  headers: { en: "Task|Project|Stage|Assignees|Deadline", fr: "Tâche|Projet|Étape|Assignés|Échéance" },
};

export const TASK_FIELDS = ["name", "project_id", "stage_id", "user_ids", "date_deadline", "state", "priority"];

export const listTasksTool = defineTool({
  name: "list_tasks",
  description: {
    en: "List tasks, of one project or all, open only by default; can keep only overdue ones or one assignee's.",
    fr: "Lister les tâches, d'un projet ou de tous, ouvertes par défaut ; peut ne garder que celles en retard ou d'un assigné.",
  },
  schema: listTasksInputSchema,
  risk: "read",
  models: ["project.task"],
  records: { project: "project", assignee: "user" },
  calls: { "project.project": ["search_read"], "project.task": ["search_read"], "res.users": ["search_read", "read"] },
  phrases: {
    en: [
      "what's {user} working on [right now|today|this week]",
      "(anything|what's|what is) (overdue|late) (in|on) {project}",
      "what's on my plate [today|this week]",
      "what do I have (on|to do) [today|this week]",
      "what (does|has) {user} (have on|got on) (their|his|her) plate [right now]",
      "which tasks are (late|overdue) in {project}",
      "(show|list|display|see|give me|get) [me] [all] [the] [open|overdue|late|pending|remaining] tasks (of|in|for|on) [the] [project] {project}",
      "(my|our) [open|overdue|late|pending] (tasks|to-dos|todos)",
      "(what|which) tasks (are|do I have|are overdue|are late|are open|are assigned to me|are left|are due)",
      "(tasks|to-dos|todos) (of|in|for|on) [project] {project}",
      "{project} tasks",
      "(overdue|late|open) tasks",
      "(tasks|to-dos) (assigned to|of|for) {user}",
      "{user}'s [open|overdue|late] tasks",
      "what (is|does) {user} (working on|have to do|have on their plate)",
      "(show|list) [the] (overdue|late|open) tasks of {user}",
      "what do I have to do [today|this week]",
      "my to-do list",
      "(tasks|to-dos) (of|for) {user} (in|on) [project] {project}",
      "(what's|what is) left to do (on|in) {project}",
      "(anything|something|what's|what is) (overdue|late) (for|of) {user}",
      "is {user} (late|behind) on anything",
      "(overdue|late) tasks (for|of) {user}",
    ],
    fr: [
      "(sur quoi|qu'est-ce que) {user} (bosse|travaille) [en ce moment|aujourd'hui]",
      "(quelque chose|quoi) en retard (dans|sur) {project}",
      "qu'est-ce que j'ai (au programme|sur le feu) [aujourd'hui|cette semaine]",
      "qu'est-ce que {user} a sur le feu [en ce moment]",
      "quelles tâches sont en retard (dans|sur) {project}",
      "(montre|liste|affiche|donne)[-moi] [toutes] les tâches [ouvertes|en retard|en cours|restantes] (du|de|dans le|pour le|sur le) [projet] {project}",
      "(mes|nos) tâches [en retard|ouvertes|en cours]",
      "(quelles sont|quelles) (les tâches|mes tâches) [en retard|ouvertes|en cours|qui me sont assignées]",
      "(tâches|todo|to-do) (du|de|dans|sur) [projet] {project}",
      "les tâches (en retard|ouvertes|en cours) de {user}",
      "(tâches|travail) (assignées à|de|pour|attribuées à) {user}",
      "(sur quoi|qu'est-ce que) {user} (travaille|doit faire|a à faire)",
      "qu'est-ce que j'ai à faire [aujourd'hui|cette semaine]",
      "ma liste de tâches",
      "les tâches de {user} (dans|sur) [le projet] {project}",
      "tâches en retard",
      "qu'est-ce qu'il reste à faire (sur|dans) {project}",
      "(quelque chose|quoi|qu'est-ce qui est) en retard (pour|chez) {user}",
      "{user} a (des tâches|quelque chose) en retard",
      "les retards de {user}",
    ],
  },
  presentation: { running: { en: "Reading tasks…", fr: "Lecture des tâches…" }, done: { en: "Tasks read", fr: "Tâches lues" }, title: { en: "Tasks {project}", fr: "Tâches {project}" }, card: true },
  async run({ project, open_only, overdue, assignee, limit }, { odoo, lang, fmt, meta, uid, today }) {
    const domain: OdooDomain = [];
    let projectName: string | undefined;
    if (project) {
      const found = await findOne(odoo, "project", project, { lang, meta });
      if (!found.ok) return found.question;
      projectName = found.match.name;
      domain.push(["project_id", "=", found.match.id]);
    }
    if (assignee) {
      if (/^(me|moi|myself|my|mes|mine)$/i.test(assignee)) domain.push(["user_ids", "in", [uid]]);
      else {
        const found = await findOne(odoo, "user", assignee, { lang, meta });
        if (!found.ok) return found.question;
        domain.push(["user_ids", "in", [found.match.id]]);
      }
    }
    if (open_only || overdue) domain.push(["state", "not in", CLOSED_TASK_STATES]);
    if (overdue) domain.push(["date_deadline", "<", `${today} 00:00:00`]);
    const rows = await odoo.searchRead("project.task", domain, { fields: TASK_FIELDS, limit: limit + 1, order: "date_deadline asc, priority desc, id" }, meta);
    const shown = rows.slice(0, limit);
    const users = await userNames(odoo, shown.flatMap((row) => (row.user_ids as number[]) ?? []), meta);
    const where = projectName ? say(lang, texts.where, { project: projectName }) : "";
    const tasks = shown.map((row) => ({
      id: row.id,
      name: row.name,
      project: m2oName(row.project_id) ?? null,
      stage: m2oName(row.stage_id) ?? null,
      assignees: ((row.user_ids as number[]) ?? []).map((id) => users.get(id) ?? `#${id}`),
      deadline: row.date_deadline || null,
    }));
    if (!tasks.length) return { kind: "answer", text: say(lang, texts.none, { where }), data: { tasks } };
    const table = markdownTable(
      say(lang, texts.headers).split("|"),
      tasks.map((task) => [recordLink("project.task", task.id, String(task.name)), task.project, task.stage, task.assignees.join(", "), fmt.date(task.deadline)]),
    );
    return { kind: "answer", text: [say(lang, texts.found, { where }), "", table, ...moreHint(lang, rows.length > limit)].join("\n"), data: { tasks, more: rows.length > limit } };
  },
});

export async function userNames(odoo: Parameters<typeof findOne>[0], ids: number[], meta: Parameters<typeof findOne>[3]["meta"]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await odoo.read("res.users", unique, ["name"], meta);
  return new Map(rows.map((row) => [row.id, String(row.name)]));
}

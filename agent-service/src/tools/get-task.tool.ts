import { z } from "zod";
import { say } from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { m2oName, recordLink } from "./format.js";
import { userNames } from "./list-tasks.tool.js";
import { CLOSED_TASK_STATES } from "./project-format.js";
import { defineTool } from "./types.js";

export const getTaskInputSchema = z.object({
  task: z.string().trim().min(1).max(200).describe("The task's name as the user said it"),
  project: z.string().trim().min(1).max(200).optional().describe("Its project, when the name alone is ambiguous"),
});

const texts = {
  title: { en: "Task {task} ({project}) — {stage}{deadline}", fr: "Tâche {task} ({project}) — {stage}{deadline}" },
  deadline: { en: ", due {date}", fr: ", échéance le {date}" },
  assignees: { en: "Assigned to {names}.", fr: "Assignée à {names}." },
  unassigned: { en: "Nobody is assigned.", fr: "Personne n'est assigné." },
  checklist: { en: "Checklist ({done}/{total} done):", fr: "Liste de contrôle ({done}/{total} faites) :" },
  noChecklist: { en: "It has no sub-task.", fr: "Elle n'a pas de sous-tâche." },
};

/** A task and its checklist (its sub-tasks, ticked when done): the panel's checklist card. */
export const getTaskTool = defineTool({
  name: "get_task",
  description: {
    en: "Show one task: its project, stage, deadline, assignees and checklist (its sub-tasks, done or not).",
    fr: "Afficher une tâche : son projet, son étape, son échéance, ses assignés et sa liste de contrôle (ses sous-tâches, faites ou non).",
  },
  schema: getTaskInputSchema,
  risk: "read",
  models: ["project.task"],
  records: { task: "task", project: "project" },
  calls: { "project.project": ["search_read"], "project.task": ["search_read", "read"], "res.users": ["read"] },
  phrases: {
    en: [
      "(details|info) on {task}",
      "(what about|what's up with) {task}",
      "(show|open|display|see|get|pull up) [me] [the] task {task}",
      "(details|status|checklist|subtasks|sub-tasks|description) (of|for) [the] [task] {task}",
      "what is the status of [the] [task] {task}",
      "(what's|what is|when is) the (deadline|due date) (on|of|for) [the] [task] {task}",
      "(who is on|who is assigned to|who works on|when is) [the] [task] {task} [due]",
      "task {task}",
      "{task} (details|checklist|status)",
    ],
    fr: [
      "(détails|infos) sur {task}",
      "(et|quid de) {task}",
      "(montre|affiche|ouvre|voir)[-moi] [la] tâche {task}",
      "(détails|statut|état|checklist|sous-tâches|description) (de|de la) [tâche] {task}",
      "où en est la tâche {task}",
      "(c'est quoi|quelle est) l'échéance (de|de la) [tâche] {task}",
      "(qui est sur|qui s'occupe de|c'est pour quand) [la tâche] {task}",
      "tâche {task}",
      "{task} (détails|checklist|statut)",
    ],
  },
  presentation: { running: { en: "Reading the task…", fr: "Lecture de la tâche…" }, done: { en: "Task read", fr: "Tâche lue" }, card: true },
  async run({ task, project }, { odoo, lang, fmt, meta }) {
    let domain: unknown[] = [];
    if (project) {
      const foundProject = await findOne(odoo, "project", project, { lang, meta });
      if (!foundProject.ok) return foundProject.question;
      domain = [["project_id", "=", foundProject.match.id]];
    }
    const found = await findOne(odoo, "task", task, { lang, meta, domain });
    if (!found.ok) return found.question;
    const [row] = await odoo.read("project.task", [found.match.id], ["name", "project_id", "stage_id", "state", "user_ids", "date_deadline", "child_ids"], meta);
    const childIds = ((row?.child_ids as number[] | undefined) ?? []).slice(0, 100);
    const children = childIds.length ? await odoo.read("project.task", childIds, ["name", "state", "user_ids", "date_deadline"], meta) : [];
    const users = await userNames(odoo, [row, ...children].flatMap((r) => ((r?.user_ids as number[] | undefined) ?? [])), meta);
    const names = (ids: unknown) => ((ids as number[] | undefined) ?? []).map((id) => users.get(id) ?? `#${id}`);
    const subtasks = children.map((child) => ({
      id: child.id,
      name: String(child.name),
      state: String(child.state ?? ""),
      done: CLOSED_TASK_STATES.includes(String(child.state)),
      assignees: names(child.user_ids),
      deadline: child.date_deadline || null,
    }));
    const assignees = names(row?.user_ids);
    const done = subtasks.filter((s) => s.done).length;
    const text = [
      say(lang, texts.title, {
        task: recordLink("project.task", found.match.id, String(row?.name ?? found.match.name)),
        project: m2oName(row?.project_id) ?? "—",
        stage: m2oName(row?.stage_id) ?? "—",
        deadline: row?.date_deadline ? say(lang, texts.deadline, { date: fmt.date(row.date_deadline) }) : "",
      }),
      assignees.length ? say(lang, texts.assignees, { names: assignees.join(", ") }) : say(lang, texts.unassigned),
      "",
      ...(subtasks.length
        ? [say(lang, texts.checklist, { done, total: subtasks.length }), ...subtasks.map((s) => `- ${s.done ? "☑" : "☐"} ${recordLink("project.task", s.id, s.name)}`)]
        : [say(lang, texts.noChecklist)]),
    ].join("\n");
    return {
      kind: "answer",
      text,
      data: {
        id: found.match.id,
        name: String(row?.name ?? found.match.name),
        project: m2oName(row?.project_id) ?? null,
        stage: m2oName(row?.stage_id) ?? null,
        state: String(row?.state ?? ""),
        deadline: row?.date_deadline || null,
        assignees,
        subtasks,
      },
    };
  },
});

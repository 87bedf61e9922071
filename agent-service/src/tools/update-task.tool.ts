import { z } from "zod";
import {say} from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { m2oId, m2oName, recordLink } from "./format.js";
import { defineTool } from "./types.js";

export const updateTaskInputSchema = z.object({
  task: z.string().trim().min(1).max(300).describe("The task's title as the user said it"),
  project: z.string().trim().min(1).max(200).optional().describe("The task's project, when the user names it"),
  stage: z.string().trim().min(1).max(100).optional().describe("The stage to move the task to, e.g. Done"),
  deadline: z.iso.date().optional().describe("The new deadline, YYYY-MM-DD"),
  assignee: z.string().trim().min(1).max(200).optional().describe('The user to assign; "me" for the current user'),
});

type Plan = { task_id: number; name: string; values: Record<string, unknown> };

const texts = {
  nothing: { en: "What should I change on **{task}**: its stage, deadline or assignee?", fr: "Que dois-je changer sur **{task}** : son étape, son échéance ou son assigné ?" },
  summary: { en: "Update task “{task}”: {changes}", fr: "Modifier la tâche « {task} » : {changes}" },
  proposed: { en: "Here is the change to **{task}**. Click **Confirm** to apply it.", fr: "Voici la modification de **{task}**. Cliquez sur **Confirmer** pour l'appliquer." },
  stage: { en: "stage {from} → {to}", fr: "étape {from} → {to}" },
  deadline: { en: "deadline {to}", fr: "échéance {to}" },
  assignee: { en: "assigned to {to}", fr: "assignée à {to}" },
  done: { en: "Task {link} updated.", fr: "Tâche {link} modifiée." },
};

export const updateTaskTool = defineTool({
  name: "update_task",
  description: {
    en: "Change a task: move it to another stage, set its deadline, or assign it (after the user confirms).",
    fr: "Modifier une tâche : la passer à une autre étape, fixer son échéance ou l'assigner (après confirmation).",
  },
  schema: updateTaskInputSchema,
  risk: "state_change",
  writes: ["project.task", "write"],
  models: ["project.task", "project.task.type"],
  records: { task: "task", project: "project", stage: "stage", assignee: "user" },
  calls: { "project.project": ["search_read"], "project.task": ["search_read", "write"], "project.task.type": ["search_read"], "res.users": ["search_read"] },
  phrases: {
    en: [
      "(I'll take|I will take|I take|let me take) [the] [task] {task}",
      "{task} (on|in) [the] {project} [project] is (done|finished), move it to (done|{text})",
      "(assign|give) {task} to {user}",
      "(mark|set|flag) [the] [task] {task} (as|to) (done|complete|completed|finished|closed)",
      "(move|put|set|push|drag) [the] [task] {task} (to|into|in) [stage|column|the stage] (in progress|done|to do|new|review|cancelled|{text})",
      "(assign|give|reassign|hand over|hand) [the] [task] {task} to {user}",
      "(assign|give) [the] [task] {task} to (me|myself)",
      "[the] [task] {task} is (done|finished|complete)",
      "(change|set|move|push|postpone) the (deadline|due date) of [the] [task] {task} to {date}",
      "{task} (due|deadline) {date}",
      "(close|finish|complete) [the] [task] {task}",
      "(I finished|we finished|done with|I'm done with) [the] [task] {task}",
      "put {user} on [the] [task] {task}",
      "put (me|myself) on [the] [task] {task}",
    ],
    fr: [
      "(je prends|je m'occupe de|je me charge de) [la tâche] {task}",
      "(assigne|attribue|donne) {task} à {user}",
      "(déplace|passe|mets) {task} (dans|en|à) (done|fait|en cours|{text})",
      "(marque|passe|mets|indique) [la] [tâche] {task} (comme|en|à) (fait|faite|terminée|terminé|done|finie|clôturée)",
      "(déplace|passe|mets|bouge) [la] [tâche] {task} (en|dans|à|vers) [l'étape|la colonne|le statut] (en cours|fait|done|à faire|nouveau|terminé|{text})",
      "(assigne|attribue|donne|confie|réassigne) [la] [tâche] {task} à {user}",
      "(assigne-moi|attribue-moi|donne-moi) [la] [tâche] {task}",
      "[la] [tâche] {task} est (faite|terminée|finie|fait)",
      "(change|mets|repousse|décale) (l'échéance|la date limite|la deadline|la date) (de|de la tâche) {task} (au|à|pour le) {date}",
      "(termine|clôture|ferme|finis) [la] [tâche] {task}",
      "j'ai (fini|terminé) [la tâche] {task}",
      "mets {user} sur [la tâche] {task}",
      "(mets-moi|mettez-moi) sur [la tâche] {task}",
    ],
  },
  presentation: { running: { en: "Preparing the changes to the task…", fr: "Préparation des modifications de la tâche…" }, done: { en: "Changes to the task prepared", fr: "Modifications de la tâche préparées" }, title: { en: "Task {task}", fr: "Tâche {task}" } },
  async run({ task, project, stage, deadline, assignee }, { odoo, lang, fmt, meta, uid }) {
    let domain: unknown[] = [];
    if (project) {
      const projectFound = await findOne(odoo, "project", project, { lang, meta });
      if (!projectFound.ok) return projectFound.question;
      domain = [["project_id", "=", projectFound.match.id]];
    }
    const found = await findOne(odoo, "task", task, { lang, meta, domain });
    if (!found.ok) return found.question;
    const record = found.match.record;
    if (!stage && !deadline && !assignee) return { kind: "clarify", text: say(lang, texts.nothing, { task: found.match.name }) };
    const values: Record<string, unknown> = {};
    const changes: string[] = [];
    if (stage) {
      const stageFound = await findOne(odoo, "stage", stage, { lang, meta, domain: [["project_ids", "in", [m2oId(record.project_id) ?? 0]]] });
      if (!stageFound.ok) return stageFound.question;
      values.stage_id = stageFound.match.id;
      changes.push(say(lang, texts.stage, { from: m2oName(record.stage_id) ?? "—", to: stageFound.match.name }));
    }
    if (deadline) {
      values.date_deadline = `${deadline} 12:00:00`;
      changes.push(say(lang, texts.deadline, { to: fmt.date(deadline) }));
    }
    if (assignee) {
      const me = /^(me|moi|myself)$/i.test(assignee);
      const userFound = me ? undefined : await findOne(odoo, "user", assignee, { lang, meta });
      if (userFound && !userFound.ok) return userFound.question;
      values.user_ids = [[6, 0, [userFound?.ok ? userFound.match.id : uid]]];
      changes.push(say(lang, texts.assignee, { to: userFound?.ok ? userFound.match.name : assignee }));
    }
    const name = found.match.name;
    return {
      kind: "proposal",
      summary: say(lang, texts.summary, { task: name, changes: changes.join(", ") }),
      text: say(lang, texts.proposed, { task: name }),
      preview: { kind: "record_change", record: { model: "project.task", id: record.id, name }, changes: changes.map((text) => ({ text })) },
      plan: { task_id: record.id, name, values } satisfies Plan,
    };
  },
  async execute(raw, { odoo, lang, meta }) {
    const plan = raw as Plan;
    await odoo.write("project.task", [plan.task_id], plan.values, meta);
    return {
      text: say(lang, texts.done, { link: recordLink("project.task", plan.task_id, plan.name) }),
      record: { model: "project.task", id: plan.task_id, name: plan.name },
      result: { id: plan.task_id },
    };
  },
});

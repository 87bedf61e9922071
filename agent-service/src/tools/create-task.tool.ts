import { z } from "zod";
import {say} from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { recordLink } from "./format.js";
import { defineTool } from "./types.js";

export const createTaskInputSchema = z.object({
  project: z.string().trim().min(1).max(200).describe("The project's name as the user said it"),
  title: z.string().trim().min(1).max(300).describe("The task's title"),
  description: z.string().max(5000).optional().describe("Details of the task"),
  deadline: z.iso.date().optional().describe("Deadline, YYYY-MM-DD"),
  assignee: z.string().trim().min(1).max(200).optional().describe('The user to assign; "me" for the current user'),
});

type Plan = { project_id: number; project: string; name: string; description?: string; date_deadline?: string; user_id?: number; assignee?: string };

const texts = {
  summary: { en: "Create task “{title}” in {project}", fr: "Créer la tâche « {title} » dans {project}" },
  proposed: { en: "Here is the task I will create in **{project}**. Click **Confirm** to create it.", fr: "Voici la tâche que je vais créer dans **{project}**. Cliquez sur **Confirmer** pour la créer." },
  done: { en: "Task {link} created in {project}.", fr: "Tâche {link} créée dans {project}." },
};

export const createTaskTool = defineTool({
  name: "create_task",
  description: {
    en: "Create a task in a project, with optional description, deadline and assignee (after the user confirms).",
    fr: "Créer une tâche dans un projet, avec description, échéance et assigné facultatifs (après confirmation).",
  },
  schema: createTaskInputSchema,
  risk: "draft",
  writes: ["project.task", "create"],
  models: ["project.task", "project.project"],
  records: { project: "project", assignee: "user" },
  calls: { "project.project": ["search_read"], "res.users": ["search_read"], "project.task": ["create"] },
  phrases: {
    en: [
      "(open|create|make) a (ticket|job|to-do) (in|on|for) {project} to {text}",
      "make new task for project {project} : {text} [give it to {user}]",
      "put a task in {project} : {text} [due {date}]",
      "(add|put) a to-do (in|on) {project} : {text}",
      "new task (in|on|for) {project} title : {text}",
      "{project} - new task {text} [give it to|assign to|for] [{user}]",
      "(create|add) a task (in|on) {project} : {text}",
      "(create|add|make|new|open|log) [a|an|a new] (task|to-do|todo) [in|for|on|to] [the] [project] {project} [:|to|called|named] {text}",
      "(create|add|new) (task|todo) {text} (in|for|on) [project] {project} [for|by|due|before] [{date}]",
      "(add|create) a task for {user} (in|on) [project] {project} : {text}",
      "(remind|ask) {user} to {text} (in|for|on) {project}",
      "new task {project} : {text}",
      "(task|todo) for {project} : {text}",
      "(add|put) {text} (to|on) the (task list|todo list|board) of {project}",
      "(create|add) a task {text} (due|for|by|before) {date}",
      "(assign|give) {user} a [new] task (in|on) {project} [to] {text}",
      "{project} : new task {text}",
      "{project} : (add|create|new) [task] {text} [due|by|for] [{date}]",
    ],
    fr: [
      "(ouvre|crée) un (ticket|job|todo) (dans|sur) {project} pour {text}",
      "nouvelle tache {project} : {text} [pour moi]",
      "mets une tâche dans {project} : {text} [pour le {date}]",
      "nouvelle tâche (sur|dans|pour) {project} : {text} [à m'assigner|pour moi]",
      "projet {project}, tâche {text} [à faire] (avant|pour) le {date}",
      "(ajoute|crée) une tâche (au|dans le) projet {project}",
      "(crée|créer|ajoute|ajouter|nouvelle|ouvre|crée-moi) (une|la|une nouvelle) (tâche|todo) (dans|pour|sur|au) [le] [projet] {project} [:] {text}",
      "(crée|ajoute) (une|la) tâche {text} (dans|pour|sur) [le projet] {project} [pour le|avant le|d'ici le] [{date}]",
      "(crée|ajoute|mets) une tâche pour {user} (dans|sur) [le projet] {project} : {text}",
      "nouvelle tâche {project} : {text}",
      "tâche (pour|dans) {project} : {text}",
      "(ajoute|mets) {text} (à la liste|dans les tâches) (de|du projet) {project}",
      "(crée|ajoute) une tâche {text} pour le {date}",
      "(demande|rappelle) à {user} de {text} (dans|pour|sur) {project}",
      "{project} : nouvelle tâche {text}",
      "{project} : (ajoute|ajouter|crée|nouvelle tâche) {text} [pour|avant le|pour le] [{date}]",
    ],
  },
  slash: {
    name: "create_task",
    fr: "créer_tâche",
    argument: { model: "project.project", suffix: ": " },
    label: { en: "Create a task in a project", fr: "Créer une tâche dans un projet" },
    usage: { en: "project: task title", fr: "projet : titre de la tâche" },
    aliases: ["task", "tache"],
    prompt: {
      arguments: [
        { name: "project", description: { en: "The project's name", fr: "Le nom du projet" } },
        { name: "title", description: { en: "The task's title", fr: "Le titre de la tâche" } },
      ],
      text: { en: "Create a task \"{title}\" in the project {project}.", fr: "Crée une tâche « {title} » dans le projet {project}." },
    },
  },
  presentation: { running: { en: "Preparing the task…", fr: "Préparation de la tâche…" }, done: { en: "Task prepared", fr: "Tâche préparée" }, title: { en: "Task {title}", fr: "Tâche {title}" } },
  async run({ project, title, description, deadline, assignee }, { odoo, lang, fmt, meta, uid }) {
    const [projectFound, assigneeFound] = await Promise.all([
      findOne(odoo, "project", project, { lang, meta }),
      assignee && !/^(me|moi|myself)$/i.test(assignee) ? findOne(odoo, "user", assignee, { lang, meta }) : Promise.resolve(undefined),
    ]);
    if (!projectFound.ok) return projectFound.question;
    if (assigneeFound && !assigneeFound.ok) return assigneeFound.question;
    const userId = assignee ? (assigneeFound?.ok ? assigneeFound.match.id : uid) : undefined;
    const plan: Plan = {
      project_id: projectFound.match.id,
      project: projectFound.match.name,
      name: title,
      ...(description ? { description } : {}),
      ...(deadline ? { date_deadline: deadline } : {}),
      ...(userId ? { user_id: userId, assignee: assigneeFound?.ok ? assigneeFound.match.name : undefined } : {}),
    };
    return {
      kind: "proposal",
      summary: say(lang, texts.summary, { title, project: plan.project }),
      text: say(lang, texts.proposed, { project: plan.project }),
      preview: {
        kind: "task",
        project: { id: plan.project_id, name: plan.project },
        title,
        description: description ?? null,
        deadline: deadline ? fmt.date(deadline) : null,
        assignee: userId ? (plan.assignee ?? "me") : null,
      },
      plan,
    };
  },
  async execute(raw, { odoo, lang, meta }) {
    const plan = raw as Plan;
    const id = await odoo.create(
      "project.task",
      {
        project_id: plan.project_id,
        name: plan.name,
        ...(plan.description ? { description: plan.description } : {}),
        ...(plan.date_deadline ? { date_deadline: `${plan.date_deadline} 12:00:00` } : {}),
        ...(plan.user_id ? { user_ids: [[6, 0, [plan.user_id]]] } : {}),
      },
      meta,
    );
    return {
      text: say(lang, texts.done, { link: recordLink("project.task", id, plan.name), project: plan.project }),
      record: { model: "project.task", id, name: plan.name },
      result: { id },
    };
  },
});

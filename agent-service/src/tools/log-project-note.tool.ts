import { z } from "zod";
import { say } from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { recordLink } from "./format.js";
import { defineTool } from "./types.js";

export const logProjectNoteInputSchema = z.object({
  project: z.string().trim().min(1).max(200).describe("The project's name as the user said it"),
  body: z.string().trim().min(1).max(5000).describe("The note's text"),
});

type Plan = { project_id: number; project: string; body: string };

const texts = {
  summary: { en: "Log a note on {project}", fr: "Ajouter une note au journal de {project}" },
  proposed: { en: "I will log this note in the chatter of **{project}**. Click **Confirm** to post it.", fr: "Je vais ajouter cette note au journal de **{project}**. Cliquez sur **Confirmer** pour la publier." },
  done: { en: "Note logged on {link}.", fr: "Note ajoutée au journal de {link}." },
};

export const logProjectNoteTool = defineTool({
  name: "log_project_note",
  description: {
    en: "Log an internal note in a project's journal (chatter), after the user confirms.",
    fr: "Ajouter une note interne au journal (chatter) d'un projet, après confirmation.",
  },
  schema: logProjectNoteInputSchema,
  risk: "draft",
  models: ["project.project", "mail.message"],
  records: { project: "project" },
  calls: { "project.project": ["search_read", "message_post"] },
  phrases: {
    en: [
      "add this to the {project} (journal|log|chatter|notes) [so the team sees it] : {text}",
      "(put|add|write) (this|that) (in|on|to) {project} : {text}",
      "(log|add|post|write) a (note|comment) on {project} : {text}",
      "(add|post) an internal note (to|on) {project} [:|-] {text}",
      "(log|add|post) a note (on|to) the project",
      "internal note (on|for) {project} : {text}",
      "(add|log|post|write|put|leave) a (note|comment|message|update) (to|on|in|for) [the] [project] {project} [:] {text}",
      "note (for|on|to) [project] {project} : {text}",
      "(log|post|write) (in|on|to) the (chatter|log|journal|logbook) of [project] {project} : {text}",
      "(tell|inform) the (team|project) {project} that {text}",
      "(for|on) [project] {project}, note that {text}",
      "{project} note : {text}",
    ],
    fr: [
      "ajoute (ceci|ça|cela) au (journal|fil|chatter) (de|du projet) {project} [pour que l'équipe le voie] : {text}",
      "ajoute une note dans {project} {text}",
      "note interne (sur|pour) [le projet] {project} : {text}",
      "(mets|ajoute|écris) une note (sur|au) [le] projet",
      "(écris|note|indique) (dans|sur) le (chatter|journal|fil) (de|d'|du projet) {project} que {text}",
      "(ajoute|mets|poste|écris|laisse|consigne) une (note|remarque|commentaire|message) (au|sur le|dans le|pour le|au journal du|dans le journal du) [projet] {project} [:] {text}",
      "note (pour|sur|au) [le] [projet] {project} : {text}",
      "(écris|poste|note) dans le (chatter|journal|fil) (de|du projet|du) {project} : {text}",
      "(dis|informe) l'équipe (de|du projet) {project} que {text}",
      "(pour|sur) [le projet] {project}, note que {text}",
      "note {project} : {text}",
    ],
  },
  presentation: { running: { en: "Preparing the note…", fr: "Préparation de la note…" }, done: { en: "Note prepared", fr: "Note préparée" }, title: { en: "Note on {project}", fr: "Note sur {project}" } },
  async run({ project, body }, { odoo, lang, meta }) {
    const found = await findOne(odoo, "project", project, { lang, meta });
    if (!found.ok) return found.question;
    const plan: Plan = { project_id: found.match.id, project: found.match.name, body };
    return {
      kind: "proposal",
      summary: say(lang, texts.summary, { project: plan.project }),
      text: say(lang, texts.proposed, { project: plan.project }),
      preview: { kind: "note", project: { id: plan.project_id, name: plan.project }, body },
      plan,
    };
  },
  async execute(raw, { odoo, lang, meta }) {
    const plan = raw as Plan;
    // message_post escapes plain text itself; an internal note, not a message to followers.
    const messageId = await odoo.call<number>(
      "project.project",
      "message_post",
      [[plan.project_id]],
      { body: plan.body, message_type: "comment", subtype_xmlid: "mail.mt_note" },
      meta,
    );
    return {
      text: say(lang, texts.done, { link: recordLink("project.project", plan.project_id, plan.project) }),
      record: { model: "project.project", id: plan.project_id, name: plan.project },
      result: { message_id: messageId },
    };
  },
});

import { z } from "zod";
import { say } from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { htmlToText, rankBm25, splitPassages, type Passage } from "../retrieval/bm25.js";
import { rankByEmbeddings } from "../retrieval/embeddings.js";
import { linkLabel, recordLink, recordUrl } from "./format.js";
import { defineTool } from "./types.js";

export const askProjectInputSchema = z.object({
  project: z.string().trim().min(1).max(200).describe("The project's name as the user said it"),
  question: z.string().trim().min(1).max(500).describe("What to look for in the project's tasks, notes, messages and documents"),
});

type Source = { model: string; id: number; label: string; date?: string };

const texts = {
  none: { en: "Nothing in **{project}** (tasks, notes, messages, documents) matches “{question}”.", fr: "Rien dans **{project}** (tâches, notes, messages, documents) ne correspond à « {question} »." },
  found: { en: "What **{project}** says about “{question}”:", fr: "Ce que **{project}** dit de « {question} » :" },
  task: { en: "task", fr: "tâche" },
  message: { en: "message", fr: "message" },
  document: { en: "document", fr: "document" },
};

const PASSAGES = 5;

export const askProjectTool = defineTool({
  name: "ask_project",
  description: {
    en: "Find what a project's tasks, notes, messages and attached documents say about a question; answers the best passages with citations (links to the records).",
    fr: "Chercher ce que disent les tâches, notes, messages et documents d'un projet sur une question ; donne les meilleurs passages avec leurs sources (liens vers les enregistrements).",
  },
  schema: askProjectInputSchema,
  risk: "read",
  models: ["project.project", "project.task", "mail.message", "ir.attachment"],
  records: { project: "project" },
  calls: { "project.project": ["search_read"], "project.task": ["search_read"], "mail.message": ["search_read"], "ir.attachment": ["search_read"] },
  phrases: {
    en: [
      "{project} - (did|has|is|was|what|which|any|when) {text} [check the (notes|documents)]",
      "(in|on|for) {project}, (which|what|how|when|who) {task} {text}",
      "{project} : (has|did|is|was) the (client|customer) {text}",
      "{project} : (which|what|when|who|how|did|was|is) {text}",
      "(in|on) {project}, (which|what|when|who|how|did|was|is) {text}",
      "(what|which) {text} did we (pick|choose|decide|agree) (in|on|for) {project}",
      "what (did we say|do we know|was said|was decided|did they say|do the documents say) about {text} (in|on|for) [the] [project] {project}",
      "(search|find|look for) {text} in [the] [project] {project}",
      "(in|on|for) [project] {project}, (what|when|who|why|how) {text}",
      "(is there|was there) anything about {text} in [project] {project}",
      "what does [project] {project} say about {text}",
      "what (did|has) the (customer|client) (ask|asked|request|requested|want|wanted|say|said) [to (change|modify)|for|about] (in|on|for|about) [the] {project} [project]",
      "(what|which) (changes|modifications|requests) (did|has) the (customer|client) (ask|asked|request|requested) (in|on|for) [the] {project} [project]",
      "(when|who|why|how) {text} (in|on|for) [project] {project}",
    ],
    fr: [
      "qu'est-ce que le client a (demandé|voulu|dit) (de modifier|de changer|pour|sur) [le projet] {project}",
      "(quelles|quels) (modifications|changements|demandes) le client a (demandé|demandées|faites) (sur|pour|dans) [le projet] {project}",
      "{project} - (est-ce que|a-t-on|quel|quelle|quand) {text} [regarde les notes]",
      "{project} : (le client a-t-il|est-ce que le client|a-t-on) {text}",
      "(dans|sur) {project}, (quels|quelles|comment|quand|qui) {task} {text}",
      "{project} : (qu'est-ce qu'on|quel|quelle|quand|qui|comment|est-ce que|le client a-t-il) {text}",
      "(dans|sur|pour) {project}, (qu'est-ce qui|quel|quelle|quand|qui|comment|est-ce que) {text}",
      "(qu'est-ce qu'on a dit|que sait-on|qu'a-t-on dit|qu'est-ce qu'on sait|qu'a-t-on décidé|que disent les documents) (sur|à propos de|concernant|de) {text} (dans|sur|pour) [le] [projet] {project}",
      "(cherche|recherche|trouve) {text} dans [le] [projet] {project}",
      "(dans|sur|pour) [le projet] {project}, (quand|qui|quoi|pourquoi|comment|qu'est-ce que) {text}",
      "y a-t-il quelque chose (sur|à propos de) {text} dans [le projet] {project}",
      "que dit [le projet] {project} (sur|à propos de) {text}",
    ],
  },
  presentation: { running: { en: "Reading the project's documents…", fr: "Lecture des documents du projet…" }, done: { en: "Read the project's documents", fr: "Documents du projet lus" }, title: { en: "{project}: {question}", fr: "{project} : {question}" }, card: true },
  async run({ project, question }, { odoo, lang, fmt, meta, embed }) {
    const found = await findOne(odoo, "project", project, { lang, meta });
    if (!found.ok) return found.question;
    const tasks = await odoo.searchRead("project.task", [["project_id", "=", found.match.id]], { fields: ["name", "description"], limit: 300 }, meta);
    const taskIds = tasks.map((task) => task.id);
    const onProject = ["|", "&", ["model", "=", "project.project"], ["res_id", "=", found.match.id], "&", ["model", "=", "project.task"], ["res_id", "in", taskIds]];
    const [messages, documents] = await Promise.all([
      odoo.searchRead("mail.message", [...onProject, ["message_type", "in", ["comment", "email"]]], { fields: ["body", "date", "model", "res_id"], limit: 300, order: "date desc" }, meta),
      odoo.searchRead(
        "ir.attachment",
        ["|", "&", ["res_model", "=", "project.project"], ["res_id", "=", found.match.id], "&", ["res_model", "=", "project.task"], ["res_id", "in", taskIds]],
        { fields: ["name", "index_content"], limit: 50 },
        meta,
      ),
    ]);
    const taskName = new Map(tasks.map((task) => [task.id, String(task.name)]));
    const passages: Passage<Source>[] = [
      ...tasks.flatMap((task) =>
        splitPassages(`${task.name}. ${htmlToText(task.description)}`).map((text) => ({ text, source: { model: "project.task", id: task.id, label: `${say(lang, texts.task)} ${task.name}` } })),
      ),
      ...messages.flatMap((message) => {
        const onTask = message.model === "project.task";
        const label = `${say(lang, texts.message)} ${onTask ? `(${taskName.get(Number(message.res_id)) ?? ""}) ` : ""}${fmt.date(message.date)}`;
        return splitPassages(htmlToText(message.body)).map((text) => ({
          text,
          source: { model: String(message.model), id: Number(message.res_id), label, date: String(message.date ?? "") },
        }));
      }),
      ...documents.flatMap((document) =>
        splitPassages(`${document.name}. ${typeof document.index_content === "string" ? document.index_content.slice(0, 20_000) : ""}`).map((text) => ({
          text,
          source: { model: "ir.attachment", id: document.id, label: `${say(lang, texts.document)} ${document.name}` },
        })),
      ),
    ];
    // By meaning when an embeddings endpoint is configured, else (or if it fails) by BM25.
    const best = embed ? await rankByEmbeddings(embed, question, passages, PASSAGES).catch(() => rankBm25(question, passages, PASSAGES)) : rankBm25(question, passages, PASSAGES);
    const name = found.match.name;
    if (!best.length) return { kind: "answer", text: say(lang, texts.none, { project: name, question }), data: { passages: [] } };
    const link = (source: Source) =>
      source.model === "ir.attachment" ? `[${linkLabel(source.label)}](/web/content/${source.id}?download=true)` : recordLink(source.model, source.id, source.label);
    const lines = best.map((passage, index) => `${index + 1}. ${quote(passage.text)} — ${link(passage.source)}`);
    return {
      kind: "answer",
      text: [say(lang, texts.found, { project: recordLink("project.project", found.match.id, name), question }), "", ...lines].join("\n"),
      data: {
        project: name,
        passages: best.map((passage, index) => ({
          n: index + 1,
          text: passage.text,
          source: passage.source.label,
          url: passage.source.model === "ir.attachment" ? `/web/content/${passage.source.id}?download=true` : recordUrl(passage.source.model, passage.source.id),
        })),
        note: "Cite the passages you use with their links.",
      },
    };
  },
});

function quote(text: string): string {
  const short = text.length > 280 ? `${text.slice(0, 277)}…` : text;
  return `“${short.replace(/[[\]]/g, "")}”`;
}

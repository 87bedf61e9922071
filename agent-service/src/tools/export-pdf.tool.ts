import { z } from "zod";
import { say } from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { defineTool } from "./types.js";

export const exportPdfInputSchema = z.object({
  target: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('What to export: "conversation" for this conversation, or a project\'s name for its summary and open tasks'),
});

const texts = {
  conversation: { en: "[Download this conversation as a PDF]({url})", fr: "[Télécharger cette conversation en PDF]({url})" },
  project: { en: "[Download the summary of {project} as a PDF]({url})", fr: "[Télécharger le résumé de {project} en PDF]({url})" },
};

const CONVERSATION = /^(?:conversation|this conversation|cette conversation|la conversation|chat|discussion|this|ceci|ça|ca)$/i;

/** A PDF of the conversation or of a project's summary, made by the agent and served by the addon. */
export const exportPdfTool = defineTool({
  name: "export_pdf",
  description: {
    en: "Export this conversation, or a project's summary with its open tasks, as a PDF the user can download.",
    fr: "Exporter cette conversation, ou le résumé d'un projet avec ses tâches ouvertes, en PDF téléchargeable.",
  },
  schema: exportPdfInputSchema,
  risk: "read",
  models: [],
  calls: { "project.project": ["search_read", "read", "fields_get"], "project.task": ["search_read"], "res.users": ["read"] },
  phrases: {
    en: [
      "(export|download|save|print) [this|the] (conversation|chat|discussion) (as|to|in) [a] pdf",
      "(export|download|print) [the] project {project} (as|to|in) [a] pdf",
      "(pdf|pdf report) (of|for) [the] [project] {project}",
      "(make|generate|give me) a pdf (of|for) [the] [project] {project}",
      "pdf",
    ],
    fr: [
      "(exporte|télécharge|imprime|sauvegarde) [la|cette] (conversation|discussion) en pdf",
      "(exporte|imprime) [le] projet {project} en pdf",
      "(pdf|rapport pdf) (du|de la|de) [projet] {project}",
      "(fais|génère|donne)[-moi] un pdf (du|de|pour) [projet] {project}",
      "pdf",
    ],
  },
  slash: { name: "export_pdf", fr: "exporter_pdf", aliases: ["pdf"], empty: { target: "conversation" }, label: { en: "This conversation as a PDF", fr: "Cette conversation en PDF" } },
  presentation: { running: { en: "Preparing the PDF…", fr: "Préparation du PDF…" }, done: { en: "PDF ready", fr: "PDF prêt" } },
  async run({ target }, { odoo, lang, meta }) {
    const session = encodeURIComponent(meta.sessionId ?? "");
    if (CONVERSATION.test(target)) {
      const url = `/copilot/export/pdf?session_id=${session}`;
      return { kind: "answer", text: say(lang, texts.conversation, { url }), data: { url } };
    }
    const found = await findOne(odoo, "project", target, { lang, meta });
    if (!found.ok) return found.question;
    const url = `/copilot/export/pdf?session_id=${session}&project_id=${found.match.id}`;
    return { kind: "answer", text: say(lang, texts.project, { project: found.match.name, url }), data: { url } };
  },
});

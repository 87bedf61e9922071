import type { Lang } from "../i18n.js";
import { say } from "../i18n.js";
import type { PublicMessage } from "../agent/turn-service.js";
import type { ToolContext } from "../tools/types.js";
import { listTasksTool } from "../tools/list-tasks.tool.js";
import { projectSummaryTool } from "../tools/project-summary.tool.js";
import { markdownToText, renderPdf, type PdfBlock } from "./pdf.js";

const texts = {
  conversation: { en: "Copilot conversation", fr: "Conversation avec le copilote" },
  you: { en: "You", fr: "Vous" },
  copilot: { en: "Copilot", fr: "Copilote" },
  exported: { en: "Exported on {date} for {user}", fr: "Exporté le {date} pour {user}" },
  action: { en: "Action ({status}): {summary}", fr: "Action ({status}) : {summary}" },
  tasks: { en: "Open tasks", fr: "Tâches ouvertes" },
};

export function conversationPdf(lang: Lang, input: { title: string; user: string; messages: PublicMessage[] }): Buffer {
  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  const blocks: PdfBlock[] = [
    { kind: "title", text: input.title || say(lang, texts.conversation) },
    { kind: "muted", text: say(lang, texts.exported, { date, user: input.user }) },
  ];
  for (const message of input.messages) {
    blocks.push({ kind: "heading", text: `${say(lang, message.role === "user" ? texts.you : texts.copilot)} — ${message.created_at.slice(0, 16).replace("T", " ")}` });
    blocks.push({ kind: "text", text: markdownToText(message.content) });
    for (const action of message.actions ?? []) {
      blocks.push({ kind: "muted", text: say(lang, texts.action, { status: action.status, summary: action.summary }) });
    }
  }
  return renderPdf(blocks, say(lang, texts.conversation));
}

/** A project's summary and open tasks, read as the user, as a PDF. */
export async function projectPdf(ctx: ToolContext, projectId: number, user: string): Promise<Buffer> {
  const [row] = await ctx.odoo.read("project.project", [projectId], ["name"], ctx.meta);
  const name = String(row?.name ?? projectId);
  const summary = await projectSummaryTool.run({ project: name }, ctx);
  const tasks = await listTasksTool.run(listTasksTool.schema.parse({ project: name, limit: 50 }), ctx);
  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  return renderPdf(
    [
      { kind: "title", text: name },
      { kind: "muted", text: say(ctx.lang, texts.exported, { date, user }) },
      { kind: "text", text: markdownToText(summary.text) },
      { kind: "heading", text: say(ctx.lang, texts.tasks) },
      { kind: "text", text: markdownToText(tasks.text) },
    ],
    name,
  );
}

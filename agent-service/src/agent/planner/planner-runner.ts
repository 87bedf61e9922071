import { t, type Lang, type MessageKey } from "../../i18n.js";
import type { Runner } from "../runner.js";
import { parseIntent } from "./parse.js";
import { readRequest } from "./reader.js";

/** The runner used when no language model is configured: the same tools, driven by `parseIntent`. */
export function createPlannerRunner(options: { note?: MessageKey } = {}): Runner & { understands(message: string, today: string): boolean } {
  const note = options.note ?? "offline.note";
  return {
    mode: "offline",
    // the previous request is read only for a follow-up ("and for Gemini Furniture?")
    usesHistory: false,
    understands: (message, today) => parseIntent(message, today).kind === "tool",
    async run({ message, context, lang, today, invoke, onText, tools, odoo, meta, previousRequest }) {
      const { intent } = await readRequest({ message, lang, today, tools, odoo, meta, project: context?.project?.name, previous: previousRequest });
      let reply: string;
      switch (intent.kind) {
        case "tool": {
          const invocation = await invoke(intent.tool, intent.args);
          reply = invocation.ok ? invocation.outcome.text : invocation.error;
          break;
        }
        case "ask":
          reply = t(lang, intent.key, intent.params);
          break;
        case "refuse_destructive":
          reply = `${t(lang, "help.refuse_destructive")}\n\n${helpText(lang)}`;
          break;
        case "help":
          reply = helpText(lang);
          break;
        default:
          reply = `${t(lang, "help.not_understood")} ${helpText(lang)}`;
      }
      const full = `${reply}\n\n${t(lang, note)}`;
      onText(full);
      return { reply: full };
    },
  };
}

function helpText(lang: Lang): string {
  return t(lang, "help.intro");
}

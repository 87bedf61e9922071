import { t, type Lang, type MessageKey } from "../../i18n.js";
import type { Runner, RunnerInput } from "../runner.js";
import { applyScreen, findDeictic, readScreen } from "../screen.js";
import { readRequest, type ReadResult } from "./reader.js";

/**
 * One reading a turn: the model's fallback asks `understands` then `run` with the same input, and
 * the reading (its Odoo lookup included) is not done twice.
 */
const readings = new WeakMap<RunnerInput, Promise<ReadResult>>();
function readingOf(input: RunnerInput): Promise<ReadResult> {
  let reading = readings.get(input);
  if (!reading) {
    reading = read(input);
    readings.set(input, reading);
  }
  return reading;
}

async function read(input: RunnerInput): Promise<ReadResult> {
  const { context, lang, today, tools, odoo, meta, previousRequest } = input;
  let message = input.message;
  // "this customer", "ce devis": the record on the user's screen, by its name; or a question, never a guess
  if (findDeictic(message)) {
    const view = context?.screen && odoo ? await readScreen(odoo, context.screen, meta) : {};
    const screened = applyScreen(message, view, lang);
    if ("ask" in screened) return { intent: { kind: "ask", key: screened.ask, params: screened.params }, reading: { intent: "None", score: 0 }, delexicalized: "" };
    message = screened.text;
  }
  return readRequest({ message, lang, today, tools, odoo, meta, project: context?.project?.name, previous: previousRequest });
}

/** The runner used when no language model is configured: the same tools, driven by `readRequest`. */
export function createPlannerRunner(options: { note?: MessageKey } = {}): Runner & { understands(input: RunnerInput): Promise<boolean> } {
  const note = options.note ?? "offline.note";
  return {
    mode: "offline",
    // the previous request is read only for a follow-up ("and for Gemini Furniture?")
    usesHistory: false,
    // what the entity-first reader makes a tool of, or a question about (never "not understood")
    understands: async (input) => {
      const { intent } = await readingOf(input);
      return intent.kind === "tool" || intent.kind === "ask";
    },
    async run(input) {
      const { lang, invoke, onText } = input;
      const { intent } = await readingOf(input);
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

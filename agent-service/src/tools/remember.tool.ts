import { z } from "zod";
import { say } from "../i18n.js";
import { normalize } from "../odoo/resolve.js";
import { defineTool } from "./types.js";

export const rememberInputSchema = z.object({
  fact: z.string().trim().min(3).max(500).describe("What the user asked to remember, as a short sentence in their words"),
});

const texts = {
  done: { en: "Noted: “{fact}”. I will keep it in mind in your next conversations (see them in your memories).", fr: "C'est noté : « {fact} ». Je m'en souviendrai dans vos prochaines conversations (à retrouver dans vos mémoires)." },
  unavailable: { en: "I cannot remember things right now.", fr: "Je ne peux pas mémoriser pour le moment." },
  full: { en: "Your memory is full (50 items): delete some first.", fr: "Votre mémoire est pleine (50 éléments) : supprimez-en d'abord." },
};

/** Long-term memory: a preference or fact the user states once ("my default warehouse is WH2"). */
export const rememberTool = defineTool({
  name: "remember",
  description: {
    en: "Remember a preference or fact the user asks to keep for later conversations (e.g. their default warehouse). Only when the user asks to remember.",
    fr: "Mémoriser une préférence ou un fait que l'utilisateur demande de garder pour ses prochaines conversations (ex. son entrepôt par défaut). Seulement quand il le demande.",
  },
  schema: rememberInputSchema,
  risk: "read",
  models: [],
  calls: {},
  phrases: {
    en: [
      "remember that my {text}",
      "remember (that|:) i prefer {text}",
      "(remember|keep in mind|don't forget|memorize|note) that {text}",
      "(remember|memorize) : {text}",
      "from now on {text}",
      "for future reference {text}",
    ],
    fr: [
      "retiens que je préfère {text}",
      "retiens que mon {text}",
      "(retiens|souviens-toi|rappelle-toi|mémorise|garde en mémoire|n'oublie pas) (que|qu') {text}",
      "(retiens|mémorise) : {text}",
      "désormais {text}",
      "à l'avenir {text}",
    ],
  },
  presentation: { running: { en: "Remembering…", fr: "Mémorisation…" }, done: { en: "Remembered", fr: "Mémorisé" } },
  async run({ fact }, { lang, memory }) {
    if (!memory) return { kind: "answer", text: say(lang, texts.unavailable), data: {} };
    const existing = await memory.list();
    if (existing.length >= 50) return { kind: "answer", text: say(lang, texts.full), data: {} };
    const duplicate = existing.find((item) => normalize(item.text) === normalize(fact));
    const saved = duplicate ?? (await memory.add(fact));
    return { kind: "answer", text: say(lang, texts.done, { fact: saved.text }), data: { remembered: saved.text } };
  },
});

export const forgetInputSchema = z.object({
  fact: z.string().trim().min(2).max(500).describe("Words of the memory to forget"),
});

const forgetTexts = {
  done: { en: "Forgotten: “{fact}”.", fr: "Oublié : « {fact} »." },
  none: { en: "I have no memory matching “{fact}”.", fr: "Je n'ai aucun souvenir correspondant à « {fact} »." },
};

export const forgetTool = defineTool({
  name: "forget",
  description: { en: "Forget a memory the user asks to delete.", fr: "Oublier un souvenir que l'utilisateur demande de supprimer." },
  schema: forgetInputSchema,
  risk: "read",
  models: [],
  calls: {},
  phrases: {
    en: [
      "forget my (preference|setting) (on|about) {text}",
      "forget (that|what I told you about) {text}",
      "(stop remembering|don't remember) {text}",
    ],
    fr: [
      "oublie ma (préférence|remarque) (sur|concernant) {text}",
      "oublie (que|ce que je t'ai dit sur) {text}",
      "ne retiens plus {text}",
    ],
  },
  presentation: { running: { en: "Forgetting…", fr: "Oubli…" }, done: { en: "Forgotten", fr: "Oublié" } },
  async run({ fact }, { lang, memory }) {
    const wanted = normalize(fact);
    const match = (await memory?.list())?.find((item) => normalize(item.text).includes(wanted) || wanted.includes(normalize(item.text)));
    if (!match || !memory) return { kind: "answer", text: say(lang, forgetTexts.none, { fact }), data: {} };
    await memory.remove(match.id);
    return { kind: "answer", text: say(lang, forgetTexts.done, { fact: match.text }), data: { forgotten: match.text } };
  },
});

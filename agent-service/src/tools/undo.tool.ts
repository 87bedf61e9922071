import { z } from "zod";
import { say } from "../i18n.js";
import { defineTool } from "./types.js";

export const undoInputSchema = z.object({
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('The id of a copilot action to undo (act_…), or "last" for the latest one done in this conversation'),
});

type Plan = { action_id: string; summary: string };

const texts = {
  none: { en: "There is no change of mine to undo in this conversation.", fr: "Il n'y a aucune modification de ma part à annuler dans cette conversation." },
  notDone: { en: "This action was not run, so there is nothing to undo.", fr: "Cette action n'a pas été exécutée : il n'y a rien à annuler." },
  summary: { en: "Undo: {summary}", fr: "Annuler : {summary}" },
  proposed: {
    en: "I will undo **{summary}** in Odoo, if nothing changed since. Click **Confirm** to undo it.",
    fr: "Je vais annuler **{summary}** dans Odoo, si rien n'a changé depuis. Cliquez sur **Confirmer** pour l'annuler.",
  },
};

/** Reverses a copilot write at the business level; the addon decides what Odoo allows (see its action log). */
export const undoTool = defineTool({
  name: "undo",
  description: {
    en: "Undo a change the copilot made (e.g. remove the draft quotation it created, archive the task), when Odoo allows it. Asks for confirmation.",
    fr: "Annuler une modification faite par le copilote (ex. supprimer le devis brouillon créé, archiver la tâche), quand Odoo le permet. Demande confirmation.",
  },
  schema: undoInputSchema,
  risk: "state_change",
  // The addon checks what may be undone, as the user; reading the log is the right to ask.
  writes: ["copilot.action.log", "read"],
  models: ["copilot.action.log"],
  calls: { "copilot.action.log": ["undo_action"] },
  phrases: {
    en: [
      "[oops|sorry] (undo|revert|reverse|roll back) [action] act_(a1b2c3|9f8e7d|41c0ffee)",
      "(undo|revert|reverse|roll back|take back) [that|this|it|the last action|your last change|what you did|the last change]",
      "(oops|no wait) undo [that]",
      "cancel what you just did",
    ],
    fr: [
      "[oups|pardon] (annule|défais|reviens sur) [l'action] act_(a1b2c3|9f8e7d|41c0ffee)",
      "(annule|défais|annuler|défaire) (ça|cela|la dernière action|ta dernière modification|ce que tu as fait|la dernière opération|ta dernière action)",
      "(reviens|revenir) en arrière",
      "oups annule [ça]",
    ],
  },
  slash: { name: "undo", fr: "annuler", empty: { action: "last" }, label: { en: "Undo my last change", fr: "Annuler ma dernière modification" } },
  presentation: { running: { en: "Preparing the undo…", fr: "Préparation de l'annulation…" }, done: { en: "Undo prepared", fr: "Annulation préparée" } },
  async run({ action }, { lang, actions }) {
    const target = /^(?:last|latest|dernière|derniere|la dernière|that|ça|ca)$/i.test(action) ? await actions?.lastDone() : await actions?.get(action);
    if (!target) return { kind: "clarify", text: say(lang, texts.none) };
    if (target.status !== "done") return { kind: "answer", text: say(lang, texts.notDone), data: { status: target.status } };
    return {
      kind: "proposal",
      summary: say(lang, texts.summary, { summary: target.summary }),
      text: say(lang, texts.proposed, { summary: target.summary }),
      preview: { kind: "record_change", ...(target.record ? { record: target.record } : {}), changes: [{ text: say(lang, texts.summary, { summary: target.summary }) }] },
      plan: { action_id: target.id, summary: target.summary } satisfies Plan,
    };
  },
  async execute(raw, { odoo, meta }) {
    const plan = raw as Plan;
    const answer = await odoo.call<{ message?: string }>("copilot.action.log", "undo_action", [plan.action_id], {}, meta);
    return { text: String(answer?.message ?? plan.summary), result: { undone: plan.action_id } };
  },
});

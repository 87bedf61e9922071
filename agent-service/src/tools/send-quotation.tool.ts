import { z } from "zod";
import { say } from "../i18n.js";
import { m2oName, recordLink } from "./format.js";
import { findOpenQuotation, stateLabel } from "./quotation-format.js";
import { defineTool } from "./types.js";

export const sendQuotationInputSchema = z.object({
  quotation: z.string().trim().min(1).max(100).describe("The quotation's number, e.g. S00042"),
});

type Plan = { order_id: number; name: string; customer: string; already_sent: boolean };

const texts = {
  notDraft: { en: "**{name}** is « {state} »: only a quotation can be sent.", fr: "**{name}** est « {state} » : seul un devis peut être envoyé." },
  summary: { en: "Email quotation {name} to {customer}", fr: "Envoyer le devis {name} par e-mail à {customer}" },
  proposed: {
    en: "I will email **{name}** to **{customer}** with Odoo's quotation template and mark it as sent. Click **Confirm** to send it.",
    fr: "Je vais envoyer **{name}** par e-mail à **{customer}** avec le modèle de devis d'Odoo et le marquer comme envoyé. Cliquez sur **Confirmer** pour l'envoyer.",
  },
  done: { en: "{link} was emailed to {customer}.", fr: "{link} a été envoyé par e-mail à {customer}." },
};


export const sendQuotationTool = defineTool({
  name: "send_quotation",
  description: {
    en: "Email a quotation to its customer with Odoo's quotation template, and mark it as sent (after the user confirms).",
    fr: "Envoyer un devis par e-mail à son client avec le modèle de devis d'Odoo, et le marquer comme envoyé (après confirmation).",
  },
  schema: sendQuotationInputSchema,
  risk: "state_change",
  writes: ["sale.order", "write"],
  models: ["sale.order"],
  records: { quotation: "quotation" },
  calls: { "sale.order": ["search_read", "fields_get", "action_quotation_sent", "message_post_with_source"] },
  phrases: {
    en: [
      "(send|email) {customer}'s (quote|quotation)",
      "send the (quote|quotation) [to the customer]",
      "(send|email|mail|e-mail|forward) [the] [quote|quotation|order] {quotation} [to the customer|by email|by mail]",
      "(send|email) {quotation} to {customer}",
      "(can you|please) send {quotation}",
    ],
    fr: [
      "(envoie|envoyer) le devis (de|à) {customer}",
      "envoie le devis [au client]",
      "(envoie|envoyer|renvoie|mail|expédie|transmets) [le] [devis|la commande] {quotation} [au client|par mail|par e-mail|par email]",
      "(envoie|envoyer) {quotation} à {customer}",
      "(peux-tu|tu peux) envoyer {quotation}",
    ],
  },
  presentation: { running: { en: "Preparing to send the quotation…", fr: "Préparation de l'envoi du devis…" }, done: { en: "Sending of the quotation prepared", fr: "Envoi du devis préparé" }, title: { en: "Send {quotation}", fr: "Envoi de {quotation}" } },
  async run({ quotation }, { odoo, lang, meta, labels }) {
    const open = await findOpenQuotation(quotation, { odoo, lang, meta, labels }, texts.notDraft);
    if (!open.ok) return open.outcome;
    const { order, name } = open;
    const customer = m2oName(order.partner_id) ?? "";
    return {
      kind: "proposal",
      summary: say(lang, texts.summary, { name, customer }),
      text: say(lang, texts.proposed, { name, customer }),
      preview: { kind: "record_change", record: { model: "sale.order", id: order.id, name }, changes: [{ field: "state", from: await stateLabel(labels, order.state), to: await stateLabel(labels, "sent") }] },
      plan: { order_id: order.id, name, customer, already_sent: order.state === "sent" } satisfies Plan,
    };
  },
  async execute(raw, { odoo, lang, meta }) {
    const plan = raw as Plan;
    // What Odoo's Send button does, without its wizard: mark as sent (which makes the customer a
    // follower), then post the quotation template in the chatter, which emails the followers.
    if (!plan.already_sent) await odoo.call("sale.order", "action_quotation_sent", [[plan.order_id]], {}, meta);
    await odoo.call(
      "sale.order",
      "message_post_with_source",
      [[plan.order_id], "sale.email_template_edi_sale"],
      { message_type: "comment", subtype_xmlid: "mail.mt_comment" },
      meta,
    );
    return {
      text: say(lang, texts.done, { link: recordLink("sale.order", plan.order_id, plan.name), customer: plan.customer }),
      record: { model: "sale.order", id: plan.order_id, name: plan.name },
      result: { id: plan.order_id, state: "sent" },
    };
  },
});

import { z } from "zod";
import {say} from "../i18n.js";
import { currenciesOf } from "./currencies.js";
import { m2oId, m2oName, recordLink } from "./format.js";
import { findOpenQuotation, orderMoney, stateLabel } from "./quotation-format.js";
import { defineTool } from "./types.js";

export const confirmQuotationInputSchema = z.object({
  quotation: z.string().trim().min(1).max(100).describe("The quotation's number, e.g. S00042"),
});

type Plan = { order_id: number; name: string; customer: string };

const texts = {
  summary: { en: "Confirm quotation {name} for {customer} ({total})", fr: "Confirmer le devis {name} pour {customer} ({total})" },
  proposed: {
    en: "Confirming **{name}** turns it into a sales order for **{customer}** ({total}). Click **Confirm** to do it.",
    fr: "Confirmer **{name}** le transforme en bon de commande pour **{customer}** ({total}). Cliquez sur **Confirmer** pour le faire.",
  },
  notDraft: {
    en: "**{name}** cannot be confirmed: it is already « {state} ».",
    fr: "**{name}** ne peut pas être confirmé : il est déjà « {state} ».",
  },
  done: { en: "**{name}** is now a sales order: {link}", fr: "**{name}** est maintenant un bon de commande : {link}" },
};

export const confirmQuotationTool = defineTool({
  name: "confirm_quotation",
  description: {
    en: "Confirm a quotation into a sales order (after the user confirms the card).",
    fr: "Confirmer un devis en bon de commande (après confirmation de la carte par l'utilisateur).",
  },
  schema: confirmQuotationInputSchema,
  risk: "state_change",
  writes: ["sale.order", "write"],
  models: ["sale.order"],
  records: { quotation: "quotation" },
  calls: { "sale.order": ["search_read", "fields_get", "action_confirm"], "res.currency": ["read"] },
  phrases: {
    en: [
      "{customer} accepted (quotation|quote) {quotation} [this morning|today], please confirm it",
      "please confirm it so the warehouse can (prepare|ship) the delivery",
      "(confirm|validate|accept) the (quote|quotation|order)",
      "(the client|the customer|they) said yes, (confirm|turn|convert) [the] [quote] {quotation} [into an order]",
      "(turn|convert) [the] quote into an order",
      "(confirm|validate|accept|approve|book) [the] [quote|quotation|order] {quotation}",
      "(turn|convert|transform|make) [the] [quote] {quotation} (into|to) [a] (sales order|order|sale)",
      "{quotation} (is accepted|is confirmed|was signed|is signed|is approved)",
      "the customer (accepted|signed|approved) {quotation}",
      "mark {quotation} as (confirmed|won|accepted|sold)",
      "(go ahead with|proceed with) {quotation}",
    ],
    fr: [
      "{customer} a accepté le devis {quotation} [ce matin], (confirme-le|merci de le confirmer)",
      "(confirme-le|valide-le) pour que l'entrepôt prépare la livraison",
      "(confirme|valide|accepte) (le devis|la commande)",
      "le client a dit oui, (confirme|passe|transforme) [le devis] {quotation} [en commande]",
      "(passe|transforme) le devis en commande",
      "(confirme|valide|accepte|approuve|confirmer|valider) [le] [devis|la commande] {quotation}",
      "(passe|transforme|convertis|change|bascule) le devis {quotation} en (bon de commande|commande|vente)",
      "{quotation} (est accepté|est signé|est validé|a été signé)",
      "le client a (accepté|signé|validé) [le devis] {quotation}",
      "(passe|mets) {quotation} en (commande|bon de commande)",
      "on peut confirmer {quotation}",
    ],
  },
  presentation: { running: { en: "Preparing the confirmation of the quotation…", fr: "Préparation de la confirmation du devis…" }, done: { en: "Confirmation of the quotation prepared", fr: "Confirmation du devis préparée" }, title: { en: "Confirm {quotation}", fr: "Confirmation de {quotation}" } },
  async run({ quotation }, { odoo, lang, fmt, meta, labels }) {
    const open = await findOpenQuotation(quotation, { odoo, lang, meta, labels }, texts.notDraft);
    if (!open.ok) return open.outcome;
    const { order, name } = open;
    const currencies = await currenciesOf(odoo, [order], meta);
    const total = orderMoney(fmt, order.amount_total, currencies.get(m2oId(order.currency_id) ?? 0));
    const customer = m2oName(order.partner_id) ?? "";
    const plan: Plan = { order_id: order.id, name, customer };
    return {
      kind: "proposal",
      summary: say(lang, texts.summary, { name, customer, total }),
      text: say(lang, texts.proposed, { name, customer, total }),
      preview: { kind: "record_change", record: { model: "sale.order", id: order.id, name }, changes: [{ field: "state", from: await stateLabel(labels, order.state), to: await stateLabel(labels, "sale") }] },
      plan,
    };
  },
  async execute(raw, { odoo, lang, meta }) {
    const plan = raw as Plan;
    await odoo.call("sale.order", "action_confirm", [[plan.order_id]], {}, meta);
    return {
      text: say(lang, texts.done, { name: plan.name, link: recordLink("sale.order", plan.order_id, plan.name) }),
      record: { model: "sale.order", id: plan.order_id, name: plan.name },
      result: { id: plan.order_id, state: "sale" },
    };
  },
});

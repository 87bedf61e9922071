import { z } from "zod";
import {say} from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import type { OdooDomain } from "../odoo/odoo-client.js";
import { currenciesOf } from "./currencies.js";
import { m2oId, m2oName, markdownTable, moreHint, recordLink } from "./format.js";
import { QUOTATION_FIELDS, orderMoney } from "./quotation-format.js";
import { defineTool } from "./types.js";

export const listQuotationsInputSchema = z.object({
  customer: z.string().trim().min(1).max(200).optional().describe("Only this customer's quotations (name as the user said it)"),
  state: z
    .enum(["draft", "sent", "sale", "cancel", "open"])
    .optional()
    .describe("draft: not sent yet; sent; sale: confirmed orders; cancel; open: draft or sent. Omit for all quotations (draft and sent)"),
  limit: z.number().int().min(1).max(50).default(10).describe("How many to list at most"),
});

const texts = {
  none: { en: "No quotation found{who}.", fr: "Aucun devis trouvé{who}." },
  found: { en: "Quotations{who}:", fr: "Devis{who} :" },
  who: { en: " for **{customer}**", fr: " pour **{customer}**" },
  headers: { en: "Number|Customer|Date|Total|Status", fr: "Numéro|Client|Date|Total|Statut" },
};

export const listQuotationsTool = defineTool({
  name: "list_quotations",
  description: {
    en: "List sales quotations and orders, optionally of one customer and in one state, newest first.",
    fr: "Lister les devis et commandes, éventuellement d'un client et dans un état, du plus récent au plus ancien.",
  },
  schema: listQuotationsInputSchema,
  risk: "read",
  models: ["sale.order"],
  records: { customer: "customer" },
  calls: { "res.partner": ["search_read"], "sale.order": ["search_read", "fields_get"], "res.currency": ["read"] },
  phrases: {
    en: [
      "(orders|sales orders) [confirmed] {customer}",
      "(show|list|display|give me|see|find) [me] [all] [the] [draft|sent|open|confirmed|pending|recent|last] (quotes|quotations|orders|sales orders|offers) (of|for|from|to) [customer] {customer}",
      "{customer}'s [open|draft|sent|last] (quotes|quotations|orders)",
      "(quotes|quotations|orders) (of|for|from) {customer}",
      "what (quotes|quotations|orders) (does|did) {customer} have",
      "(my|our|all|the) [open|draft|sent|pending|confirmed] (quotes|quotations|orders|sales orders)",
      "(list|show) [all] [the] (quotes|quotations|orders)",
      "(which|what) (quotes|quotations) are (still in draft|not sent|waiting|pending|open)",
      "(any|are there) (quotes|orders) for {customer}",
      "(last|latest|recent) (quotes|orders) (of|for) {customer}",
      "has {customer} (got|had) any (quotes|orders)",
    ],
    fr: [
      "(cdes|commandes|cmds) [confirmées|en cours|validées] {customer}",
      "(les) (cdes|commandes) (de|chez) {customer}",
      "(montre|liste|affiche|donne|trouve)[-moi] [tous] les [derniers] (devis|commandes|offres) [en brouillon|envoyés|en cours|confirmés] (de|du client|pour|chez|de la société) {customer}",
      "les (devis|commandes|offres) (de|du client|pour|chez) {customer}",
      "(devis|commandes) (de|pour|chez) {customer}",
      "(quels|quelles) (devis|commandes) (a|pour|chez) {customer}",
      "(mes|nos|tous les|les) (devis|commandes) [en cours|en brouillon|envoyés|confirmés|en attente]",
      "(liste|montre|affiche) (des|les) (devis|commandes)",
      "quels devis sont (en brouillon|envoyés|en attente|ouverts)",
      "les dernières (commandes|devis) de {customer}",
      "est-ce que {customer} a des (devis|commandes)",
    ],
  },
  presentation: { running: { en: "Reading quotations…", fr: "Lecture des devis…" }, done: { en: "Quotations read", fr: "Devis lus" }, title: { en: "Quotations {customer}", fr: "Devis {customer}" }, card: true },
  async run({ customer, state, limit }, { odoo, lang, fmt, meta, labels }) {
    const domain: OdooDomain = [];
    let customerName: string | undefined;
    if (customer) {
      const found = await findOne(odoo, "customer", customer, { lang, meta });
      if (!found.ok) return found.question;
      customerName = found.match.name;
      domain.push(["partner_id", "child_of", found.match.id]);
    }
    if (state === "open" || state === undefined) domain.push(["state", "in", ["draft", "sent"]]);
    else domain.push(["state", "=", state]);
    const rows = await odoo.searchRead("sale.order", domain, { fields: QUOTATION_FIELDS, limit: limit + 1, order: "date_order desc, id desc" }, meta);
    const shown = rows.slice(0, limit);
    const currencies = await currenciesOf(odoo, shown, meta);
    const who = customerName ? say(lang, texts.who, { customer: customerName }) : "";
    const states = await labels("sale.order", "state");
    const quotations = shown.map((row) => ({
      id: row.id,
      name: String(row.name),
      customer: m2oName(row.partner_id) ?? "",
      date: row.date_order,
      state: row.state,
      state_label: states[String(row.state)] ?? String(row.state ?? ""),
      amount_total: row.amount_total,
    }));
    if (!quotations.length) return { kind: "answer", text: say(lang, texts.none, { who }), data: { quotations } };
    const table = markdownTable(
      say(lang, texts.headers).split("|"),
      shown.map((row) => [
        recordLink("sale.order", row.id, String(row.name)),
        m2oName(row.partner_id),
        fmt.date(row.date_order),
        orderMoney(fmt, row.amount_total, currencies.get(m2oId(row.currency_id) ?? 0)),
        states[String(row.state)] ?? String(row.state ?? ""),
      ]),
      ["l", "l", "l", "r", "l"],
    );
    return {
      kind: "answer",
      text: [say(lang, texts.found, { who }), "", table, ...moreHint(lang, rows.length > limit)].join("\n"),
      data: { quotations, more: rows.length > limit },
    };
  },
});

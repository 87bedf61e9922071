import { z } from "zod";
import {say} from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { currenciesOf } from "./currencies.js";
import { m2oId, m2oName, markdownTable, recordLink } from "./format.js";
import { QUOTATION_FIELDS, orderMoney, stateLabel } from "./quotation-format.js";
import { defineTool } from "./types.js";

export const getQuotationInputSchema = z.object({
  quotation: z.string().trim().min(1).max(100).describe("The quotation's number, e.g. S00042"),
});

const texts = {
  title: { en: "**{name}** — {customer}, {date}, {state}", fr: "**{name}** — {customer}, {date}, {state}" },
  headers: { en: "Product|Quantity|Unit price|Subtotal", fr: "Produit|Quantité|Prix unitaire|Sous-total" },
  totals: { en: "Untaxed: {untaxed} · Taxes: {tax} · **Total: {total}**", fr: "HT : {untaxed} · Taxes : {tax} · **Total : {total}**" },
};

export const getQuotationTool = defineTool({
  name: "get_quotation",
  description: {
    en: "Show one quotation or sales order: customer, status, lines and totals.",
    fr: "Afficher un devis ou une commande : client, statut, lignes et totaux.",
  },
  schema: getQuotationInputSchema,
  risk: "read",
  models: ["sale.order", "sale.order.line"],
  records: { quotation: "quotation" },
  calls: { "sale.order": ["search_read", "fields_get"], "sale.order.line": ["search_read"], "res.currency": ["read"] },
  phrases: {
    en: [
      "(show|open|display|see|get|pull up) [me] [the] (quote|quotation|order|sales order) {quotation}",
      "(details|status|total|amount|lines|content) (of|for) [quote|order|quotation] {quotation}",
      "what is in {quotation}",
      "(what's|what is) the (status|total) of {quotation}",
      "(how much|what) is {quotation}",
      "(look at|check) {quotation}",
      "(what's|what is) (on|in) [the] [quote|quotation|order] {quotation}",
      "(info|news|an update) on [the] [quote|order] {quotation}",
      "{quotation}",
    ],
    fr: [
      "(montre|affiche|ouvre|voir|donne)[-moi] [le] (devis|commande|bon de commande) {quotation}",
      "(détails|statut|état|montant|total|lignes|contenu) (du devis|de la commande|de) {quotation}",
      "(que contient|qu'y a-t-il dans) [le devis] {quotation}",
      "où en est (le devis|la commande) {quotation}",
      "c'est quoi {quotation}",
      "(qu'est-ce qu'il y a|qu'y a-t-il|y a quoi) (sur|dans) [le devis|la commande] {quotation}",
      "(des nouvelles|infos) (du devis|de la commande|sur) {quotation}",
      "{quotation}",
    ],
  },
  presentation: { running: { en: "Reading the quotation…", fr: "Lecture du devis…" }, done: { en: "Quotation read", fr: "Devis lu" }, title: { en: "Quotation {quotation}", fr: "Devis {quotation}" }, card: true },
  async run({ quotation }, { odoo, lang, fmt, meta, labels }) {
    const found = await findOne(odoo, "quotation", quotation, { lang, meta, fields: QUOTATION_FIELDS });
    if (!found.ok) return found.question;
    const order = found.match.record;
    const [lines, currencies] = await Promise.all([
      odoo.searchRead(
        "sale.order.line",
        [["order_id", "=", order.id]],
        { fields: ["name", "product_id", "product_uom_qty", "price_unit", "discount", "price_subtotal", "display_type"], limit: 200, order: "sequence, id" },
        meta,
      ),
      currenciesOf(odoo, [order], meta),
    ]);
    const currency = currencies.get(m2oId(order.currency_id) ?? 0);
    const productLines = lines.filter((line) => !line.display_type);
    const text = [
      say(lang, texts.title, {
        name: recordLink("sale.order", order.id, String(order.name)),
        customer: m2oName(order.partner_id) ?? "",
        date: fmt.date(order.date_order),
        state: await stateLabel(labels, order.state),
      }),
      "",
      markdownTable(
        say(lang, texts.headers).split("|"),
        productLines.map((line) => [
          m2oName(line.product_id) ?? line.name,
          fmt.quantity(Number(line.product_uom_qty ?? 0)),
          orderMoney(fmt, line.price_unit, currency),
          orderMoney(fmt, line.price_subtotal, currency),
        ]),
        ["l", "r", "r", "r"],
      ),
      "",
      say(lang, texts.totals, {
        untaxed: orderMoney(fmt, order.amount_untaxed, currency),
        tax: orderMoney(fmt, order.amount_tax, currency),
        total: orderMoney(fmt, order.amount_total, currency),
      }),
    ].join("\n");
    return {
      kind: "answer",
      text,
      data: {
        id: order.id,
        name: order.name,
        customer: m2oName(order.partner_id),
        state: order.state,
        state_label: await stateLabel(labels, order.state),
        amount_total: order.amount_total,
        lines: productLines.map((line) => ({ product: m2oName(line.product_id), quantity: line.product_uom_qty, price_unit: line.price_unit, subtotal: line.price_subtotal })),
      },
    };
  },
});

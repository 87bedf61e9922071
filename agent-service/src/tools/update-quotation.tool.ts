import { z } from "zod";
import {say} from "../i18n.js";
import { entities } from "../odoo/entities.js";
import { resolveMany } from "../odoo/resolve.js";
import { clarifyUnresolved } from "./clarify.js";
import { currenciesOf } from "./currencies.js";
import { m2oId, m2oName, recordLink } from "./format.js";
import { findOpenQuotation, orderMoney } from "./quotation-format.js";
import { defineTool } from "./types.js";

const productLine = z.object({
  product: z.string().trim().min(1).max(200).describe("The product's name or internal reference"),
  quantity: z.number().positive().max(1_000_000).describe("How many units"),
});

export const updateQuotationInputSchema = z.object({
  quotation: z.string().trim().min(1).max(100).describe("The quotation's number, e.g. S00042"),
  add: z.array(productLine).max(50).optional().describe("Lines to add"),
  remove: z.array(z.string().trim().min(1).max(200)).max(50).optional().describe("Products whose lines to remove"),
  change: z
    .array(
      z.object({
        product: z.string().trim().min(1).max(200).describe("The product of the line to change"),
        quantity: z.number().positive().max(1_000_000).optional().describe("The new quantity"),
        price_unit: z.number().min(0).optional().describe("The new unit price"),
        discount: z.number().min(0).max(100).optional().describe("The new discount in percent"),
      }),
    )
    .max(50)
    .optional()
    .describe("Lines to change"),
});

type Plan = { order_id: number; name: string; commands: unknown[] };

const texts = {
  notDraft: { en: "**{name}** is « {state} »: only a quotation can be changed here.", fr: "**{name}** est « {state} » : seul un devis peut être modifié ici." },
  nothing: { en: "What should I change in **{name}**: add, remove or change which lines?", fr: "Que dois-je modifier dans **{name}** : ajouter, retirer ou changer quelles lignes ?" },
  noLine: { en: "**{name}** has no line for **{product}**.", fr: "**{name}** n'a pas de ligne pour **{product}**." },
  summary: { en: "Update {name}: {changes} (total {before} → {after})", fr: "Modifier {name} : {changes} (total {before} → {after})" },
  proposed: { en: "Here are the changes to **{name}**. Click **Confirm** to apply them.", fr: "Voici les modifications de **{name}**. Cliquez sur **Confirmer** pour les appliquer." },
  add: { en: "add {qty} × {product}", fr: "ajouter {qty} × {product}" },
  remove: { en: "remove {product}", fr: "retirer {product}" },
  change: { en: "{product}: {what}", fr: "{product} : {what}" },
  done: { en: "{link} updated.", fr: "{link} modifié." },
};

export const updateQuotationTool = defineTool({
  name: "update_quotation",
  description: {
    en: "Change a draft quotation: add lines, remove lines, or change a line's quantity, price or discount (after the user confirms).",
    fr: "Modifier un devis brouillon : ajouter ou retirer des lignes, changer la quantité, le prix ou la remise d'une ligne (après confirmation).",
  },
  schema: updateQuotationInputSchema,
  risk: "draft",
  writes: ["sale.order", "write"],
  models: ["sale.order", "sale.order.line", "product.product"],
  records: { quotation: "quotation", product: "product", remove: "product" },
  calls: { "sale.order": ["search_read", "fields_get", "onchange", "write"], "sale.order.line": ["search_read"], "product.product": ["search_read"], "res.currency": ["read"] },
  phrases: {
    en: [
      "on (quote|quotation) {quotation} (remove|drop|take out) [the] {product} [the customer doesn't want it anymore]",
      "apply a {percent} discount on the {product} line of (quotation|quote) {quotation}",
      "add {lines} to {customer}'s (quote|quotation)",
      "add {lines} to the (quote|quotation) (of|for) {customer}",
      "{quotation} : give [them|the customer] {percent} off [the] {product}",
      "(give|apply|grant) {percent} (off|discount) (on|to) [the] {product} (in|on) {quotation}",
      "(add|put|include) {lines} (to|in|on|into) [the] [quote|quotation|order] {quotation}",
      "(remove|delete|take out|drop) {product} (from|of|on) [the] [quote|order|quotation] {quotation}",
      "(change|set|update|make|bump|increase|reduce) [the quantity of] {product} (to|at) {number} (in|on) [quote] {quotation}",
      "{quotation} (add|plus) {lines}",
      "in {quotation} (change|set|make) {product} (to|at) {number}",
      "on {quotation} (add|remove) {product}",
    ],
    fr: [
      "sur le devis {quotation} (enlève|retire|supprime|vire) [les|le|la] {product} [le client n'en veut plus]",
      "(ajoute|rajoute) {lines} au devis (de|pour|d') {customer}",
      "{quotation} : (fais|accorde|applique) {percent} de remise sur [le|la|les] {product}",
      "(applique|accorde) une remise de {percent} sur {product} (dans|du) {quotation}",
      "(ajoute|rajoute|mets|inclus|ajouter) {lines} (au|dans le|sur le|à la|dans la) [devis|commande] {quotation}",
      "(retire|enlève|supprime|ôte|vire) [la ligne] {product} (du devis|de|de la commande|du) {quotation}",
      "(passe|change|mets|modifie|augmente|baisse) [la quantité de|la quantité du] {product} à {number} (dans|sur) [le devis] {quotation}",
      "{quotation} (ajoute|ajouter|plus) {lines}",
      "dans {quotation} (mets|passe) {product} à {number}",
      "sur {quotation} (ajoute|retire) {product}",
    ],
  },
  presentation: { running: { en: "Preparing the changes to the quotation…", fr: "Préparation des modifications du devis…" }, done: { en: "Changes to the quotation prepared", fr: "Modifications du devis préparées" }, title: { en: "Changes to {quotation}", fr: "Modification de {quotation}" } },
  async run({ quotation, add = [], remove = [], change = [] }, { odoo, lang, fmt, meta, labels }) {
    const open = await findOpenQuotation(quotation, { odoo, lang, meta, labels }, texts.notDraft);
    if (!open.ok) return open.outcome;
    const { order, name } = open;
    if (!add.length && !remove.length && !change.length) return { kind: "clarify", text: say(lang, texts.nothing, { name }) };
    const [lines, resolutions] = await Promise.all([
      odoo.searchRead("sale.order.line", [["order_id", "=", order.id], ["display_type", "=", false]], { fields: ["product_id", "product_uom_qty"], limit: 200 }, meta),
      add.length ? resolveMany(odoo, { ...entities.product, domain: [["sale_ok", "=", true]] }, add.map((line) => line.product), meta) : Promise.resolve([]),
    ]);
    const question = clarifyUnresolved(lang, resolutions.map((resolution) => ({ kind: "product" as const, model: "product.product", resolution })));
    if (question) return question;

    const lineOf = (product: string) => {
      const wanted = product.toLowerCase();
      return lines.find((line) => (m2oName(line.product_id) ?? "").toLowerCase().replace(/^\[[^\]]+\]\s*/, "") === wanted.replace(/^\[[^\]]+\]\s*/, "")) ??
        lines.find((line) => (m2oName(line.product_id) ?? "").toLowerCase().includes(wanted));
    };
    const commands: unknown[] = [];
    const described: string[] = [];
    for (const product of remove) {
      const line = lineOf(product);
      if (!line) return { kind: "clarify", text: say(lang, texts.noLine, { name, product }) };
      commands.push([2, line.id, 0]);
      described.push(say(lang, texts.remove, { product: m2oName(line.product_id) ?? product }));
    }
    for (const { product, quantity, price_unit, discount } of change) {
      const line = lineOf(product);
      if (!line) return { kind: "clarify", text: say(lang, texts.noLine, { name, product }) };
      const values = { ...(quantity !== undefined ? { product_uom_qty: quantity } : {}), ...(price_unit !== undefined ? { price_unit } : {}), ...(discount !== undefined ? { discount } : {}) };
      commands.push([1, line.id, values]);
      const what = Object.entries(values).map(([field, value]) => `${field === "product_uom_qty" ? "qty" : field} ${fmt.quantity(Number(value))}`).join(", ");
      described.push(say(lang, texts.change, { product: m2oName(line.product_id) ?? product, what }));
    }
    add.forEach((line, index) => {
      const resolution = resolutions[index]!;
      if (resolution.status !== "found") return;
      commands.push([0, 0, { product_id: resolution.match.id, product_uom_qty: line.quantity }]);
      described.push(say(lang, texts.add, { qty: fmt.quantity(line.quantity), product: resolution.match.name }));
    });

    const [preview, currencies] = await Promise.all([
      // The spec names every field the values touch: Odoo answers them, and refuses values it was not asked about.
      odoo.call<{ value?: Record<string, unknown> }>(
        "sale.order",
        "onchange",
        [[order.id], { order_line: commands }, [], { amount_untaxed: {}, amount_tax: {}, amount_total: {}, order_line: { fields: { product_uom_qty: {} } } }],
        {},
        meta,
      ),
      currenciesOf(odoo, [order], meta),
    ]);
    const currency = currencies.get(m2oId(order.currency_id) ?? 0);
    const after = Number(preview.value?.amount_total ?? order.amount_total);
    const plan: Plan = { order_id: order.id, name, commands };
    return {
      kind: "proposal",
      summary: say(lang, texts.summary, { name, changes: described.join("; "), before: orderMoney(fmt, order.amount_total, currency), after: orderMoney(fmt, after, currency) }),
      text: say(lang, texts.proposed, { name }),
      preview: {
        kind: "record_change",
        record: { model: "sale.order", id: order.id, name },
        changes: described.map((text) => ({ text })),
        totals: { before: Number(order.amount_total), after, currency },
      },
      plan,
    };
  },
  async execute(raw, { odoo, lang, meta }) {
    const plan = raw as Plan;
    await odoo.write("sale.order", [plan.order_id], { order_line: plan.commands }, meta);
    return {
      text: say(lang, texts.done, { link: recordLink("sale.order", plan.order_id, plan.name) }),
      record: { model: "sale.order", id: plan.order_id, name: plan.name },
      result: { id: plan.order_id },
    };
  },
});

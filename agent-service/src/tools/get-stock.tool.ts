import { z } from "zod";
import {t} from "../i18n.js";
import { entities, findOne } from "../odoo/entities.js";
import { resolveMany } from "../odoo/resolve.js";
import { clarifyUnresolved } from "./clarify.js";
import { m2oId, m2oName } from "./format.js";
import { defineTool, type ToolContext } from "./types.js";

export const getStockInputSchema = z.object({
  product: z.string().trim().min(1).max(200).describe("The product's name or internal reference, as the user said it"),
  quantity: z
    .number()
    .positive()
    .optional()
    .describe("A quantity the user wants to sell or use, to say whether the stock on hand covers it"),
  warehouse: z.string().trim().min(1).max(200).optional().describe("A warehouse's name or code, when the user asks about one warehouse"),
});

export const getStockTool = defineTool({
  name: "get_stock",
  description: {
    en: "Stock of one product: quantity on hand and forecast (on hand plus incoming minus outgoing).",
    fr: "Stock d'un produit : quantité en stock et prévue (en stock plus entrées moins sorties).",
  },
  schema: getStockInputSchema,
  risk: "read",
  models: ["product.product", "stock.quant"],
  records: { product: "product", warehouse: "warehouse" },
  calls: { "product.product": ["search_read"], "stock.quant": ["search_read"], "stock.warehouse": ["search_read"] },
  phrases: {
    en: [
      "(tell me|give me) the [current] stock and [the] forecast (for|of) [the] {product}",
      "(current stock|forecast) (for|of) [the] {product}",
      "can we deliver {number} {product} [by {date}]",
      "I need {number} {product} [for|by] [{date}], (is it|is that) (doable|possible|ok)",
      "(what's|what is) the forecast (for|of) {product}",
      "(forecast|forecasted|incoming) (stock|quantity) (of|for) {product}",
      "(what is|what's) the (stock|inventory|quantity on hand|on-hand quantity|available quantity|stock level) (of|for) {product}",
      "how many {product} (do we have|are there|are left|in stock|on hand|do we have left|remain|are available)",
      "(do we have|have we got|got|do we still have|is there|are there) (any|some|enough|still) {product} [left|in stock|available|on hand]",
      "(is|are) {product} (in stock|available|on hand)",
      "{product} (in stock|available|left|on hand)",
      "(stock|inventory|availability|qty) [of|for] {product}",
      "can (I|we) (sell|ship|deliver|promise) {number} {product}",
      "(do we have|is there) enough {product} (to sell|to ship|to deliver|for) {number}",
      "can we (fulfil|fulfill|cover) (an order|a request) (of|for) {number} {product}",
      "any {product} left",
      "(check|verify) (the stock|availability|inventory) (of|for) {product}",
      "how much {product} (is left|do we have|is in stock)",
      "(are|is) we out of {product}",
      "how many {product} can (I|we) (sell|ship)",
    ],
    fr: [
      "(donne-moi|dis-moi) le stock [actuel] et [la] prévision (de|du|pour) {product}",
      "j'ai besoin de {number} {product} [pour {date}], c'est (jouable|possible|faisable)",
      "(on peut|peut-on) livrer {number} {product} [pour|avant] [{date}]",
      "(quelle est la|la) prévision (de stock|) (pour|de|du) {product}",
      "(stock prévu|quantité prévue) (de|du|pour) {product}",
      "(quel est|c'est quoi) le (stock|niveau de stock|disponible) (de|du|des|pour) {product}",
      "combien (de|d') {product} (en stock|avons-nous|a-t-on|on a|il reste|reste-t-il|disponibles|en magasin|dans l'entrepôt)",
      "combien (il reste de|reste-t-il de|on a de|avons-nous de|il nous reste de) {product}",
      "(est-ce qu'on a|on a|avons-nous|a-t-on|il nous reste|il reste|est-ce qu'il reste) (encore|assez|des|du) {product} [en stock|dispo|disponibles]",
      "il nous en reste (des|du) {product}",
      "on en a encore des {product}",
      "(stock|dispo|disponibilité|quantité en stock|état du stock) [de|du|des] {product}",
      "{product} (en stock|dispo|disponible|disponibles)",
      "est-ce que (je peux|on peut) (vendre|livrer|expédier) {number} {product}",
      "(peut-on|on peut|je peux|pouvons-nous) (livrer|vendre|expédier|promettre) {number} {product}",
      "(est-ce qu'on a|a-t-on|avons-nous) assez de {product} pour (en vendre|en livrer|vendre|livrer|servir) {number}",
      "(vérifie|regarde|contrôle) le stock (de|du|des) {product}",
      "(reste-t-il|y a-t-il|y a-t-il encore) (des|du|de la) {product}",
      "on est en rupture de {product}",
    ],
  },
  slash: {
    name: "stock",
    fr: "stock",
    argument: { model: "product.product", suffix: "" },
    label: { en: "Stock of a product", fr: "Stock d'un produit" },
    usage: { en: "product", fr: "produit" },
    prompt: {
      arguments: [{ name: "product", description: { en: "The product's name or internal reference", fr: "Le nom ou la référence interne du produit" } }],
      text: { en: "What is the stock of {product}?", fr: "Quel est le stock de {product} ?" },
    },
  },
  presentation: { running: { en: "Reading stock…", fr: "Lecture du stock…" }, done: { en: "Stock checked", fr: "Stock vérifié" }, title: { en: "Stock of {product}", fr: "Stock de {product}" }, card: true },
  async run({ product, quantity, warehouse }, { odoo, lang, fmt, meta }) {
    const place = warehouse ? await findOne(odoo, "warehouse", warehouse, { lang, meta }) : undefined;
    if (place && !place.ok) return place.question;
    const [resolution] = await resolveMany(
      odoo,
      { ...entities.product, fields: ["qty_available", "virtual_available", "uom_id"] },
      [product],
      meta,
    );
    // Products that share the asked name exactly (e.g. two "Drawer Black"): a read harms nothing, show each.
    const matches =
      resolution!.status === "found" ? [resolution!.match] : resolution!.status === "ambiguous" && resolution!.exact ? resolution!.choices : [];
    if (!matches.length) return clarifyUnresolved(lang, [{ kind: "product", model: "product.product", resolution: resolution! }])!;
    // where the stock is: one read of the products' quants (said only when in several warehouses)
    const byWarehouse = await onHandByWarehouse(odoo, matches.map((match) => match.id), meta);
    const products = matches.map((match) => ({
      id: match.id,
      name: match.name,
      on_hand: Number(match.record.qty_available ?? 0),
      forecast: Number(match.record.virtual_available ?? 0),
      uom: m2oName(match.record.uom_id) ?? "",
      warehouses: byWarehouse.get(match.id) ?? [],
    }));
    const lines = products.map((p) => {
      const inPlace = place?.ok ? p.warehouses.find((entry) => entry.id === place.match.id)?.on_hand ?? 0 : undefined;
      const line = (
        inPlace !== undefined
          ? t(lang, "stock.in_warehouse", { product: p.name, warehouse: place!.ok ? place!.match.name : "", on_hand: fmt.quantity(inPlace), total: fmt.quantity(p.on_hand), forecast: fmt.quantity(p.forecast), uom: p.uom })
          : t(lang, "stock.line", { product: p.name, on_hand: fmt.quantity(p.on_hand), forecast: fmt.quantity(p.forecast), uom: p.uom })
      ).replace(/ {2,}/g, " ");
      // where the stock is, when it is in more than one warehouse
      const spread = inPlace === undefined && p.warehouses.length > 1
        ? ` ${t(lang, "stock.by_warehouse", { list: p.warehouses.map((entry) => `${entry.name} ${fmt.quantity(entry.on_hand)}`).join(", ") })}`
        : "";
      if (quantity === undefined) return `${line}${spread}`;
      const verdict = t(lang, (inPlace ?? p.on_hand) >= quantity ? "stock.enough" : "stock.not_enough", { quantity: fmt.quantity(quantity) });
      return `${line}${spread} ${verdict}`;
    });
    return {
      kind: "answer",
      text: lines.length === 1 ? lines[0]! : lines.map((line) => `- ${line}`).join("\n"),
      data: products.length === 1 ? products[0] : { products },
    };
  },
});

type WarehouseStock = { id: number; name: string; on_hand: number };

/**
 * On hand per warehouse, from the products' quants in internal locations (the same in 17, 18 and
 * 19: `stock.quant.warehouse_id`). Nothing when the user may not read quants (the answer keeps
 * the totals Odoo computed).
 */
async function onHandByWarehouse(odoo: ToolContext["odoo"], productIds: number[], meta: ToolContext["meta"]): Promise<Map<number, WarehouseStock[]>> {
  const quants = await odoo
    .searchRead(
      "stock.quant",
      [["product_id", "in", productIds], ["location_id.usage", "=", "internal"]],
      { fields: ["product_id", "warehouse_id", "quantity"], limit: 2000 },
      meta,
    )
    .catch(() => []);
  const result = new Map<number, Map<number, WarehouseStock>>();
  for (const quant of quants) {
    const product = m2oId(quant.product_id);
    const warehouse = m2oId(quant.warehouse_id);
    if (product === undefined || warehouse === undefined) continue;
    const entries = result.get(product) ?? new Map<number, WarehouseStock>();
    const entry = entries.get(warehouse) ?? { id: warehouse, name: m2oName(quant.warehouse_id) ?? "", on_hand: 0 };
    entry.on_hand += Number(quant.quantity ?? 0);
    entries.set(warehouse, entry);
    result.set(product, entries);
  }
  return new Map([...result].map(([product, entries]) => [product, [...entries.values()].sort((a, b) => b.on_hand - a.on_hand || a.name.localeCompare(b.name))]));
}

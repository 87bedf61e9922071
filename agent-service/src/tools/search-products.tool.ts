import { z } from "zod";
import {t} from "../i18n.js";
import { escapeCell, moreHint } from "./format.js";
import { defineTool } from "./types.js";

export const searchProductsInputSchema = z.object({
  query: z.string().trim().min(1).max(200).describe("Part of the product's name, or its internal reference (e.g. FURN_7777)"),
  limit: z.number().int().min(1).max(20).default(8).describe("How many products to return at most"),
});

export const searchProductsTool = defineTool({
  name: "search_products",
  description: {
    en: "Find products by part of their name or their internal reference; gives reference and sales price.",
    fr: "Chercher des produits par une partie de leur nom ou leur référence interne ; donne la référence et le prix de vente.",
  },
  schema: searchProductsInputSchema,
  risk: "read",
  models: ["product.product"],
  calls: { "product.product": ["search_read"] },
  phrases: {
    en: [
      "(what's|what is) the (internal ref|internal reference|reference|ref|code|sku|barcode) of [the] {product}",
      "how much do we sell [the] {product} for",
      "what (price|does) {product} (cost|sell for)",
      "(find|search|look up|search for|look for) [the|a|all] (product|item|article)[s] [named|called|matching|containing|like] {product}",
      "(which|what) products (do we have|do we sell|are there) (like|with|containing) {product}",
      "what is (product|item|article|reference) {product}",
      "(product|item|reference) {product}",
      "do we (sell|carry|offer) {product}",
      "(show|list) [me] [all] [the] products (with|containing|named|like) {product}",
      "(find|show|list|any|some) [me] [the|all] (products|items|articles) with {text} in (the|their|its) name",
      "(what is|what's) {product}",
      "(what is the|what's the) (price|sale price|list price) of {product}",
      "how much (is|does) {product} [cost]",
    ],
    fr: [
      "(quelle est|c'est quoi) la (réf|référence|ref|référence interne) (du|de la|de|des) {product}",
      "(à combien|combien) (vend-on|on vend|vendons-nous) [le|la|les] {product}",
      "(cherche|recherche|trouve) [le|les|un|des] (produit|article)[s] [nommé|contenant|appelé] {product}",
      "(quels|quel) (produits|articles) (contiennent|avec|comme) {product}",
      "(c'est quoi|qu'est-ce que) (le produit|l'article|la référence) {product}",
      "(produit|article|référence) {product}",
      "est-ce qu'on vend {product}",
      "(liste|montre)[-moi] les produits (avec|contenant|nommés) {product}",
      "(c'est quoi|qu'est-ce que) {product}",
      "(quel est le prix|prix|combien coûte) (de|du|des) {product}",
    ],
  },
  presentation: { running: { en: "Searching products…", fr: "Recherche des produits…" }, done: { en: "Products searched", fr: "Produits recherchés" }, title: { en: "Products: {query}", fr: "Produits : {query}" }, card: true },
  async run({ query, limit }, { odoo, lang, fmt, meta }) {
    const records = await odoo.searchRead(
      "product.product",
      ["|", ["name", "ilike", query], ["default_code", "ilike", query]],
      { fields: ["display_name", "default_code", "lst_price"], limit: limit + 1, order: "name" },
      meta,
    );
    const products = records.slice(0, limit).map((r) => ({
      id: r.id,
      name: r.display_name,
      reference: r.default_code || null,
      price: r.lst_price,
    }));
    if (!products.length) return { kind: "answer", text: t(lang, "search.products.none", { query }), data: { products } };
    const rows = products.map(
      (p) => `| ${escapeCell(p.name)} | ${escapeCell(p.reference)} | ${fmt.money(Number(p.price ?? 0), undefined)} |`,
    );
    const text = [
      t(lang, "search.products.found", { query }),
      "",
      `| ${t(lang, "table.name")} | ${t(lang, "table.reference")} | ${t(lang, "table.price")} |`,
      "|---|---|--:|",
      ...rows,
      ...moreHint(lang, records.length > limit),
    ].join("\n");
    return { kind: "answer", text, data: { products, more: records.length > limit } };
  },
});

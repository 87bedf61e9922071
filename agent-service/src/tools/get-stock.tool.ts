import { z } from "zod";
import {t} from "../i18n.js";
import { entities } from "../odoo/entities.js";
import { resolveMany } from "../odoo/resolve.js";
import { clarifyUnresolved } from "./clarify.js";
import { m2oName } from "./format.js";
import { defineTool } from "./types.js";

export const getStockInputSchema = z.object({
  product: z.string().trim().min(1).max(200).describe("The product's name or internal reference, as the user said it"),
  quantity: z
    .number()
    .positive()
    .optional()
    .describe("A quantity the user wants to sell or use, to say whether the stock on hand covers it"),
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
  presentation: { running: { en: "Reading stock…", fr: "Lecture du stock…" }, title: { en: "Stock of {product}", fr: "Stock de {product}" }, card: true },
  async run({ product, quantity }, { odoo, lang, fmt, meta }) {
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
    const products = matches.map((match) => ({
      id: match.id,
      name: match.name,
      on_hand: Number(match.record.qty_available ?? 0),
      forecast: Number(match.record.virtual_available ?? 0),
      uom: m2oName(match.record.uom_id) ?? "",
    }));
    const lines = products.map((p) => {
      const line = t(lang, "stock.line", {
        product: p.name,
        on_hand: fmt.quantity(p.on_hand),
        forecast: fmt.quantity(p.forecast),
        uom: p.uom,
      }).replace(/ {2,}/g, " ");
      if (quantity === undefined) return line;
      const verdict = t(lang, p.on_hand >= quantity ? "stock.enough" : "stock.not_enough", { quantity: fmt.quantity(quantity) });
      return `${line} ${verdict}`;
    });
    return {
      kind: "answer",
      text: lines.length === 1 ? lines[0]! : lines.map((line) => `- ${line}`).join("\n"),
      data: products.length === 1 ? products[0] : { products },
    };
  },
});

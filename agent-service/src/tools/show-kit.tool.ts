import { z } from "zod";
import {say} from "../i18n.js";
import { findOne } from "../odoo/entities.js";
import { m2oId, m2oName, markdownTable, recordLink } from "./format.js";
import { defineTool } from "./types.js";

export const showKitInputSchema = z.object({
  kit: z.string().trim().min(1).max(200).describe("The kit's product name or internal reference"),
});

const texts = {
  noBom: { en: "**{product}** has no kit or bill of materials.", fr: "**{product}** n'a pas de kit ni de nomenclature." },
  title: { en: "{kind} of **{product}** (for {qty} {uom}):", fr: "{kind} de **{product}** (pour {qty} {uom}) :" },
  kit: { en: "Kit", fr: "Kit" },
  bom: { en: "Bill of materials", fr: "Nomenclature" },
  headers: { en: "Component|Quantity|Unit|On hand", fr: "Composant|Quantité|Unité|En stock" },
};

export const showKitTool = defineTool({
  name: "show_kit",
  description: {
    en: "Show what a kit (or any product with a bill of materials) is made of, with each component's stock.",
    fr: "Afficher la composition d'un kit (ou de tout produit avec nomenclature), avec le stock de chaque composant.",
  },
  schema: showKitInputSchema,
  risk: "read",
  models: ["mrp.bom", "mrp.bom.line", "product.product"],
  async run({ kit }, { odoo, lang, fmt, meta }) {
    const found = await findOne(odoo, "product", kit, { lang, meta, fields: ["product_tmpl_id"] });
    if (!found.ok) return found.question;
    const product = found.match;
    const template = m2oId(product.record.product_tmpl_id);
    const boms = await odoo.searchRead(
      "mrp.bom",
      ["|", ["product_id", "=", product.id], "&", ["product_id", "=", false], ["product_tmpl_id", "=", template ?? 0]],
      { fields: ["type", "product_qty", "product_uom_id"], limit: 5, order: "sequence, id" },
      meta,
    );
    const bom = boms.find((b) => b.type === "phantom") ?? boms[0];
    if (!bom) return { kind: "answer", text: say(lang, texts.noBom, { product: product.name }), data: { product: product.name, components: [] } };
    const lines = await odoo.searchRead("mrp.bom.line", [["bom_id", "=", bom.id]], { fields: ["product_id", "product_qty", "product_uom_id"], limit: 100 }, meta);
    const componentIds = lines.map((line) => m2oId(line.product_id)).filter((id): id is number => id !== undefined);
    const stock = componentIds.length ? await odoo.read("product.product", componentIds, ["qty_available"], meta) : [];
    const onHand = new Map(stock.map((row) => [row.id, Number(row.qty_available ?? 0)]));
    const components = lines.map((line) => ({
      id: m2oId(line.product_id),
      product: m2oName(line.product_id) ?? "",
      quantity: Number(line.product_qty ?? 0),
      uom: m2oName(line.product_uom_id) ?? "",
      on_hand: onHand.get(m2oId(line.product_id) ?? 0) ?? null,
    }));
    const text = [
      say(lang, texts.title, {
        kind: say(lang, bom.type === "phantom" ? texts.kit : texts.bom),
        product: recordLink("product.product", product.id, product.name),
        qty: fmt.quantity(Number(bom.product_qty ?? 1)),
        uom: m2oName(bom.product_uom_id) ?? "",
      }),
      "",
      markdownTable(
        say(lang, texts.headers).split("|"),
        components.map((c) => [c.product, fmt.quantity(c.quantity), c.uom, c.on_hand === null ? "" : fmt.quantity(c.on_hand)]),
        ["l", "r", "l", "r"],
      ),
    ].join("\n");
    return { kind: "answer", text, data: { product: product.name, type: bom.type, components } };
  },
});

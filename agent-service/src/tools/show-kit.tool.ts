import { z } from "zod";
import { say } from "../i18n.js";
import { findOne, findWith } from "../odoo/entities.js";
import { DEFAULT_MODELS, fieldsOf, kitLines, layoutOf } from "../odoo/model-map.js";
import { m2oId, m2oName, markdownTable, recordLink } from "./format.js";
import { defineTool, type ToolContext, type ToolOutcome } from "./types.js";

export const showKitInputSchema = z.object({
  kit: z.string().trim().min(1).max(200).describe("The kit's product name or internal reference"),
});

const texts = {
  noBom: { en: "**{product}** has no kit or bill of materials.", fr: "**{product}** n'a pas de kit ni de nomenclature." },
  title: { en: "{kind} of **{product}** (for {qty} {uom}):", fr: "{kind} de **{product}** (pour {qty} {uom}) :" },
  kit: { en: "Kit", fr: "Kit" },
  bom: { en: "Bill of materials", fr: "Nomenclature" },
  headers: { en: "Component|Quantity|Unit|On hand", fr: "Composant|Quantité|Unité|En stock" },
  mappedTitle: { en: "Kit **{kit}**:", fr: "Kit **{kit}** :" },
  noLines: { en: "**{kit}** lists no component.", fr: "**{kit}** ne liste aucun composant." },
};

export const showKitTool = defineTool({
  name: "show_kit",
  description: {
    en: "Show what a kit (or any product with a bill of materials) is made of, with each component's stock.",
    fr: "Afficher la composition d'un kit (ou de tout produit avec nomenclature), avec le stock de chaque composant.",
  },
  schema: showKitInputSchema,
  risk: "read",
  models: ["product.product"],
  records: { kit: "product" },
  calls: { "product.product": ["search_read", "read"], "mrp.bom": ["search_read"], "mrp.bom.line": ["search_read"] },
  phrases: {
    en: [
      "how many {product} can (we|I) (make|build|assemble|produce) [with what's in stock|with the current stock|right now]",
      "(what is in|what's in|what goes into|what makes up) [a|one|the] [kit] {product}",
      "(what is|what's|what are) [a|the] {product} made (of|from|up of)",
      "what (does|do) [a|the] {product} (contain|consist of|include)",
      "(which|what) (components|parts|pieces) (do I need|are needed|are in|does it take|go) (for|to build|to make|in|into) [a|one|the] {product}",
      "(components|composition|bill of materials|bom|parts list|parts) (of|for) [the] [kit] {product}",
      "(show|display|open) [me] [the] (kit|bom|bill of materials|components) [of|for] {product}",
      "kit {product}",
      "(qu'est-ce qu'il y a|c'est quoi) dans le kit {product}",
      "how is {product} (made|built|composed|assembled)",
      "what do I need to (build|assemble|make) {number} {product}",
    ],
    fr: [
      "combien de {product} (je peux|on peut|peut-on|pouvons-nous) (assembler|fabriquer|monter|produire) [avec le stock actuel|avec ce qu'on a]",
      "(que contient|qu'y a-t-il dans|de quoi est composé|ce que contient) [le|un] [kit] {product}",
      "(quels|quelles) (composants|pièces|éléments) (faut-il|me faut-il|sont nécessaires|il faut) pour (un|une|le|fabriquer|monter|faire) {product}",
      "(composition|nomenclature|composants|contenu|bom) (du|de|d'un|de la) [kit] {product}",
      "(montre|affiche)[-moi] [la] (composition|nomenclature|kit|les composants) [du|de|de la] {product}",
      "kit {product}",
      "comment est (composé|fabriqué|monté) {product}",
      "de quoi est (fait|faite|composé|composée) [le|la|un|une] {product}",
      "de quoi ai-je besoin pour (fabriquer|monter|faire) {number} {product}",
    ],
  },
  slash: {
    name: "show_kit",
    fr: "afficher_kit",
    argument: { model: "product.product", suffix: "" },
    label: { en: "Components of a kit", fr: "Composants d'un kit" },
    usage: { en: "kit", fr: "kit" },
    aliases: ["kit"],
    prompt: {
      arguments: [{ name: "kit", description: { en: "The kit's name", fr: "Le nom du kit" } }],
      text: { en: "What is in the kit {kit}?", fr: "Que contient le kit {kit} ?" },
    },
  },
  presentation: { running: { en: "Reading the kit's components…", fr: "Lecture des composants du kit…" }, done: { en: "Kit's components read", fr: "Composants du kit lus" }, title: { en: "Kit {kit}", fr: "Kit {kit}" }, card: true },
  roles: ["kit"],
  async run({ kit }, ctx) {
    const kitModel = (ctx.models ?? DEFAULT_MODELS).kit;
    if (kitModel && kitModel !== "mrp.bom") return showMappedKit(kitModel, kit, ctx);
    const { odoo, lang, fmt, meta } = ctx;
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
      componentsTable(lang, fmt, components),
    ].join("\n");
    return { kind: "answer", text, data: { product: product.name, type: bom.type, components } };
  },
});

/**
 * A kit of the model the administrator mapped (an ERP's own Kit object): found by its name, its
 * components read from its first one2many whose lines name a product (fields found with
 * `fields_get`, so `x_` fields of a custom model work too).
 */
async function showMappedKit(model: string, kit: string, { odoo, lang, fmt, meta }: ToolContext): Promise<ToolOutcome> {
  const fields = await fieldsOf(odoo, model, meta);
  const layout = layoutOf(fields);
  const found = await findWith(odoo, "kit", { model, nameField: layout.name, fields: [] }, kit, { lang, meta });
  if (!found.ok) return found.question;
  const title = say(lang, texts.mappedTitle, { kit: recordLink(model, found.match.id, found.match.name) });
  const lines = await kitLines(odoo, fields, meta);
  const [record] = lines ? await odoo.read(model, [found.match.id], [lines.field], meta) : [];
  const lineIds = (record?.[lines?.field ?? ""] as number[] | undefined) ?? [];
  if (!lines || !lineIds.length) return { kind: "answer", text: say(lang, texts.noLines, { kit: found.match.name }), data: { kit: found.match.name, model, components: [] } };
  const rows = await odoo.read(lines.model, lineIds.slice(0, 100), [lines.layout.product!, ...(lines.layout.quantity ? [lines.layout.quantity] : [])], meta);
  const productIds = rows.map((row) => m2oId(row[lines.layout.product!])).filter((id): id is number => id !== undefined);
  // Stock only where Inventory is installed: without it, the column stays empty.
  const stock = productIds.length ? await odoo.read("product.product", productIds, ["qty_available", "uom_id"], meta).catch(() => []) : [];
  const byId = new Map(stock.map((row) => [row.id, row]));
  const components = rows.map((row) => {
    const id = m2oId(row[lines.layout.product!]);
    const product = id ? byId.get(id) : undefined;
    return {
      id,
      product: m2oName(row[lines.layout.product!]) ?? "",
      quantity: lines.layout.quantity ? Number(row[lines.layout.quantity] ?? 0) : 1,
      uom: m2oName(product?.uom_id) ?? "",
      on_hand: product ? Number(product.qty_available ?? 0) : null,
    };
  });
  const text = [title, "", componentsTable(lang, fmt, components)].join("\n");
  return { kind: "answer", text, data: { kit: found.match.name, model, components } };
}

type Component = { product: string; quantity: number; uom: string; on_hand: number | null };

function componentsTable(lang: ToolContext["lang"], fmt: ToolContext["fmt"], components: Component[]): string {
  return markdownTable(
    say(lang, texts.headers).split("|"),
    components.map((c) => [c.product, fmt.quantity(c.quantity), c.uom, c.on_hand === null ? "" : fmt.quantity(c.on_hand)]),
    ["l", "r", "l", "r"],
  );
}

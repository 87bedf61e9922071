import { z } from "zod";
import {t, type Currency} from "../i18n.js";
import type { CallMeta, OdooClient } from "../odoo/odoo-client.js";
import { entities } from "../odoo/entities.js";
import { resolveMany } from "../odoo/resolve.js";
import { clarifyUnresolved } from "./clarify.js";
import { defineTool, type ToolContext, type ToolOutcome } from "./types.js";

export const createQuotationInputSchema = z.object({
  customer: z.string().trim().min(1).max(200).describe("The customer's name or reference, as the user said it"),
  lines: z
    .array(
      z.object({
        product: z.string().trim().min(1).max(200).describe("The product's name or internal reference, as the user said it"),
        quantity: z.number().positive().max(1_000_000).describe("How many units"),
        price_unit: z.number().min(0).optional().describe("A unit price the user asked for; omit to use Odoo's price"),
        discount: z.number().min(0).max(100).optional().describe("A discount in percent the user asked for"),
      }),
    )
    .min(1)
    .max(50)
    .describe("The quotation's lines"),
  note: z.string().max(2000).optional().describe("Terms or a note to print on the quotation"),
  validity_date: z.iso.date().optional().describe("Expiration date of the quotation, YYYY-MM-DD"),
});

type Plan = {
  partner_id: number;
  customer: string;
  lines: { product_id: number; product_uom_qty: number; price_unit?: number; discount?: number }[];
  note?: string;
  validity_date?: string;
};

export type QuotationPreview = {
  kind: "quotation";
  customer: { id: number; name: string };
  lines: {
    product: { id: number; name: string; code?: string };
    quantity: number;
    price_unit: number;
    discount: number;
    subtotal: number;
    total: number;
  }[];
  currency: Currency;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
};

/** What the quotation form would show: read from Odoo's onchange, so prices, taxes and totals are Odoo's. */
const previewSpec = {
  currency_id: { fields: { name: {}, symbol: {}, position: {} } },
  amount_untaxed: {},
  amount_tax: {},
  amount_total: {},
  order_line: {
    fields: {
      product_id: { fields: { display_name: {} } },
      product_uom_qty: {},
      price_unit: {},
      discount: {},
      price_subtotal: {},
      price_total: {},
    },
  },
};

export const createQuotationTool = defineTool({
  name: "create_quotation",
  description: {
    en: "Prepare a draft sales quotation for a customer with product lines. The user sees the quotation with Odoo's prices, taxes and total, and it is created only when they confirm.",
    fr: "Préparer un devis brouillon pour un client avec des lignes de produits. L'utilisateur voit le devis avec les prix, taxes et total d'Odoo, et il n'est créé qu'après sa confirmation.",
  },
  schema: createQuotationInputSchema,
  risk: "draft",
  writes: ["sale.order", "create"],
  models: ["sale.order", "res.partner", "product.product"],
  records: { customer: "customer", product: "product" },
  calls: { "res.partner": ["search_read"], "product.product": ["search_read"], "sale.order": ["onchange", "create", "read"] },
  phrases: {
    en: [
      "(I have|I've got) {customer} on the (phone|line), they (want|need|would like) {lines} [with {percent} off]",
      "{customer} on the phone, they want {lines}",
      "(new|a new|another) (quote|quotation|offer) for {customer}",
      "(make|create|draft|do) a (quote|quotation) for {lines}",
      "(quote|price) {lines} for {customer}",
      "(create|make|draft|prepare|do|write|generate|set up|start) (a|an|a new) (quote|quotation|offer|estimate|sales quote|proposal) (for|to) [customer] {customer} (with|for|:|,|containing|including) {lines}",
      "(quote|quotation|new quote|new quotation) [for] {customer} {lines}",
      "{customer} (wants|needs|would like|asked for|is asking for|ordered) {lines}",
      "(quote|quotation) {customer} : {lines}",
      "(can you|could you|please) (quote|prepare a quote for|make a quote for|draft a quote for) {customer} {lines}",
      "(sell|selling) {lines} to {customer}",
      "(create|make|prepare) a (quote|quotation) for {customer}",
      "(I need|we need|I want) a (quote|quotation) for {customer} (with|for) {lines}",
      "(quote|quotation|offer) (of|for) {lines} (for|to) {customer}",
      "(prepare|make|send) {customer} a (quote|quotation) (for|with) {lines}",
      "{lines} for {customer}",
      "new quote for {customer} with {lines}",
    ],
    fr: [
      "j'ai {customer} au (tel|téléphone|bout du fil), (ils veulent|il leur faut|ils voudraient) {lines} [avec une remise de {percent}]",
      "{customer} au tel, (ils veulent|il leur faut) {lines}",
      "(nouveau|un nouveau|un autre) (devis|offre) pour {customer}",
      "(fais|crée|prépare) un devis (de|pour) {lines}",
      "(chiffre|chiffrer) {lines} pour {customer}",
      "(crée|créer|crée-moi|fais|fais-moi|faire|prépare|prépare-moi|établis|rédige|génère|monte) (un|un nouveau|une) (devis|offre|proposition commerciale|cotation) (pour|à|au client|au nom de) {customer} (avec|pour|:|,|comprenant|contenant) {lines}",
      "(devis|nouveau devis|offre) [pour|à] {customer} {lines}",
      "devis (pour|à) {customer} : {lines}",
      "{customer} (veut|voudrait|souhaite|a besoin de|demande|commande) {lines}",
      "(peux-tu|tu peux|pourrais-tu|tu pourrais) (faire|préparer|créer) un devis (pour|à) {customer} (avec|pour|de) {lines}",
      "(crée|fais|prépare) un devis pour {customer}",
      "(vends|vendre) {lines} à {customer}",
      "(devis|offre) (de|pour) {lines} (pour|à) {customer}",
      "(j'ai besoin d'un|il me faut un|je voudrais un) devis pour {customer} (avec|de|pour) {lines}",
      "nouveau devis {customer} avec {lines}",
    ],
  },
  slash: {
    name: "quote",
    fr: "devis",
    argument: { model: "res.partner", suffix: ": " },
    label: { en: "Prepare a quotation for a customer", fr: "Préparer un devis pour un client" },
    usage: { en: "customer: 3 Office Chair, 2 Office Lamp", fr: "client : 3 Office Chair, 2 Office Lamp" },
    prompt: {
      arguments: [
        { name: "customer", description: { en: "The customer's name", fr: "Le nom du client" } },
        { name: "lines", description: { en: "What to quote, e.g. 3 Office Chair, 2 Office Lamp", fr: "Ce qu'il faut chiffrer, p. ex. 3 Office Chair, 2 Office Lamp" } },
      ],
      text: { en: "Prepare a quotation for {customer} with {lines}.", fr: "Prépare un devis pour {customer} avec {lines}." },
    },
  },
  presentation: { running: { en: "Preparing the quotation…", fr: "Préparation du devis…" }, done: { en: "Quotation prepared", fr: "Devis préparé" }, title: { en: "Quote for {customer}", fr: "Devis pour {customer}" } },
  async run(args, { odoo, lang, fmt, meta }) {
    const [[customer], products] = await Promise.all([
      resolveMany(odoo, entities.customer, [args.customer], meta),
      resolveMany(odoo, { ...entities.product, domain: [["sale_ok", "=", true]] }, unique(args.lines.map((l) => l.product)), meta),
    ]);
    const byQuery = new Map(products.map((resolution) => [resolution.query.toLowerCase(), resolution]));
    const question = clarifyUnresolved(lang, [
      { kind: "customer", model: "res.partner", resolution: customer! },
      ...products.map((resolution) => ({ kind: "product" as const, model: "product.product", resolution })),
    ]);
    if (question) return question;
    if (customer!.status !== "found") throw new Error("unreachable: unresolved customer");

    const plan: Plan = {
      partner_id: customer!.match.id,
      customer: customer!.match.name,
      lines: args.lines.map((line) => {
        const resolution = byQuery.get(line.product.trim().toLowerCase());
        if (resolution?.status !== "found") throw new Error("unreachable: unresolved product");
        return {
          product_id: resolution.match.id,
          product_uom_qty: line.quantity,
          ...(line.price_unit !== undefined ? { price_unit: line.price_unit } : {}),
          ...(line.discount !== undefined ? { discount: line.discount } : {}),
        };
      }),
      ...(args.note ? { note: args.note } : {}),
      ...(args.validity_date ? { validity_date: args.validity_date } : {}),
    };
    return propose(plan, { odoo, lang, fmt, meta });
  },
  async revise(rawPlan, quantities, ctx) {
    const plan = rawPlan as Plan;
    const lines = plan.lines.map((line, index) => ({ ...line, product_uom_qty: quantities[index] ?? line.product_uom_qty })).filter((line) => line.product_uom_qty > 0);
    return propose({ ...plan, lines }, ctx);
  },
  async execute(rawPlan, { odoo, lang, meta }) {
    const plan = rawPlan as Plan;
    const id = await odoo.create("sale.order", orderValues(plan), meta);
    const [order] = await odoo.read("sale.order", [id], ["name", "amount_total"], meta);
    const name = String(order?.name ?? `#${id}`);
    const url = `/web#model=sale.order&id=${id}&view_type=form`;
    return {
      text: t(lang, "quote.created", { name, customer: plan.customer, url }),
      record: { model: "sale.order", id, name },
      result: { id, name, amount_total: order?.amount_total },
    };
  },
});

function orderValues(plan: Plan): Record<string, unknown> {
  return {
    partner_id: plan.partner_id,
    order_line: plan.lines.map((line) => [0, 0, line]),
    ...(plan.note ? { note: plan.note } : {}),
    ...(plan.validity_date ? { validity_date: plan.validity_date } : {}),
  };
}

type OnchangeAnswer = { value?: Record<string, unknown> };
type Many2one = { id: number; display_name?: string; name?: string; symbol?: string; position?: string } | false;

/** The quotation as Odoo would compute it, and the card's summary. */
async function propose(plan: Plan, { odoo, lang, fmt, meta }: Pick<ToolContext, "odoo" | "lang" | "fmt" | "meta">): Promise<Extract<ToolOutcome, { kind: "proposal" }>> {
    const preview = await computePreview(odoo, plan, meta);
    const total = fmt.money(preview.amount_total, preview.currency);
    const summary =
      preview.lines.length === 1
        ? t(lang, "quote.summary_one", { customer: plan.customer, total })
        : t(lang, "quote.summary", { customer: plan.customer, count: preview.lines.length, total });
    return { kind: "proposal", summary, text: t(lang, "quote.proposed", { customer: plan.customer }), preview, plan };
}

async function computePreview(odoo: OdooClient, plan: Plan, meta: CallMeta): Promise<QuotationPreview> {
  const answer = await odoo.call<OnchangeAnswer>("sale.order", "onchange", [[], orderValues(plan), [], previewSpec], {}, meta);
  const value = answer.value ?? {};
  const lines = lineValues(value.order_line);
  const currency = value.currency_id as Many2one;
  return {
    kind: "quotation",
    customer: { id: plan.partner_id, name: plan.customer },
    lines: lines.map((line, index) => {
      const product = line.product_id as Many2one;
      const planned = plan.lines[index];
      const display = product ? String(product.display_name ?? "") : "";
      const code = /^\[([^\]]+)\]/.exec(display)?.[1];
      return {
        product: { id: product ? product.id : (planned?.product_id ?? 0), name: display, ...(code ? { code } : {}) },
        quantity: Number(line.product_uom_qty ?? planned?.product_uom_qty ?? 0),
        price_unit: Number(line.price_unit ?? 0),
        discount: Number(line.discount ?? 0),
        subtotal: Number(line.price_subtotal ?? 0),
        total: Number(line.price_total ?? 0),
      };
    }),
    currency: currency
      ? { name: String(currency.name ?? ""), symbol: String(currency.symbol ?? ""), position: currency.position === "before" ? "before" : "after" }
      : { name: "", symbol: "", position: "after" },
    amount_untaxed: Number(value.amount_untaxed ?? 0),
    amount_tax: Number(value.amount_tax ?? 0),
    amount_total: Number(value.amount_total ?? 0),
  };
}

/** The onchange answers a one2many as commands; the new lines are the CREATE (0) and UPDATE (1) ones. */
function lineValues(commands: unknown): Record<string, unknown>[] {
  if (!Array.isArray(commands)) return [];
  return commands
    .filter((command): command is [number, unknown, Record<string, unknown>] => Array.isArray(command) && (command[0] === 0 || command[0] === 1))
    .map((command) => command[2]);
}

function unique(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) seen.set(value.trim().toLowerCase(), value.trim());
  return [...seen.values()];
}

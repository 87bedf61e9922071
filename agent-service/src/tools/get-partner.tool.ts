import { z } from "zod";
import { t } from "../i18n.js";
import { entities } from "../odoo/entities.js";
import { resolveMany } from "../odoo/resolve.js";
import { clarifyUnresolved } from "./clarify.js";
import { currenciesOf } from "./currencies.js";
import { escapeCell, linkLabel, m2oId, m2oName, recordLink } from "./format.js";
import { defineTool, type FactsCard } from "./types.js";

export const getPartnerInputSchema = z.object({
  customer: z.string().trim().min(1).max(200).describe("The customer's name or reference, as the user said it"),
});

const ORDER_LIMIT = 200;

/**
 * One customer at a glance: how to reach them, who sells to them, their open quotations and their
 * orders. "this customer" / "ce client" is the record the user looks at in Odoo (the screen context).
 */
export const getPartnerTool = defineTool({
  name: "get_partner",
  description: {
    en: "One customer at a glance: contact details, salesperson, open quotations and confirmed orders with their totals.",
    fr: "Un client en un coup d'œil : coordonnées, commercial, devis en cours et commandes confirmées avec leurs totaux.",
  },
  schema: getPartnerInputSchema,
  risk: "read",
  models: ["res.partner"],
  records: { customer: "customer" },
  calls: { "res.partner": ["search_read", "read"], "sale.order": ["search_read"], "res.currency": ["read"] },
  phrases: {
    en: [
      "(show|open|give me|display) [me] [the] (customer card|customer file|customer sheet|account overview|customer overview|customer summary) (of|for) {customer}",
      "(show|open|display|give me) [me] the (customer|client|account) {customer}",
      "(what about|details of|tell me about) the (customer|client) {customer}",
      "(overview|summary|file|card) of [the] (customer|client|account) {customer}",
      "(what|how much) (has|did) {customer} (bought|ordered|purchased) [from us]",
      "(sales|revenue|turnover|business) (with|of|from) {customer}",
      "how (is|are) {customer} (doing|as a customer)",
      "tell me (about|everything about) [the customer] {customer}",
      "(who is|who's) the salesperson (of|for) {customer}",
      "(give me|show me|get me) [an|the] (overview|summary|profile) of {customer}",
      "{customer} (overview|profile|at a glance)",
      "(the|our) (salesperson|sales rep|account manager) (on|for) {customer}",
      "(contact info|contact details) and (quotes|orders) (of|for) {customer}",
    ],
    fr: [
      "(montre|ouvre|affiche|donne)[-moi] la fiche (client|du client|de) {customer}",
      "fiche (client|du client) {customer}",
      "(montre|affiche|ouvre|donne)[-moi] le client {customer}",
      "(et|quoi de neuf avec|parle-moi) (le client|du client) {customer}",
      "(résumé|synthèse|vue d'ensemble) (du client|client|de) {customer}",
      "(qu'est-ce que|combien) {customer} (a acheté|a commandé|nous a acheté)",
      "(chiffre d'affaires|ventes|CA) (avec|de|du client) {customer}",
      "(parle-moi|dis-moi tout) (de|du client) {customer}",
      "qui est le commercial (de|du client) {customer}",
      "le commercial (sur|de|du client) {customer} [et ses devis]",
      "{customer} (fiche|vue d'ensemble|en bref)",
      "(donne|montre)[-moi] (une vue d'ensemble|un aperçu|le profil) (de|du client) {customer}",
      "où en est (le client|la relation avec) {customer}",
    ],
  },
  slash: {
    name: "customer",
    fr: "client",
    argument: { model: "res.partner", suffix: "" },
    label: { en: "A customer at a glance", fr: "Un client en un coup d'œil" },
    usage: { en: "customer", fr: "client" },
    prompt: {
      arguments: [{ name: "customer", description: { en: "The customer's name", fr: "Le nom du client" } }],
      text: { en: "Show me the customer {customer}.", fr: "Montre-moi le client {customer}." },
    },
  },
  presentation: { running: { en: "Reading the customer…", fr: "Lecture du client…" }, done: { en: "Customer read", fr: "Client lu" }, title: { en: "Customer {customer}", fr: "Client {customer}" }, card: "facts" },
  async run({ customer }, { odoo, lang, fmt, meta }) {
    const [resolution] = await resolveMany(odoo, entities.customer, [customer], meta);
    if (resolution!.status !== "found") return clarifyUnresolved(lang, [{ kind: "customer", model: "res.partner", resolution: resolution! }])!;
    const match = resolution!.match;
    const [partner] = await odoo.read(
      "res.partner",
      [match.id],
      ["display_name", "is_company", "email", "phone", "street", "zip", "city", "country_id", "user_id", "vat", "ref"],
      meta,
    );
    if (!partner) return clarifyUnresolved(lang, [{ kind: "customer", model: "res.partner", resolution: { status: "none", query: customer } }])!;
    // the customer's orders and those of its contacts, as Odoo's own "Sales" smart button counts them
    const orders = await odoo
      .searchRead(
        "sale.order",
        [["partner_id", "child_of", [partner.id]], ["state", "in", ["draft", "sent", "sale"]]],
        { fields: ["state", "amount_total", "currency_id", "date_order"], limit: ORDER_LIMIT, order: "date_order desc" },
        meta,
      )
      // no Sales app, or no right to read orders: the customer's details alone
      .catch(() => undefined);
    const currencies = orders ? await currenciesOf(odoo, orders, meta) : new Map();
    const single = orders && new Set(orders.map((order) => m2oId(order.currency_id))).size <= 1;
    const currency = orders?.[0] ? currencies.get(m2oId(orders[0].currency_id) ?? 0) : undefined;
    const sum = (states: string[]) => {
      const chosen = (orders ?? []).filter((order) => states.includes(String(order.state)));
      const total = chosen.reduce((acc, order) => acc + Number(order.amount_total ?? 0), 0);
      return { count: chosen.length, total: single ? fmt.money(total, currency) : undefined };
    };
    const open = orders ? sum(["draft", "sent"]) : undefined;
    const sold = orders ? sum(["sale"]) : undefined;
    const address = [partner.street, [partner.zip, partner.city].filter(Boolean).join(" "), m2oName(partner.country_id)]
      .filter((part) => typeof part === "string" && part.trim())
      .join(", ");
    const name = String(partner.display_name ?? match.name);
    const facts: { label: string; value: string }[] = [];
    const add = (key: Parameters<typeof t>[1], value: unknown) => {
      if (typeof value === "string" && value.trim()) facts.push({ label: t(lang, key), value: value.trim() });
    };
    add("partner.email", partner.email);
    add("partner.phone", partner.phone);
    add("partner.address", address);
    add("partner.salesperson", m2oName(partner.user_id));
    add("partner.vat", partner.vat);
    add("partner.ref", partner.ref);
    const count = (entry: { count: number; total: string | undefined } | undefined) =>
      entry && (entry.count && entry.total ? t(lang, "partner.orders_total", { count: String(entry.count), total: entry.total }) : String(entry.count));
    if (open) add("partner.open_quotations", count(open));
    if (sold) add("partner.sales_orders", count(sold));
    if (orders?.[0]) add("partner.last_order", fmt.date(orders[0].date_order));
    const text = [
      t(lang, "partner.heading", { name: recordLink("res.partner", partner.id, name) }),
      ...facts.map((fact) => `- ${fact.label}${lang === "fr" ? "\u00a0: " : ": "}${linkLabel(escapeCell(fact.value))}`),
      ...(orders && orders.length >= ORDER_LIMIT ? [t(lang, "partner.recent_only", { limit: ORDER_LIMIT })] : []),
    ].join("\n");
    return {
      kind: "answer",
      text,
      data: {
        id: partner.id,
        name,
        is_company: Boolean(partner.is_company),
        open_quotations: open?.count ?? null,
        sales_orders: sold?.count ?? null,
        card: { kind: "facts", icon: partner.is_company ? "fa-building" : "fa-user", title: name, record: { model: "res.partner", id: partner.id }, facts } satisfies FactsCard,
      },
    };
  },
});

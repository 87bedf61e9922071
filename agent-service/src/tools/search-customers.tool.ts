import { z } from "zod";
import { t } from "../i18n.js";
import { escapeCell, moreHint } from "./format.js";
import { defineTool } from "./types.js";

export const searchCustomersInputSchema = z.object({
  query: z.string().trim().min(1).max(200).describe("Part of the customer's name, email or reference"),
  limit: z.number().int().min(1).max(20).default(8).describe("How many customers to return at most"),
});

export const searchCustomersTool = defineTool({
  name: "search_customers",
  description: {
    en: "Find customers (companies and contacts) by part of their name, email or reference.",
    fr: "Chercher des clients (sociétés et contacts) par une partie de leur nom, e-mail ou référence.",
  },
  schema: searchCustomersInputSchema,
  risk: "read",
  models: ["res.partner"],
  calls: { "res.partner": ["search_read"] },
  phrases: {
    en: [
      "(customer|client|contact) with (email|phone) {text}",
      "(find|search|look up|search for|look for) [the|a] (customer|client|contact|company|partner)[s] [named|called|matching] {customer}",
      "(find|search for|look up) {customer}",
      "who is {customer}",
      "(who are|list|show) [me] (our|the) contacts (at|of|for|in) {customer}",
      "who do we (have|know) at {customer}",
      "(contact details|phone number|email|address|info) (of|for) {customer}",
      "is there a (customer|client|company) (called|named) {text}",
      "(customer|client|contact) {customer}",
      "(any|a|some) (customer|client|contact)[s] with {text} in (the|their|its) name",
      "(customers|clients|contacts) (whose name contains|containing|matching) {text}",
    ],
    fr: [
      "(client|contact) avec (l'email|le téléphone) {text}",
      "(cherche|recherche|trouve|retrouve) [le|la|les|un|une] (client|cliente|contact|société|partenaire)[s] [nommé|appelé] {customer}",
      "(cherche|trouve|retrouve) {customer}",
      "qui est {customer}",
      "(coordonnées|téléphone|email|adresse|infos) (de|du client|de la société) {customer}",
      "est-ce qu'on a un client (qui s'appelle|nommé) {text}",
      "(client|contact) {customer}",
      "(des|un|les) (clients|client|contacts) avec {text} dans (le|leur) nom",
      "(clients|client|contacts) dont le nom contient {text}",
    ],
  },
  presentation: { running: { en: "Searching customers…", fr: "Recherche des clients…" }, done: { en: "Customers searched", fr: "Clients recherchés" }, title: { en: "Customers: {query}", fr: "Clients : {query}" }, card: true },
  async run({ query, limit }, { odoo, lang, meta }) {
    const records = await odoo.searchRead(
      "res.partner",
      ["|", "|", ["name", "ilike", query], ["email", "ilike", query], ["ref", "=ilike", query]],
      { fields: ["display_name", "email", "city", "is_company"], limit: limit + 1, order: "is_company desc, name" },
      meta,
    );
    const shown = records.slice(0, limit);
    const customers = shown.map((r) => ({ id: r.id, name: r.display_name, email: r.email || null, city: r.city || null }));
    if (!customers.length) return { kind: "answer", text: t(lang, "search.customers.none", { query }), data: { customers } };
    const rows = customers.map((c) => `| ${escapeCell(c.name)} | ${escapeCell(c.email)} | ${escapeCell(c.city)} |`);
    const text = [
      t(lang, "search.customers.found", { query }),
      "",
      `| ${t(lang, "table.name")} | ${t(lang, "table.email")} | ${t(lang, "table.city")} |`,
      "|---|---|---|",
      ...rows,
      ...moreHint(lang, records.length > limit),
    ].join("\n");
    return { kind: "answer", text, data: { customers, more: records.length > limit } };
  },
});

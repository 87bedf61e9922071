import type { Currency, Formatter } from "../format.js";
import { findOne } from "../odoo/entities.js";
import type { OdooRecord } from "../odoo/odoo-client.js";
import type { ToolContext, ToolOutcome } from "./types.js";
import { say, type Lang, type Texts } from "../i18n.js";

/** The sales order states as Odoo names them, in the user's language. */
const orderStates: Record<string, Texts> = {
  draft: { en: "Quotation", fr: "Devis" },
  sent: { en: "Quotation Sent", fr: "Devis envoyé" },
  sale: { en: "Sales Order", fr: "Bon de commande" },
  done: { en: "Locked", fr: "Verrouillé" },
  cancel: { en: "Cancelled", fr: "Annulé" },
};

export function stateLabel(lang: Lang, state: unknown): string {
  const texts = orderStates[String(state)];
  return texts ? say(lang, texts) : String(state ?? "");
}

/** `currency_id` read with its symbol and position (a read of res.currency), else the code. */
export function orderMoney(fmt: Formatter, amount: unknown, currency: Currency | undefined): string {
  return fmt.money(Number(amount ?? 0), currency);
}

export const QUOTATION_FIELDS = ["name", "partner_id", "date_order", "validity_date", "state", "amount_untaxed", "amount_tax", "amount_total", "currency_id", "user_id"];

/**
 * The quotation the user named, while it can still change (draft or sent); otherwise the answer
 * to give: the question when the name is unclear, or `notOpen` ("S00012 is already a Sales Order").
 */
export async function findOpenQuotation(
  quotation: string,
  { odoo, lang, meta }: Pick<ToolContext, "odoo" | "lang" | "meta">,
  notOpen: Texts,
): Promise<{ ok: true; order: OdooRecord; name: string } | { ok: false; outcome: ToolOutcome }> {
  const found = await findOne(odoo, "quotation", quotation, { lang, meta, fields: QUOTATION_FIELDS });
  if (!found.ok) return { ok: false, outcome: found.question };
  const order = found.match.record;
  const name = String(order.name);
  if (order.state !== "draft" && order.state !== "sent") {
    return { ok: false, outcome: { kind: "answer", text: say(lang, notOpen, { name, state: stateLabel(lang, order.state) }), data: { id: order.id, state: order.state } } };
  }
  return { ok: true, order, name };
}

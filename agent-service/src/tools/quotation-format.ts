import type { Currency, Formatter } from "../format.js";
import { findOne } from "../odoo/entities.js";
import type { OdooRecord } from "../odoo/odoo-client.js";
import type { ToolContext, ToolOutcome } from "./types.js";
import { say, type Texts } from "../i18n.js";
import type { SelectionLabels } from "../odoo/selection-labels.js";

/** A sales order's state as Odoo names it to this user (its own translated label). */
export async function stateLabel(labels: SelectionLabels, state: unknown): Promise<string> {
  return (await labels("sale.order", "state"))[String(state)] ?? String(state ?? "");
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
  { odoo, lang, meta, labels }: Pick<ToolContext, "odoo" | "lang" | "meta" | "labels">,
  notOpen: Texts,
): Promise<{ ok: true; order: OdooRecord; name: string } | { ok: false; outcome: ToolOutcome }> {
  const found = await findOne(odoo, "quotation", quotation, { lang, meta, fields: QUOTATION_FIELDS });
  if (!found.ok) return { ok: false, outcome: found.question };
  const order = found.match.record;
  const name = String(order.name);
  if (order.state !== "draft" && order.state !== "sent") {
    return { ok: false, outcome: { kind: "answer", text: say(lang, notOpen, { name, state: await stateLabel(labels, order.state) }), data: { id: order.id, state: order.state } } };
  }
  return { ok: true, order, name };
}

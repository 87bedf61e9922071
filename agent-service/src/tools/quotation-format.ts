import type { Currency, Formatter } from "../format.js";
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

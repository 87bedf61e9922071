/** The quotation tools: list_quotations, and get_quotation (one quotation's lines). */

import { _t } from "../../../odoo/l10n";
import { list, more, num, ref, str, type CardFormat, type Data } from "../card_fields";
import type { TableView } from "../read_card_views";
import { badgeCell, quotationStatus } from "../state_labels";

export function quotationsTable(data: Data, format: CardFormat): TableView {
  return {
    kind: "table",
    icon: "fa-file-text-o",
    title: _t("Quotations"),
    nameLabel: _t("Number"),
    columns: [{ label: _t("Customer") }, { label: _t("Date") }, { label: _t("Total"), numeric: true }, { label: _t("Status") }],
    rows: list(data.quotations).map((q) => ({
      record: ref("sale.order", q.id, str(q.name)),
      name: str(q.name),
      cells: [{ text: str(q.customer) }, { text: format.date(q.date) }, { text: format.amount(q.amount_total) }, badgeCell(quotationStatus(q.state, q.state_label))],
    })),
    more: more(data),
  };
}

/** One quotation: its lines, the title opening it, the total below. */
export function quotationLinesTable(data: Data, format: CardFormat): TableView {
  const total = num(data.amount_total);
  const status = quotationStatus(data.state, data.state_label);
  const name = str(data.name);
  return {
    kind: "table",
    icon: "fa-file-text-o",
    title: [name, str(data.customer), status?.label ?? ""].filter(Boolean).join(" · ") || _t("Quotation"),
    record: ref("sale.order", data.id, name),
    nameLabel: _t("Product"),
    columns: [{ label: _t("Quantity"), numeric: true }, { label: _t("Unit Price"), numeric: true }, { label: _t("Subtotal"), numeric: true }],
    rows: list(data.lines).map((line) => ({
      name: str(line.product),
      cells: [{ text: format.qty(line.quantity) }, { text: format.amount(line.price_unit) }, { text: format.amount(line.subtotal) }],
    })),
    more: false,
    ...(total === null ? {} : { footer: `${_t("Total")}: ${format.amount(total)}` }),
  };
}

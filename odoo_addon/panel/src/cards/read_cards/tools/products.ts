/** The product tools: search_products, get_stock (one product, or several), show_kit. */

import { _t } from "../../../odoo/l10n";
import { list, more, num, ref, str, type CardFormat, type Data } from "../card_fields";
import type { StockView, TableView } from "../read_card_views";

/** Nothing on hand, or more going out than there is: marked in red. */
export function isLowStock(onHand: unknown, forecast: unknown): boolean {
  const have = num(onHand);
  const coming = num(forecast);
  return (have !== null && have <= 0) || (coming !== null && coming < 0);
}

export function productsTable(data: Data, format: CardFormat): TableView {
  return {
    kind: "table",
    icon: "fa-cube",
    title: _t("Products"),
    nameLabel: _t("Product"),
    columns: [{ label: _t("Reference") }, { label: _t("Price"), numeric: true }],
    rows: list(data.products).map((p) => ({
      record: ref("product.product", p.id, str(p.name)),
      name: str(p.name),
      cells: [{ text: str(p.reference) }, { text: format.amount(p.price) }],
    })),
    more: more(data),
  };
}

/** Several products: a table, short ones in red; one product: its stock card. */
export function stockView(data: Data, format: CardFormat): TableView | StockView | undefined {
  if (Array.isArray(data.products)) {
    return {
      kind: "table",
      icon: "fa-cubes",
      title: _t("Stock"),
      nameLabel: _t("Product"),
      columns: [{ label: _t("On hand"), numeric: true }, { label: _t("Forecast"), numeric: true }, { label: _t("Unit") }],
      rows: list(data.products).map((p) => {
        const low = isLowStock(p.on_hand, p.forecast);
        return {
          record: ref("product.product", p.id, str(p.name)),
          name: str(p.name),
          cells: [{ text: format.qty(p.on_hand), className: low ? "o_copilot_low" : "" }, { text: format.qty(p.forecast) }, { text: str(p.uom) }],
          className: low ? "o_copilot_low_row" : "",
        };
      }),
      more: more(data),
    };
  }
  if (!str(data.name)) {
    return undefined;
  }
  return {
    kind: "stock",
    record: ref("product.product", data.id, str(data.name)),
    name: str(data.name),
    onHand: format.qty(data.on_hand),
    forecast: format.qty(data.forecast),
    uom: str(data.uom),
    low: isLowStock(data.on_hand, data.forecast),
  };
}

/** A kit's components, those with less on hand than the kit needs in red. */
export function kitTable(data: Data, format: CardFormat): TableView {
  const kit = str(data.product) || str(data.kit);
  return {
    kind: "table",
    icon: "fa-sitemap",
    title: kit ? _t("Components of %s", kit) : _t("Components"),
    nameLabel: _t("Component"),
    columns: [{ label: _t("Quantity"), numeric: true }, { label: _t("Unit") }, { label: _t("On hand"), numeric: true }],
    rows: list(data.components).map((c) => {
      const onHand = num(c.on_hand);
      const needed = num(c.quantity) ?? 0;
      const low = onHand !== null && onHand < needed;
      return {
        record: ref("product.product", c.id, str(c.product)),
        name: str(c.product),
        cells: [{ text: format.qty(c.quantity) }, { text: str(c.uom) }, { text: format.qty(c.on_hand), className: low ? "o_copilot_low" : "" }],
        className: low ? "o_copilot_low_row" : "",
      };
    }),
    more: false,
  };
}

/** search_customers: the partners found, each opening its record. */

import { _t } from "../../../odoo/l10n";
import { list, more, ref, str, type Data } from "../card_fields";
import type { TableView } from "../read_card_views";

export function customersTable(data: Data): TableView {
  return {
    kind: "table",
    icon: "fa-user",
    title: _t("Customers"),
    nameLabel: _t("Customer"),
    columns: [{ label: _t("Email") }, { label: _t("City") }],
    rows: list(data.customers).map((c) => ({
      record: ref("res.partner", c.id, str(c.name)),
      name: str(c.name),
      cells: [{ text: str(c.email) }, { text: str(c.city) }],
    })),
    more: more(data),
  };
}

/**
 * list_tickets and list_installations: records of the models the administrator maps in Settings
 * (any model, any fields), so the columns are the fields the records came with.
 */

import { _t } from "../../../odoo/l10n";
import { id, list, more, ref, str, type Data } from "../card_fields";
import type { TableView } from "../read_card_views";

/** "stage_id" → "Stage", "x_date_planned" → "Date planned". */
export function columnLabel(field: string): string {
  const words = field.replace(/^x_(studio_)?/, "").replace(/_ids?$/, "").replace(/_/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : field;
}

function mappedTable(data: Data, heading: Pick<TableView, "icon" | "title" | "nameLabel">): TableView {
  const model = str(data.model);
  const records = list(data.records);
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((key) => key !== "id" && key !== "name");
  return {
    kind: "table",
    ...heading,
    columns: keys.map((key) => ({ label: columnLabel(key) })),
    rows: records.map((r) => ({
      record: ref(model, r.id, str(r.name)),
      name: str(r.name) || (id(r.id) ? `#${id(r.id)}` : ""),
      cells: keys.map((key) => ({ text: str(r[key]) })),
    })),
    more: more(data),
  };
}

export function ticketsTable(data: Data): TableView {
  return mappedTable(data, { icon: "fa-life-ring", title: _t("Tickets"), nameLabel: _t("Ticket") });
}

export function installationsTable(data: Data): TableView {
  return mappedTable(data, { icon: "fa-wrench", title: _t("Installations"), nameLabel: _t("Installation") });
}

import { t, type Lang } from "../i18n.js";

/** A value safe inside a markdown table cell. */
export function escapeCell(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  // Collapse line breaks, but keep the no-break spaces of formatted amounts.
  return String(value).replace(/\|/g, "\\|").replace(/[\r\n\t ]+/g, " ");
}

export function moreHint(lang: Lang, more: boolean): string[] {
  return more ? ["", t(lang, "search.more")] : [];
}

/** Odoo's many2one read value `[id, "name"]`, or false. */
export function m2oName(value: unknown): string | undefined {
  return Array.isArray(value) && typeof value[1] === "string" ? value[1] : undefined;
}

/** A markdown table; `align` marks numeric columns (right-aligned). */
export function markdownTable(headers: string[], rows: unknown[][], align: ("l" | "r")[] = []): string {
  const rule = headers.map((_, index) => (align[index] === "r" ? "--:" : "---"));
  return [`| ${headers.join(" | ")} |`, `|${rule.join("|")}|`, ...rows.map((row) => `| ${row.map(escapeCell).join(" | ")} |`)].join("\n");
}

/** A link that opens the record's form in Odoo (17, 18 and 19 all route /web#…). */
export function recordUrl(model: string, id: number): string {
  return `/web#model=${model}&id=${id}&view_type=form`;
}

/**
 * A record's name as a link's label: its brackets dropped, so that a name written like a link
 * ("[a](https://…)") cannot open a link of its own inside ours (security review, finding 3).
 */
export function linkLabel(label: string): string {
  return label.replace(/[[\]]/g, "");
}

export function recordLink(model: string, id: number, label: string): string {
  return `[${linkLabel(label)}](${recordUrl(model, id)})`;
}

/** Odoo's many2one read value `[id, "name"]` as its id, or undefined. */
export function m2oId(value: unknown): number | undefined {
  return Array.isArray(value) && typeof value[0] === "number" ? value[0] : undefined;
}

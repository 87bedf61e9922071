import { t, type Lang } from "../i18n.js";

/** A value safe inside a markdown table cell. */
export function escapeCell(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  return String(value).replace(/\|/g, "\\|").replace(/\s+/g, " ");
}

export function moreHint(lang: Lang, more: boolean): string[] {
  return more ? ["", t(lang, "search.more")] : [];
}

/** Odoo's many2one read value `[id, "name"]`, or false. */
export function m2oName(value: unknown): string | undefined {
  return Array.isArray(value) && typeof value[1] === "string" ? value[1] : undefined;
}

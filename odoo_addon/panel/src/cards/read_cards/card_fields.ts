/**
 * Reading a read tool's answer. The data is the tool's own shape and is not checked by anyone
 * before: every field is read defensively (a missing or odd value reads as "" or null), and is
 * formatted in the user's language.
 */

import type { RecordRef } from "../../api/types";
import { DEFAULT_NUMBER_FORMAT, formatNumber, formatQuantity, type NumberFormat } from "../../format/money";
import { safeUrl as checkUrl } from "../../odoo/safe_url";

export type Data = Record<string, unknown>;

export function isObject(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function list(value: unknown): Data[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function str(value: unknown): string {
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    return String(value);
  }
  if (Array.isArray(value) && value.length === 2 && typeof value[1] === "string") {
    return value[1]; // a many2one as Odoo reads it
  }
  return "";
}

export function num(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function id(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

export function ref(model: string, recordId: unknown, name: string): RecordRef | undefined {
  const valid = id(recordId);
  return valid && model ? { model, id: valid, name } : undefined;
}

export function names(value: unknown): string {
  return Array.isArray(value) ? value.map(str).filter(Boolean).join(", ") : str(value);
}

/** The tool listed only the first rows: there are more. */
export function more(data: Data): boolean {
  return data.more === true;
}

/** Only same-site paths and http(s) links: never a `javascript:` URL from the data. */
export function safeUrl(value: unknown): string | undefined {
  return checkUrl(str(value)) ?? undefined;
}

/** "2026-03-05" or "2026-03-05 10:00:00" → the date in the user's language; other text as is. */
export function formatDate(value: unknown, lang = "en-US"): string {
  const text = str(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) {
    return text;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return date.toLocaleDateString(lang, { timeZone: "UTC" });
  } catch {
    return match[0];
  }
}

/** Whether a deadline ("2026-03-05…") is before `today` (YYYY-MM-DD). */
export function isPast(value: unknown, today: string): boolean {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(str(value));
  return Boolean(match && match[0] < today);
}

export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ViewOptions {
  lang?: string;
  numbers?: NumberFormat;
  /** YYYY-MM-DD, for overdue deadlines. */
  today?: string;
}

/** How a card writes dates, quantities and amounts for the user, and which day is today. */
export interface CardFormat {
  /** YYYY-MM-DD, for overdue deadlines. */
  today: string;
  date(value: unknown): string;
  /** A quantity, or "" when there is none. */
  qty(value: unknown): string;
  /** A price or a total (two decimals), or "" when there is none. */
  amount(value: unknown): string;
}

export function cardFormat(options: ViewOptions = {}): CardFormat {
  const lang = options.lang ?? "en-US";
  const numbers = options.numbers ?? DEFAULT_NUMBER_FORMAT;
  return {
    today: options.today ?? todayIso(),
    date: (value) => formatDate(value, lang),
    qty: (value) => {
      const n = num(value);
      return n === null ? "" : formatQuantity(n, numbers);
    },
    amount: (value) => {
      const n = num(value);
      return n === null ? "" : formatNumber(n, { digits: 2 }, numbers);
    },
  };
}

/**
 * Numbers and amounts written the way Odoo writes them for the user's language — the one
 * formatter of the copilot: the agent's replies (src/format.ts) and the panel's cards
 * (odoo_addon/panel/src/format/money.ts re-exports this file) use it, so an amount reads the same
 * in both. Decimal point, thousands separator and grouping come from Odoo's `res.lang`; rounding
 * is Odoo's `float_round` HALF-UP (1.005 → 1.01, not `toFixed`'s 1.00). No Node or DOM API here.
 */

export interface NumberFormat {
  decimalPoint: string;
  thousandsSep: string;
  /** Odoo's grouping: sizes from the right, `0` repeats the previous one ([3, 0] → 1,234,567), `-1` stops. */
  grouping: number[];
}

export const DEFAULT_NUMBER_FORMAT: NumberFormat = Object.freeze({
  decimalPoint: ".",
  thousandsSep: ",",
  grouping: [3, 0],
}) as NumberFormat;

const NBSP = "\u00a0";

/** Odoo's `float_round(value, precision_digits)`, HALF-UP: ties away from zero, after an epsilon that absorbs binary error. */
export function floatRound(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) {
    return value === 0 ? 0 : value;
  }
  const factor = 10 ** digits;
  const normalized = value * factor;
  const epsilon = 2 ** (Math.log2(Math.abs(normalized)) - 50);
  const shifted = normalized + Math.sign(normalized) * epsilon;
  return (Math.sign(shifted) * Math.round(Math.abs(shifted))) / factor;
}

export function groupDigits(digits: string, separator: string, grouping: readonly number[]): string {
  if (!separator || grouping.length === 0) {
    return digits;
  }
  const groups: string[] = [];
  let rest = digits;
  let size = 0;
  for (let i = 0; rest.length > 0; i++) {
    const next = grouping[i];
    if (next === undefined) {
      // No more sizes and no 0 terminator: the rest stays in one block (POSIX grouping).
      break;
    }
    if (next !== 0) {
      size = next;
    }
    if (size <= 0) {
      break;
    }
    groups.unshift(rest.slice(-size));
    rest = rest.slice(0, -size);
    if (next === 0) {
      // Repeat the last size until the digits run out.
      i--;
    }
  }
  if (rest.length > 0) {
    groups.unshift(rest);
  }
  return groups.join(separator);
}

export interface FormatNumberOptions {
  /** Digits after the decimal point. */
  digits?: number;
  /** Drop trailing zeros (quantities: 3 rather than 3.000). */
  trimZeros?: boolean;
}

export function formatNumber(value: number, options: FormatNumberOptions = {}, format: NumberFormat = DEFAULT_NUMBER_FORMAT): string {
  if (!Number.isFinite(value)) {
    return "";
  }
  const digits = options.digits ?? 2;
  const rounded = floatRound(value, digits);
  const [integerPart = "0", decimals = ""] = Math.abs(rounded).toFixed(digits).split(".");
  const fraction = options.trimZeros ? decimals.replace(/0+$/, "") : decimals;
  const sign = rounded < 0 ? "-" : "";
  const integer = groupDigits(integerPart, format.thousandsSep, format.grouping);
  return sign + integer + (fraction ? format.decimalPoint + fraction : "");
}

export interface CurrencyFormat {
  symbol: string;
  position: "before" | "after";
  /** Decimal places of the currency (Odoo's `decimal_places`); 2 when unknown. */
  digits?: number;
}

/** `$ 1,234.50` / `1 234,50 €`, with a no-break space like Odoo's `formatMonetary`. */
export function formatMoney(amount: number, currency: CurrencyFormat, format: NumberFormat = DEFAULT_NUMBER_FORMAT): string {
  const value = formatNumber(amount, { digits: currency.digits ?? 2 }, format);
  if (!currency.symbol) {
    return value;
  }
  return currency.position === "before" ? `${currency.symbol}${NBSP}${value}` : `${value}${NBSP}${currency.symbol}`;
}

/** Quantities: up to 3 decimals, no trailing zeros (3, 2.5, 0.125). */
export function formatQuantity(quantity: number, format: NumberFormat = DEFAULT_NUMBER_FORMAT): string {
  return formatNumber(quantity, { digits: 3, trimZeros: true }, format);
}

/** Discounts: `10 %`-style text as Odoo shows them, e.g. 12.5%. */
export function formatPercent(value: number, format: NumberFormat = DEFAULT_NUMBER_FORMAT): string {
  return `${formatNumber(value, { digits: 2, trimZeros: true }, format)}%`;
}

/** Odoo's `res.lang` grouping as the addon sends it ("[3,0]"). */
export function parseGrouping(grouping: string | undefined): number[] {
  try {
    const parsed = JSON.parse(grouping ?? "") as unknown;
    return Array.isArray(parsed) && parsed.length && parsed.every((size) => Number.isInteger(size)) ? (parsed as number[]) : [3, 0];
  } catch {
    return [3, 0];
  }
}

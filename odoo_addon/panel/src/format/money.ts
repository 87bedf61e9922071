/**
 * Numbers and amounts written the way Odoo writes them for the user's language
 * (decimal point, thousands separator and grouping come from Odoo's `res.lang`,
 * see `numberFormat()` in src/odoo/compat.ts).
 */

export interface NumberFormat {
  decimalPoint: string;
  thousandsSep: string;
  /** Odoo's grouping: sizes from the right, `0` repeats the previous one ([3, 0] → 1,234,567). */
  grouping: number[];
}

export const DEFAULT_NUMBER_FORMAT: NumberFormat = Object.freeze({
  decimalPoint: ".",
  thousandsSep: ",",
  grouping: [3, 0],
}) as NumberFormat;

const NBSP = "\u00a0";

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

/** Rounds half away from zero, without `toFixed`'s binary surprises (1.005 → 1.01). */
function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * factor + Number.EPSILON * factor) / factor;
  return Math.sign(value) * rounded;
}

export interface FormatNumberOptions {
  /** Digits after the decimal point. */
  digits?: number;
  /** Drop trailing zeros (quantities: 3 rather than 3.000). */
  trimZeros?: boolean;
}

export function formatNumber(
  value: number,
  options: FormatNumberOptions = {},
  format: NumberFormat = DEFAULT_NUMBER_FORMAT,
): string {
  if (!Number.isFinite(value)) {
    return "";
  }
  const digits = options.digits ?? 2;
  const rounded = roundTo(value, digits);
  const [integerPart = "0", decimals = ""] = Math.abs(rounded).toFixed(digits).split(".");
  const fraction = options.trimZeros ? decimals.replace(/0+$/, "") : decimals;
  const sign = rounded < 0 ? "-" : "";
  const integer = groupDigits(integerPart, format.thousandsSep, format.grouping);
  return sign + integer + (fraction ? format.decimalPoint + fraction : "");
}

export interface CurrencyFormat {
  symbol: string;
  position: "before" | "after";
  /** Decimal places of the currency; the contract does not carry them yet, so 2. */
  digits?: number;
}

/** `$ 1,234.50` / `1 234,50 €`, with a no-break space like Odoo's `formatMonetary`. */
export function formatMoney(
  amount: number,
  currency: CurrencyFormat,
  format: NumberFormat = DEFAULT_NUMBER_FORMAT,
): string {
  const value = formatNumber(amount, { digits: currency.digits ?? 2 }, format);
  if (!currency.symbol) {
    return value;
  }
  return currency.position === "before"
    ? `${currency.symbol}${NBSP}${value}`
    : `${value}${NBSP}${currency.symbol}`;
}

/** Quantities: up to 3 decimals, no trailing zeros (3, 2.5, 0.125). */
export function formatQuantity(quantity: number, format: NumberFormat = DEFAULT_NUMBER_FORMAT): string {
  return formatNumber(quantity, { digits: 3, trimZeros: true }, format);
}

/** Discounts: `10 %`-style text as Odoo shows them, e.g. 12.5%. */
export function formatPercent(value: number, format: NumberFormat = DEFAULT_NUMBER_FORMAT): string {
  return `${formatNumber(value, { digits: 2, trimZeros: true }, format)}%`;
}

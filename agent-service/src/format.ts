import { formatMoney, formatNumber, formatQuantity, parseGrouping, type NumberFormat } from "./number-format.js";
import type { Lang } from "./i18n.js";

/** How the user's Odoo language writes numbers and dates (its `res.lang`), when the addon sends it. */
export type OdooFormats = {
  date?: string | undefined;
  time?: string | undefined;
  decimal_point?: string | undefined;
  thousands_sep?: string | undefined;
  grouping?: string | undefined;
};

export type Currency = { name: string; symbol: string; position: "before" | "after"; /** Odoo's decimal_places; 2 when unknown. */ digits?: number };

/** Numbers, amounts and dates as Odoo shows them to this user. */
export type Formatter = {
  quantity(value: number): string;
  money(value: number, currency: Currency | undefined): string;
  /** An Odoo date or UTC datetime ("2026-12-15", "2026-12-15 09:00:00"); "" when empty. */
  date(value: unknown): string;
};

/** Odoo's defaults for the languages the agent speaks, when the addon sends no formats. */
const defaults: Record<Lang, Required<OdooFormats>> = {
  en: { date: "%m/%d/%Y", time: "%H:%M:%S", decimal_point: ".", thousands_sep: ",", grouping: "[3,0]" },
  fr: { date: "%d/%m/%Y", time: "%H:%M:%S", decimal_point: ",", thousands_sep: "\u202f", grouping: "[3,0]" },
};

export function createFormatter(lang: Lang, formats: OdooFormats = {}): Formatter {
  const f = { ...defaults[lang], ...Object.fromEntries(Object.entries(formats).filter(([, v]) => v !== undefined && v !== null)) } as Required<OdooFormats>;
  // the panel's cards write numbers with this same formatter (src/number-format.ts)
  const numbers: NumberFormat = { decimalPoint: f.decimal_point, thousandsSep: f.thousands_sep, grouping: parseGrouping(f.grouping) };
  return {
    quantity: (value) => formatQuantity(value, numbers),
    money: (value, currency) => (currency ? formatMoney(value, { symbol: currency.symbol, position: currency.position, ...(currency.digits !== undefined ? { digits: currency.digits } : {}) }, numbers) : formatNumber(value, { digits: 2 }, numbers)),
    date: (value) => {
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return "";
      return strftime(f.date, value.slice(0, 10));
    },
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The subset of strftime Odoo's date formats use. */
function strftime(format: string, isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return format.replace(/%([dmYyBb%])/g, (_, code: string) => {
    switch (code) {
      case "d":
        return day!;
      case "m":
        return month!;
      case "Y":
        return year!;
      case "y":
        return year!.slice(2);
      case "B":
        return MONTHS[Number(month) - 1]!;
      case "b":
        return MONTHS[Number(month) - 1]!.slice(0, 3);
      default:
        return "%";
    }
  });
}

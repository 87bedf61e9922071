import type { Lang } from "./i18n.js";

/** How the user's Odoo language writes numbers and dates (its `res.lang`), when the addon sends it. */
export type OdooFormats = {
  date?: string | undefined;
  time?: string | undefined;
  decimal_point?: string | undefined;
  thousands_sep?: string | undefined;
  grouping?: string | undefined;
};

export type Currency = { name: string; symbol: string; position: "before" | "after" };

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
  const groups = parseGrouping(f.grouping);

  const number = (value: number, minDecimals: number, maxDecimals: number): string => {
    const negative = value < 0;
    const fixed = Math.abs(value).toFixed(maxDecimals);
    let [whole = "0", fraction = ""] = fixed.split(".");
    fraction = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");
    const grouped = group(whole, groups, f.thousands_sep.replace(/\u202f/g, "\u00a0"));
    return `${negative ? "-" : ""}${grouped}${fraction ? `${f.decimal_point}${fraction}` : ""}`;
  };

  return {
    quantity: (value) => number(value, 0, 3),
    money: (value, currency) => {
      const amount = number(value, 2, 2);
      if (!currency) return amount;
      return currency.position === "before" ? `${currency.symbol}\u00a0${amount}` : `${amount}\u00a0${currency.symbol}`;
    },
    date: (value) => {
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return "";
      return strftime(f.date, value.slice(0, 10));
    },
  };
}

/** Odoo's grouping "[3,0]": group sizes from the right, 0 repeats the last one, -1 stops. */
function parseGrouping(grouping: string): number[] {
  try {
    const parsed = JSON.parse(grouping) as number[];
    return Array.isArray(parsed) && parsed.length ? parsed : [3, 0];
  } catch {
    return [3, 0];
  }
}

function group(digits: string, sizes: number[], separator: string): string {
  if (!separator) return digits;
  const parts: string[] = [];
  let rest = digits;
  let size = sizes[0] ?? 3;
  for (let index = 0; rest.length > size && size > 0; ) {
    parts.unshift(rest.slice(-size));
    rest = rest.slice(0, -size);
    const next = sizes[index + 1];
    if (next === -1) break;
    if (next !== undefined && next !== 0) {
      index += 1;
      size = next;
    }
  }
  parts.unshift(rest);
  return parts.join(separator);
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

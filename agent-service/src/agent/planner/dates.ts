/** Dates as people write them, to ISO `YYYY-MM-DD`, relative to `today` (the user's, YYYY-MM-DD). */
export const months: Record<string, number> = {
  janvier: 1, january: 1, jan: 1, février: 2, fevrier: 2, february: 2, feb: 2, fév: 2, mars: 3, march: 3, mar: 3,
  avril: 4, april: 4, apr: 4, avr: 4, mai: 5, may: 5, juin: 6, june: 6, jun: 6, juillet: 7, july: 7, jul: 7, juil: 7,
  août: 8, aout: 8, august: 8, aug: 8, septembre: 9, september: 9, sept: 9, sep: 9, octobre: 10, october: 10, oct: 10,
  novembre: 11, november: 11, nov: 11, décembre: 12, decembre: 12, december: 12, dec: 12, déc: 12,
};
export const weekdays: Record<string, number> = {
  dimanche: 0, sunday: 0, lundi: 1, monday: 1, mardi: 2, tuesday: 2, mercredi: 3, wednesday: 3,
  jeudi: 4, thursday: 4, vendredi: 5, friday: 5, samedi: 6, saturday: 6,
};
export const MONTH = Object.keys(months).sort((a, b) => b.length - a.length).join("|");
export const WEEKDAY = Object.keys(weekdays).join("|");

/** The date patterns, for callers that need to cut a date out of a sentence. */
export const DATE_PATTERN = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:le\s+)?\d{1,2}(?:er)?\s+(?:${MONTH})\.?(?:\s+\d{4})?|(?:${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|demain|après[- ]demain|apres[- ]demain|tomorrow|today|aujourd'hui|(?:next\s+|(?:${WEEKDAY})\s+prochain|(?:${WEEKDAY}))(?:${WEEKDAY})?|(?:dans|in)\s+\d+\s+(?:jours?|days?|semaines?|weeks?))`;

export function parseDate(text: string, today: string): string | undefined {
  const value = text.trim().toLowerCase().replace(/\s+/g, " ").replace(/^(?:le|on|the|pour le|for|by|avant le|before)\s+/, "");
  const base = new Date(`${today}T12:00:00Z`);
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) return valid(+match[1]!, +match[2]!, +match[3]!);
  if ((match = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/.exec(value))) {
    // Day first, as in French and most of Europe; Odoo users in the US write ISO or month names.
    return withYear(+match[1]!, +match[2]!, match[3], base);
  }
  if ((match = new RegExp(String.raw`^(\d{1,2})(?:er)?\s+(${MONTH})\.?(?:\s+(\d{4}))?$`).exec(value))) {
    return withYear(+match[1]!, months[match[2]!]!, match[3], base);
  }
  if ((match = new RegExp(String.raw`^(${MONTH})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`).exec(value))) {
    return withYear(+match[2]!, months[match[1]!]!, match[3], base);
  }
  if (/^(?:today|aujourd'hui)$/.test(value)) return today;
  if (/^(?:demain|tomorrow)$/.test(value)) return addDays(base, 1);
  if (/^apr[eè]s[- ]demain$/.test(value)) return addDays(base, 2);
  if ((match = /^(?:dans|in)\s+(\d+)\s+(jours?|days?|semaines?|weeks?)$/.exec(value))) {
    return addDays(base, +match[1]! * (/^(?:semaine|week)/.test(match[2]!) ? 7 : 1));
  }
  if ((match = new RegExp(String.raw`^(?:next\s+)?(${WEEKDAY})(?:\s+prochain)?$`).exec(value))) {
    const target = weekdays[match[1]!]!;
    const delta = (target - base.getUTCDay() + 7) % 7 || 7;
    return addDays(base, delta);
  }
  return undefined;
}

export function withYear(day: number, month: number, year: string | undefined, base: Date): string | undefined {
  if (year) return valid(year.length === 2 ? 2000 + +year : +year, month, day);
  // No year: the next such date from today.
  const thisYear = base.getUTCFullYear();
  const candidate = valid(thisYear, month, day);
  if (candidate && candidate >= base.toISOString().slice(0, 10)) return candidate;
  return valid(thisYear + 1, month, day);
}

function valid(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function addDays(base: Date, days: number): string {
  return new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

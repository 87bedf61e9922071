import type { Session } from "../api/types";
import { _t } from "../odoo/l10n";

/** The sections of the conversations column, in this order. */
export type SessionGroupKey = "pinned" | "today" | "yesterday" | "week" | "older";

export interface SessionGroup {
  key: SessionGroupKey;
  sessions: Session[];
}

const ORDER: SessionGroupKey[] = ["pinned", "today", "yesterday", "week", "older"];

/** Midnight of the local day `days` days before `now`'s (setDate keeps DST days right). */
function startOfDay(now: Date, days = 0): number {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  day.setDate(day.getDate() - days);
  return day.getTime();
}

function activity(session: Session): number {
  const time = Date.parse(session.updated_at || session.created_at || "");
  return Number.isNaN(time) ? 0 : time;
}

/**
 * Pinned first (whatever their date), then by the local day of the last activity: Today,
 * Yesterday, Previous 7 days, Older; most recent first in each; empty groups left out.
 */
export function groupSessions(sessions: readonly Session[], now: Date = new Date()): SessionGroup[] {
  const today = startOfDay(now);
  const yesterday = startOfDay(now, 1);
  const week = startOfDay(now, 7);
  const groups = new Map<SessionGroupKey, Session[]>(ORDER.map((key) => [key, []]));
  const sorted = [...sessions].sort((a, b) => activity(b) - activity(a));
  for (const session of sorted) {
    const time = activity(session);
    const key: SessionGroupKey = session.pinned
      ? "pinned"
      : time >= today
        ? "today"
        : time >= yesterday
          ? "yesterday"
          : time >= week
            ? "week"
            : "older";
    groups.get(key)!.push(session);
  }
  return ORDER.filter((key) => groups.get(key)!.length).map((key) => ({ key, sessions: groups.get(key)! }));
}

export function sessionGroupLabel(key: SessionGroupKey): string {
  switch (key) {
    case "pinned":
      return _t("Pinned");
    case "today":
      return _t("Today");
    case "yesterday":
      return _t("Yesterday");
    case "week":
      return _t("Previous 7 days");
    case "older":
      return _t("Older");
  }
}

/** Lower case, no accents, single spaces: how people compare names. */
export function normalizeText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The sessions whose title holds every word of `query` (accents and case ignored). */
export function filterSessions(sessions: readonly Session[], query: string): Session[] {
  const words = normalizeText(query).split(" ").filter(Boolean);
  if (!words.length) {
    return [...sessions];
  }
  return sessions.filter((session) => {
    const title = normalizeText(session.title || "");
    return words.every((word) => title.includes(word));
  });
}

import { describe, expect, it } from "vitest";

import type { Session } from "../../src/api/types";
import { filterSessions, groupSessions, sessionGroupLabel } from "../../src/store/session_groups";

/** A session last active at `updated` (local time, like the dates the user sees). */
function session(id: string, updated: Date, extra: Partial<Session> = {}): Session {
  return { id, title: `Session ${id}`, created_at: updated.toISOString(), updated_at: updated.toISOString(), ...extra };
}

const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

describe("groupSessions", () => {
  const now = at(2026, 11, 23, 9, 30);

  it("puts pinned first, then Today, Yesterday, Previous 7 days and Older, most recent first", () => {
    const groups = groupSessions(
      [
        session("older", at(2026, 10, 1)),
        session("today-early", at(2026, 11, 23, 0, 5)),
        session("yesterday-late", at(2026, 11, 22, 23, 59)),
        session("pinned-old", at(2025, 1, 1), { pinned: true }),
        session("week", at(2026, 11, 17, 8)),
        session("today-late", at(2026, 11, 23, 9, 0)),
        session("yesterday-early", at(2026, 11, 22, 0, 0)),
        session("eight-days", at(2026, 11, 15, 23)),
        session("pinned-new", at(2026, 11, 23, 8), { pinned: true }),
      ],
      now,
    );
    expect(groups.map((group) => [group.key, group.sessions.map((s) => s.id)])).toEqual([
      ["pinned", ["pinned-new", "pinned-old"]],
      ["today", ["today-late", "today-early"]],
      ["yesterday", ["yesterday-late", "yesterday-early"]],
      ["week", ["week"]],
      ["older", ["eight-days", "older"]],
    ]);
  });

  it("goes by the local calendar day, not by 24-hour spans", () => {
    // 00:05 today is "Today", 23:59 the day before is "Yesterday", though 10 minutes apart.
    const late = at(2026, 11, 23, 0, 10);
    const groups = groupSessions([session("a", at(2026, 11, 23, 0, 5)), session("b", at(2026, 11, 22, 23, 59))], late);
    expect(groups.map((group) => group.key)).toEqual(["today", "yesterday"]);
  });

  it("leaves out empty groups, and puts a session without a readable date under Older", () => {
    expect(groupSessions([], now)).toEqual([]);
    const groups = groupSessions([{ id: "x", title: "x", created_at: "", updated_at: "not a date" }], now);
    expect(groups).toEqual([{ key: "older", sessions: [expect.objectContaining({ id: "x" })] }]);
  });

  it("falls back to created_at, and counts a future date (another clock) as today", () => {
    const groups = groupSessions(
      [
        { id: "c", title: "c", created_at: at(2026, 11, 22, 10).toISOString(), updated_at: "" },
        session("future", at(2026, 11, 23, 18)),
      ],
      now,
    );
    expect(groups.map((group) => [group.key, group.sessions.map((s) => s.id)])).toEqual([
      ["today", ["future"]],
      ["yesterday", ["c"]],
    ]);
  });

  it("names each group", () => {
    expect(["pinned", "today", "yesterday", "week", "older"].map((key) => sessionGroupLabel(key as never))).toEqual([
      "Pinned",
      "Today",
      "Yesterday",
      "Previous 7 days",
      "Older",
    ]);
  });
});

describe("filterSessions", () => {
  const sessions = [
    session("1", at(2026, 11, 23), { title: "Devis pour Deco Addict" }),
    session("2", at(2026, 11, 23), { title: "Stock de la chaise de bureau" }),
    session("3", at(2026, 11, 23), { title: "Résumé du projet Office Design" }),
  ];

  it("keeps the titles holding every word typed, accents and case ignored", () => {
    expect(filterSessions(sessions, "deco").map((s) => s.id)).toEqual(["1"]);
    expect(filterSessions(sessions, "RESUME office").map((s) => s.id)).toEqual(["3"]);
    expect(filterSessions(sessions, "de").map((s) => s.id)).toEqual(["1", "2", "3"]);
    expect(filterSessions(sessions, "devis office")).toEqual([]);
  });

  it("keeps everything for an empty query", () => {
    expect(filterSessions(sessions, "  ")).toHaveLength(3);
  });
});

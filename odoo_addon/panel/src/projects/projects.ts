/**
 * The user's projects for the full page's left column, read in the browser with Odoo's ORM
 * service (`project.project`), as the user: record rules apply. Only when the Project app is
 * installed; a field missing in this Odoo version is left out rather than failing the list.
 */

import { isAppInstalled } from "../odoo/compat";
import { projectStatus } from "../cards/read_cards/state_labels";
import { selectionMap } from "../odoo/selection_labels";
import type { StatusBadgeView } from "../cards/read_cards/read_card_views";

/** What the panel needs of `useService("orm")` (same in 17, 18 and 19). */
export interface OrmLike {
  call(model: string, method: string, args?: unknown[], kwargs?: Record<string, unknown>): Promise<unknown>;
}

export interface ProjectItem {
  id: number;
  name: string;
  /** 0–100, from task_completion_percentage (a 0–1 ratio); null when the field is missing. */
  progress: number | null;
  /** The project's end date ("YYYY-MM-DD"), or null. */
  deadline: string | null;
  openTasks: number | null;
  /** last_update_status: on_track, at_risk, off_track, on_hold, done; null for to_define / none. */
  status: string | null;
  /** The status as Odoo names it to the user (its selection's label). */
  statusLabel?: string;
}

export const PROJECT_MODEL = "project.project";
export const PROJECT_FIELDS = ["name", "task_completion_percentage", "date", "open_task_count", "last_update_status"] as const;
const LIMIT = 40;

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** One `search_read` record as the column shows it (Odoo sends `false` for an empty field). */
export function toProjectItem(record: Record<string, unknown>, statusLabels: Record<string, string> = {}): ProjectItem {
  const ratio = numberOrNull(record.task_completion_percentage);
  const status = typeof record.last_update_status === "string" ? record.last_update_status : null;
  return {
    id: Number(record.id),
    name: typeof record.name === "string" ? record.name : String(record.display_name ?? `#${record.id}`),
    progress: ratio === null ? null : Math.max(0, Math.min(100, Math.round(ratio * 100))),
    deadline: typeof record.date === "string" && /^\d{4}-\d{2}-\d{2}/.test(record.date) ? record.date.slice(0, 10) : null,
    openTasks: numberOrNull(record.open_task_count),
    status: status && status !== "to_define" ? status : null,
    ...(status && statusLabels[status] ? { statusLabel: statusLabels[status] } : {}),
  };
}

/** Today as "YYYY-MM-DD" in local time. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isOverdue(project: ProjectItem, today: string = localDay()): boolean {
  return Boolean(project.deadline && project.deadline < today && project.status !== "done");
}

/** "2026-12-04" → "4 déc. 2026" in the user's language (a date without time zone). */
export function formatDeadline(date: string, lang: string): string {
  const [year, month, day] = date.split("-").map(Number);
  try {
    return new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric" }).format(new Date(year!, month! - 1, day!));
  } catch {
    return date;
  }
}

export type StatusBadge = StatusBadgeView;

/** The badge of a project's last update: Odoo's label, the colours Odoo's project updates use. */
export function projectStatusBadge(status: string | null, label?: string): StatusBadge | null {
  return projectStatus(status, label) ?? null;
}

export type ProjectsResult = { state: "ready"; projects: ProjectItem[] } | { state: "unavailable" };

/**
 * The projects to show: all the user can read, or only those they manage (`mine`, with their
 * uid). `unavailable` when the Project app is not installed; other failures reject.
 */
export async function loadProjects(orm: OrmLike, options: { mine?: boolean; uid?: number | null } = {}): Promise<ProjectsResult> {
  if (isAppInstalled("project") === false) {
    return { state: "unavailable" };
  }
  let available: Record<string, unknown>;
  try {
    // the fields this version has, and the status's labels in the user's language
    available = (await orm.call(PROJECT_MODEL, "fields_get", [[...PROJECT_FIELDS]], { attributes: ["type", "selection"] })) as Record<string, unknown>;
  } catch (error) {
    if (isUnknownModel(error)) {
      return { state: "unavailable" };
    }
    throw error;
  }
  const fields = PROJECT_FIELDS.filter((field) => field in (available ?? {}));
  const domain = options.mine && options.uid ? [["user_id", "=", options.uid]] : [];
  const records = (await orm.call(PROJECT_MODEL, "search_read", [], { domain, fields, limit: LIMIT })) as Record<string, unknown>[];
  const selection = (available?.last_update_status as { selection?: unknown } | undefined)?.selection;
  return { state: "ready", projects: (records ?? []).map((record) => toProjectItem(record, selectionMap(selection))) };
}

/** Odoo's answer for a model that does not exist: the app is not installed. */
function isUnknownModel(error: unknown): boolean {
  const data = (error as { data?: { name?: string; message?: string } } | undefined)?.data;
  const text = `${data?.message ?? ""} ${(error as Error | undefined)?.message ?? ""}`;
  return /KeyError|doesn't exist|does not exist|n'existe pas/i.test(`${data?.name ?? ""} ${text}`) && /project\.project/.test(text);
}

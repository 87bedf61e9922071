/**
 * The full page's Projects column follows changes made elsewhere (another tab, a colleague, the
 * agent): the addon sends `copilot/record_changed` `{model, ids}` on Odoo's bus after each commit
 * that touches a project, a task or a sale order (odoo_addon/copilot/models/copilot_watch.py).
 * A project or task change reloads the column once per burst (debounced); a sale order change
 * needs nothing here (done cards show what the agent did at the time).
 */

/** The bus notification type, as the addon sends it (BUS_TYPE in copilot_watch.py). */
export const RECORD_CHANGED = "copilot/record_changed";

/** The models whose changes alter the Projects column (names, progress, open tasks, status). */
export const PROJECT_LIST_MODELS: ReadonlySet<string> = new Set(["project.project", "project.task"]);

export const REFRESH_DELAY_MS = 500;

export interface RecordChanged {
  model: string;
  ids: number[];
}

/** The payload of a `copilot/record_changed` notification, or null when it is not one. */
export function parseRecordChanged(payload: unknown): RecordChanged | null {
  if (!payload || typeof payload !== "object") {
    return null;
  }
  const { model, ids } = payload as { model?: unknown; ids?: unknown };
  if (typeof model !== "string") {
    return null;
  }
  return { model, ids: Array.isArray(ids) ? ids.filter((id): id is number => typeof id === "number") : [] };
}

export function concernsProjectList(payload: unknown): boolean {
  const change = parseRecordChanged(payload);
  return change !== null && PROJECT_LIST_MODELS.has(change.model);
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LiveRefresh {
  /** A bus payload arrived: schedules the refresh if it concerns the column. */
  notify(payload: unknown): void;
  /** Drops a pending refresh and ignores what comes next (the column is gone). */
  dispose(): void;
  readonly pending: boolean;
}

/**
 * Calls `refresh` once, `delay` ms after the last relevant change of a burst (trailing debounce:
 * ten task writes in a row reload the column once, with their final state).
 */
export function createLiveRefresh(refresh: () => void, delay: number = REFRESH_DELAY_MS, timers: Timers = globalTimers): LiveRefresh {
  let handle: unknown = null;
  let disposed = false;
  return {
    notify(payload: unknown): void {
      if (disposed || !concernsProjectList(payload)) {
        return;
      }
      if (handle !== null) {
        timers.clearTimeout(handle);
      }
      handle = timers.setTimeout(() => {
        handle = null;
        if (!disposed) {
          refresh();
        }
      }, delay);
    },
    dispose(): void {
      disposed = true;
      if (handle !== null) {
        timers.clearTimeout(handle);
        handle = null;
      }
    },
    get pending(): boolean {
      return handle !== null;
    },
  };
}

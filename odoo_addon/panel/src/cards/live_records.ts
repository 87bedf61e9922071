/**
 * Done action cards follow their record in Odoo: the addon sends `copilot/record_changed`
 * `{model, ids}` on Odoo's bus after each commit that touches a project, a task or a sale order
 * (src/projects/live_refresh.ts). When it concerns the record of a done card of the open
 * conversation, the panel reads that record again as the user (once per burst, one read per
 * model) and the card shows a "Now in Odoo: …" line, or "Deleted in Odoo".
 *
 * The pure part: which records the cards show, which of them a notification concerns, what to
 * read, and how to word what was read. src/cards/use_live_records.ts does the listening.
 */
import type { Action, Currency } from "../api/types";
import { formatMoney, type CurrencyFormat, type NumberFormat } from "../format/money";
import { _t } from "../odoo/l10n";
import { parseRecordChanged } from "../projects/live_refresh";

/** The fields read for each model a card can follow; other models are not followed. */
export const LIVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "sale.order": ["name", "state", "amount_total", "currency_id"],
  "project.task": ["name", "stage_id", "state", "date_deadline"],
  "project.project": ["name", "last_update_status"],
};

/** What a card shows of its record's current state. */
export interface LiveRecord {
  deleted: boolean;
  /** "Sales Order · $ 1,234.00"; "" when deleted. */
  label: string;
}

/** The key of a record in the map of live states. */
export function recordKey(model: string, id: number): string {
  return `${model},${id}`;
}

/** Model → ids of the records shown by done cards (only the models that can be followed). */
export type WatchedRecords = Map<string, Set<number>>;

/** The records the done cards of these actions link to. */
export function watchedRecords(actions: Iterable<Action>): WatchedRecords {
  const watched: WatchedRecords = new Map();
  for (const action of actions) {
    const record = action.record;
    if (action.status !== "done" || !record || !(record.model in LIVE_FIELDS) || typeof record.id !== "number") {
      continue;
    }
    let ids = watched.get(record.model);
    if (!ids) {
      ids = new Set();
      watched.set(record.model, ids);
    }
    ids.add(record.id);
  }
  return watched;
}

/** The records of `watched` a bus payload is about, or null when none. */
export function concernedRecords(payload: unknown, watched: WatchedRecords): { model: string; ids: number[] } | null {
  const change = parseRecordChanged(payload);
  const shown = change && watched.get(change.model);
  if (!change || !shown) {
    return null;
  }
  const ids = [...new Set(change.ids)].filter((id) => shown.has(id));
  return ids.length ? { model: change.model, ids } : null;
}

/** What a burst of notifications asks to read: model → ids, merged. */
export function mergeReads(into: Map<string, Set<number>>, concerned: { model: string; ids: number[] }): void {
  let ids = into.get(concerned.model);
  if (!ids) {
    ids = new Set();
    into.set(concerned.model, ids);
  }
  for (const id of concerned.ids) {
    ids.add(id);
  }
}

/**
 * The ORM call that reads `ids` of `model`: a search_read, so a deleted record is simply missing
 * (read would fail on it), archived ones included.
 */
export function readCall(model: string, ids: number[]): [string, string, unknown[], Record<string, unknown>] {
  return [
    model,
    "search_read",
    [],
    { domain: [["id", "in", ids]], fields: [...(LIVE_FIELDS[model] ?? ["name"])], context: { active_test: false } },
  ];
}

/** The selection whose label a card shows, per model (its labels are Odoo's: `fields_get`). */
export const LIVE_STATE_FIELD: Readonly<Record<string, string>> = {
  "sale.order": "state",
  "project.task": "state",
  "project.project": "last_update_status",
};

/** A task's state is said only once it is over (done, cancelled). */
const TASK_STATES_SHOWN = new Set(["1_done", "1_canceled"]);

/** The display name of a many2one as read ([id, name]), or "". */
function many2oneName(value: unknown): string {
  return Array.isArray(value) && typeof value[1] === "string" ? value[1] : "";
}

export interface LabelOptions {
  /** The record's name on the card: a new name is shown first when it changed. */
  shownName?: string;
  /** How the card writes its amounts (the quotation's currency), if it knows. */
  currency?: Currency | CurrencyFormat;
  format?: NumberFormat;
  /** Formats a "2026-12-04" deadline in the user's language. */
  formatDate?: (date: string) => string;
  /** The labels of the model's state (LIVE_STATE_FIELD), as Odoo names them to the user. */
  labels?: Record<string, string>;
}

/** "Sales Order · $ 1,234.00", "In Progress · Due 4 Dec 2026", "On track": what the card shows. */
export function liveLabel(model: string, record: Record<string, unknown>, options: LabelOptions = {}): string {
  const parts: string[] = [];
  const name = typeof record.name === "string" ? record.name : "";
  const label = (value: unknown) => (typeof value === "string" && value ? (options.labels?.[value] ?? value) : "");
  if (name && options.shownName !== undefined && name !== options.shownName) {
    parts.push(name);
  }
  switch (model) {
    case "sale.order": {
      parts.push(label(record.state));
      if (typeof record.amount_total === "number") {
        const currency: CurrencyFormat = options.currency
          ? { symbol: options.currency.symbol, position: options.currency.position }
          : { symbol: many2oneName(record.currency_id), position: "after" };
        parts.push(formatMoney(record.amount_total, currency, options.format));
      }
      break;
    }
    case "project.task": {
      parts.push(many2oneName(record.stage_id), typeof record.state === "string" && TASK_STATES_SHOWN.has(record.state) ? label(record.state) : "");
      if (typeof record.date_deadline === "string" && record.date_deadline) {
        const day = record.date_deadline.slice(0, 10);
        parts.push(_t("Due %s", options.formatDate ? options.formatDate(day) : day));
      }
      break;
    }
    case "project.project":
      parts.push(record.last_update_status === "to_define" ? "" : label(record.last_update_status));
      break;
  }
  const shown = [...new Set(parts.filter(Boolean))]; // a "Done" stage of a done task: once
  return (shown.length ? shown : [name]).join(" · ");
}

/**
 * The colours of the Odoo states the cards show, in one place. Their labels are Odoo's own, in the
 * user's language: sent by the agent with the data (`state_label`, `status_label`) or read with
 * `fields_get` (src/odoo/selection_labels.ts) — never a table of ours.
 */

import type { Cell, StatusBadgeView } from "./read_card_views";

/** Task states Odoo counts as closed (project.task `state`). */
export const CLOSED_TASK_STATES = ["1_done", "1_canceled"];
export const DONE_STATE = "1_done";
export const REOPENED_STATE = "01_in_progress";

/** The badge colour of each value, as Odoo's own views colour them. */
const COLOURS: Record<string, Record<string, string>> = {
  "project.project.last_update_status": {
    on_track: "text-bg-success",
    at_risk: "text-bg-warning",
    off_track: "text-bg-danger",
    on_hold: "text-bg-info",
    done: "text-bg-secondary",
  },
  "sale.order.state": {
    draft: "text-bg-info",
    sent: "text-bg-primary",
    sale: "text-bg-success",
    cancel: "text-bg-secondary",
  },
};

function badge(field: string, value: unknown, label: unknown): StatusBadgeView | undefined {
  if (typeof value !== "string" || !value || value === "to_define") {
    return undefined;
  }
  return { label: typeof label === "string" && label ? label : value, className: COLOURS[field]?.[value] ?? "text-bg-light" };
}

/** A project's last update status (`last_update_status`), with Odoo's label. */
export function projectStatus(status: unknown, label: unknown): StatusBadgeView | undefined {
  return badge("project.project.last_update_status", status, label);
}

/** A sale order's `state`, with Odoo's label. */
export function quotationStatus(state: unknown, label: unknown): StatusBadgeView | undefined {
  return badge("sale.order.state", state, label);
}

/** A status in a table: its badge, or an empty cell. */
export function badgeCell(badge: StatusBadgeView | undefined): Cell {
  return badge ? { text: badge.label, badge: badge.className } : { text: "" };
}

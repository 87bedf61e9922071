/**
 * The labels of the Odoo states the read cards show, in one place: project update statuses,
 * quotation states, and the task states a checklist reads and writes.
 */

import { _t } from "../../odoo/l10n";
import type { Cell, StatusBadgeView } from "./read_card_views";

/** Task states Odoo counts as closed (project.task `state`). */
export const CLOSED_TASK_STATES = ["1_done", "1_canceled"];
export const DONE_STATE = "1_done";
export const REOPENED_STATE = "01_in_progress";

/** Odoo's project update statuses (`last_update_status`). */
export function projectStatus(status: unknown): StatusBadgeView | undefined {
  switch (status) {
    case "on_track":
      return { label: _t("On Track"), className: "text-bg-success" };
    case "at_risk":
      return { label: _t("At Risk"), className: "text-bg-warning" };
    case "off_track":
      return { label: _t("Off Track"), className: "text-bg-danger" };
    case "on_hold":
      return { label: _t("On Hold"), className: "text-bg-info" };
    case "done":
      return { label: _t("Done"), className: "text-bg-secondary" };
    default:
      return undefined; // to_define, or nothing
  }
}

/** sale.order `state`. */
export function quotationStatus(state: unknown): StatusBadgeView | undefined {
  switch (state) {
    case "draft":
      return { label: _t("Quotation"), className: "text-bg-info" };
    case "sent":
      return { label: _t("Quotation Sent"), className: "text-bg-primary" };
    case "sale":
      return { label: _t("Sales Order"), className: "text-bg-success" };
    case "cancel":
      return { label: _t("Cancelled"), className: "text-bg-secondary" };
    default:
      return undefined;
  }
}

/** A status in a table: its badge, or an empty cell. */
export function badgeCell(badge: StatusBadgeView | undefined): Cell {
  return badge ? { text: badge.label, badge: badge.className } : { text: "" };
}

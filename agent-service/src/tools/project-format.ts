import type { SelectionLabels } from "../odoo/selection-labels.js";

/** A project's last status update as Odoo names it to this user; "" while none is set. */
export async function projectStatusLabel(labels: SelectionLabels, status: unknown): Promise<string> {
  if (!status || status === "to_define") return "";
  return (await labels("project.project", "last_update_status"))[String(status)] ?? String(status);
}

/** Task states that mean the task is over (Odoo 17+ `state`). */
export const CLOSED_TASK_STATES = ["1_done", "1_canceled"];

export function percent(value: unknown): string {
  return `${Math.round(Number(value ?? 0) * 100)} %`;
}

import type { ActionService } from "@web/core/utils/hooks";

import type { RecordRef } from "../api/types";

/**
 * Opens a record's form view in the web client when its link is clicked; a click with a
 * modifier or another button is left to the browser (new tab or window, from the link's URL).
 */
export function openRecord(actionService: ActionService, record: RecordRef, ev: MouseEvent): void {
  if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) {
    return;
  }
  ev.preventDefault();
  void actionService.doAction({
    type: "ir.actions.act_window",
    res_model: record.model,
    res_id: record.id,
    views: [[false, "form"]],
    target: "current",
  });
}

import type { Action, ActionStatus } from "../api/types";
import { _t } from "../odoo/l10n";
import type { ReviseResult, UndoState } from "../store/actions";
import type { LiveRecord } from "./live_records";

export interface StatusBadge {
  label: string;
  className: string;
}

/** The badge in a card's header, the same for every kind of card. */
export function statusBadge(status: ActionStatus): StatusBadge {
  switch (status) {
    case "proposed":
      return { label: _t("To confirm"), className: "text-bg-warning" };
    case "running":
      return { label: _t("In progress"), className: "text-bg-info" };
    case "done":
      return { label: _t("Done"), className: "text-bg-success" };
    case "rejected":
      return { label: _t("Cancelled"), className: "text-bg-secondary" };
    case "failed":
      return { label: _t("Failed"), className: "text-bg-danger" };
    default:
      return { label: String(status), className: "text-bg-light" };
  }
}

/** Props every action card receives from the message list. */
export interface ActionCardProps {
  action: Action;
  /** The confirm, cancel or revise request running on this action, or "". */
  request: "" | "confirm" | "reject" | "revise";
  /** Why the last confirm/cancel request failed, or "". */
  error: string;
  onConfirm: (actionId: string) => void;
  onReject: (actionId: string) => void;
  /** What Undo did on this action, once asked. */
  undo?: UndoState;
  /** Undo a done action; without it, no Undo button. */
  onUndo?: (actionId: string) => void;
  /** New quantities for a proposed quotation; without it, no "Edit quantities". */
  onRevise?: (actionId: string, quantities: number[]) => Promise<ReviseResult>;
  /** The record of a done card as it is now in Odoo, once the bus said it changed. */
  live?: LiveRecord;
}

export const actionCardProps = {
  action: Object,
  request: String,
  error: String,
  onConfirm: Function,
  onReject: Function,
  undo: { type: Object, optional: true },
  onUndo: { type: Function, optional: true },
  onRevise: { type: Function, optional: true },
  live: { type: Object, optional: true },
};

/** Actions whose change Undo can reverse: every done write, except an undo itself. */
export function canUndo(action: Action): boolean {
  return action.status === "done" && action.tool !== "undo";
}

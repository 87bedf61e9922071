/**
 * What the user does on an action card: confirm or cancel a proposal, send a quotation new
 * quantities, undo a done change. One request per action at a time; its answer replaces the
 * action in whichever message holds it.
 */

import type { Action } from "../api/types";
import { _t } from "../odoo/l10n";
import { RpcError } from "../odoo/rpc";
import type { ChatMessage } from "./chat_message";
import type { CopilotStore } from "./copilot_store";
import { describeError } from "./describe_error";

export type ActionRequest = "confirm" | "reject" | "revise";

/** What a quotation's new quantities did: `error` is shown in the card, the quantities kept. */
export interface ReviseResult {
  revised: boolean;
  error: string;
}

/** What Undo did on a done action card: running, or how it ended (its message shown in place). */
export interface UndoState {
  state: "running" | "undone" | "refused" | "error";
  message: string;
}

/** Puts `action` in place of the action with the same id; false when no message holds it. */
export function applyAction(messages: ChatMessage[], action: Action): boolean {
  let found = false;
  for (const message of messages) {
    const actions = message.actions;
    if (!actions) {
      continue;
    }
    const index = actions.findIndex((candidate) => candidate.id === action.id);
    if (index !== -1) {
      actions[index] = action;
      found = true;
    }
  }
  return found;
}

/** Confirms or cancels a proposed action; why it failed shows on its card. */
export async function runAction(store: CopilotStore, actionId: string, request: "confirm" | "reject"): Promise<void> {
  if (store.actionRequests[actionId]) {
    return; // one request per action at a time: no double confirm from the UI
  }
  const conversation = store.conversation;
  store.actionRequests[actionId] = request;
  delete store.actionErrors[actionId];
  try {
    const { action } =
      request === "confirm"
        ? await store.api.confirmAction(actionId)
        : await store.api.rejectAction(actionId);
    if (conversation === store.conversation) {
      applyAction(store.messages, action);
    }
  } catch (error) {
    if (conversation === store.conversation) {
      store.actionErrors[actionId] = describeError(error);
    }
  } finally {
    if (conversation === store.conversation) {
      delete store.actionRequests[actionId];
    }
  }
}

/**
 * Sends new quantities for a proposed quotation (one per preview line, 0 drops it) and puts
 * the action Odoo priced again in its card. Confirm and Cancel wait meanwhile.
 */
export async function reviseAction(store: CopilotStore, actionId: string, quantities: number[]): Promise<ReviseResult> {
  if (store.actionRequests[actionId]) {
    return { revised: false, error: "" };
  }
  const conversation = store.conversation;
  store.actionRequests[actionId] = "revise";
  delete store.actionErrors[actionId];
  try {
    const { action } = await store.api.reviseAction(actionId, quantities);
    if (conversation === store.conversation) {
      applyAction(store.messages, action);
    }
    return { revised: true, error: "" };
  } catch (error) {
    return { revised: false, error: describeError(error) };
  } finally {
    if (conversation === store.conversation) {
      delete store.actionRequests[actionId];
    }
  }
}

/** Reverses a done action; the addon's answer (done, or why not) shows on its card. */
export async function undoAction(store: CopilotStore, actionId: string): Promise<void> {
  if (store.undoStates[actionId]?.state === "running") {
    return;
  }
  const conversation = store.conversation;
  store.undoStates[actionId] = { state: "running", message: "" };
  let state: UndoState;
  try {
    const { undone, message } = await store.api.undoAction(actionId);
    state = undone
      ? { state: "undone", message: message || _t("Undone.") }
      : { state: "refused", message: message || _t("This change cannot be undone.") };
  } catch (error) {
    // The addon refuses with a UserError saying why (the record changed since, the order
    // was confirmed…): a refusal, not a failure.
    const refused = error instanceof RpcError && error.kind === "server" && /UserError/.test(error.data?.name ?? "");
    state = { state: refused ? "refused" : "error", message: describeError(error) };
  }
  if (conversation === store.conversation) {
    store.undoStates[actionId] = state;
  }
}

/**
 * What the events of a turn do to the answer being written: the session it runs in, its text,
 * its tool steps, the actions and cards it proposes, then the final state its `done` gives it.
 */

import type { Action, TurnEvent, TurnResult } from "../api/types";
import { _t } from "../odoo/l10n";
import type { ChatMessage } from "./chat_message";
import type { CopilotStore } from "./copilot_store";

/** The answer being received: what its events change, and what Stop needs. */
export interface RunningTurn {
  conversation: number;
  user: ChatMessage;
  reply: ChatMessage;
  /** The session the turn runs in: known from the `start` event for a new conversation. */
  sessionId: string | null;
  controller: AbortController;
  stopRequested: boolean;
  /** A `done` or `error` event arrived. */
  ended: boolean;
  /** Why the turn failed: shown on the user's message, with Retry. */
  error: string;
  /** A tool ran since the last text: the next text starts a new paragraph. */
  newParagraph: boolean;
  stopTimer: ReturnType<typeof setTimeout> | undefined;
}

/** Applies one event of `turn`; events of a conversation left, or after the end, change nothing. */
export function applyTurnEvent(store: CopilotStore, turn: RunningTurn, event: TurnEvent): void {
  if (turn.conversation !== store.conversation || turn.ended) {
    return;
  }
  const { reply } = turn;
  switch (event.type) {
    case "start":
      turn.sessionId = event.session_id;
      store.sessionId = event.session_id;
      store.openState?.saveSession?.(event.session_id);
      turn.user.pending = false;
      break;
    case "text":
      if (turn.newParagraph && reply.content && event.text) {
        reply.content += "\n\n";
      }
      turn.newParagraph = false;
      reply.content += event.text;
      break;
    case "tool": {
      const steps = (reply.steps ??= []);
      const label = event.label ? { label: event.label } : {};
      if (event.status === "started") {
        steps.push({ tool: event.tool, status: "running", ...label });
        turn.newParagraph = true;
        break;
      }
      const running = [...steps].reverse().find((step) => step.tool === event.tool && step.status === "running");
      if (running) {
        running.status = event.status;
        // what the step did, once done ("Stock checked"), replaces what it was doing
        if (event.label) running.label = event.label;
      } else {
        steps.push({ tool: event.tool, status: event.status, ...label });
      }
      break;
    }
    case "action":
      upsertAction(reply, event.action);
      break;
    case "card":
      (reply.cards ??= []).push(event.card);
      break;
    case "done":
      turn.ended = true;
      applyResult(store, turn, event.result);
      break;
    case "error":
      turn.ended = true;
      turn.error = event.message || _t("The Copilot service could not answer. Try again.");
      break;
  }
}

/** The final state of the answer, as the server stored it. */
function applyResult(store: CopilotStore, turn: RunningTurn, result: TurnResult): void {
  const { reply } = turn;
  if (result.session_id) {
    store.sessionId = result.session_id;
    store.openState?.saveSession?.(result.session_id);
  }
  if (result.message_id) {
    reply.id = result.message_id;
  }
  // A stopped turn keeps what was said before the stop; keep what was shown if it says nothing.
  reply.content = result.reply || (result.stopped ? reply.content : "");
  reply.actions = result.actions ?? reply.actions ?? [];
  reply.stopped = Boolean(result.stopped);
  if (Array.isArray(result.cards)) {
    reply.cards = result.cards;
  }
  if (result.choices?.length) {
    reply.choices = result.choices;
  }
}

/** Adds `action` to a message, or replaces the version it holds. */
function upsertAction(message: ChatMessage, action: Action): void {
  const actions = (message.actions ??= []);
  const index = actions.findIndex((candidate) => candidate.id === action.id);
  if (index === -1) {
    actions.push(action);
  } else {
    actions[index] = action;
  }
}

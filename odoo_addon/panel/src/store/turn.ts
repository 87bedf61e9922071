/**
 * A turn: the user's message shown at once, then the answer received as it is written (the
 * events' stream: the bus, or polling, see api/turn_stream.ts), until it ends, fails or is
 * stopped. Send, Retry, Ask again, and following an answer already running all end here.
 */

import type { TurnContext, TurnEvent } from "../api/types";
import { _t } from "../odoo/l10n";
import { screenKey, type Screen } from "../odoo/screen";
import type { ChatMessage } from "./chat_message";
import type { CopilotStore } from "./copilot_store";
import { describeError } from "./describe_error";
import { applyTurnEvent, type RunningTurn } from "./turn_events";

/** After Stop, how long the answer may take to end by itself before the request is aborted. */
export const STOP_GRACE_MS = 2000;

/** The project the user picked in the full page: the next messages are about it. */
export interface ProjectContext {
  id: number;
  name: string;
}

/**
 * What goes with a message while a project is the chat's context: the project, as data (the
 * turn's `context`), never written into the message — the agent gives it to the tools that work
 * on a project, in any language.
 */
export function turnContext(project: ProjectContext | null, screen?: Screen): TurnContext | undefined {
  if (!project && !screen) {
    return undefined;
  }
  return { ...(project ? { project: { id: project.id, name: project.name } } : {}), ...(screen ? { screen: { model: screen.model, ids: screen.ids } } : {}) };
}

/** The screen a message goes with: the one on screen, unless the user set it aside. */
export function screenToSend(store: CopilotStore): Screen | undefined {
  const screen = store.screen?.();
  return screen && screenKey(screen) !== store.ignoredScreen ? screen : undefined;
}

/** A message id of the client's: 32 hex digits (crypto.randomUUID needs a secure context). */
function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return "cm_" + Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function now(): string {
  return new Date().toISOString();
}

/** Shows the user's message at once, then the reply; false when nothing was sent. */
export async function send(store: CopilotStore, text: string): Promise<boolean> {
  const trimmed = text.trim();
  if (!trimmed || store.isBusy) {
    return false;
  }
  const id = `local_${++store.localSeq}`;
  // the screen as it is now: a Retry or Ask again keeps the one the question was asked with
  const context = turnContext(store.projectContext, screenToSend(store));
  store.messages.push({ id, role: "user", content: trimmed, created_at: now(), ...(context ? { context } : {}) });
  store.draft = "";
  await deliver(store, id);
  return true;
}

/** Sends a failed message again, moving it to the end of the conversation. */
export async function retry(store: CopilotStore, messageId: string): Promise<void> {
  const index = store.messages.findIndex((message) => message.id === messageId);
  const message = store.messages[index];
  if (!message?.error || store.isBusy) {
    return;
  }
  store.messages.splice(index, 1);
  store.messages.push(message);
  await deliver(store, messageId);
}

/**
 * Asks the last question again, with the context it was asked in (the project chip): a new
 * answer comes after the old one, which stays (the conversation is never rewritten).
 */
export async function regenerate(store: CopilotStore): Promise<boolean> {
  if (!store.canRegenerate) {
    return false;
  }
  const question = [...store.messages].reverse().find((message) => message.role === "user")!;
  const id = `local_${++store.localSeq}`;
  store.messages.push({ id, role: "user", content: question.content, created_at: now(), ...(question.context ? { context: question.context } : {}) });
  await deliver(store, id);
  return true;
}

/**
 * Follows an answer still being written in the conversation just opened (the page was
 * reloaded, or the question was asked in another tab): the question shows, and the answer
 * goes on from where it is.
 */
export async function resume(store: CopilotStore, running: { turn_id: string; message: string }): Promise<void> {
  if (store.sending) {
    return;
  }
  const user: ChatMessage = { id: `local_${++store.localSeq}`, role: "user", content: running.message, created_at: now() };
  store.messages.push(user);
  await receive(store, user, (onEvent, signal) => store.api.followTurn(running.turn_id, 0, onEvent, signal));
}

/**
 * Sends a user message and receives the answer as it is written: an assistant message
 * shows at once and grows with the turn's events, then takes the final state of `done`.
 */
async function deliver(store: CopilotStore, messageId: string): Promise<void> {
  const user = store.messages.find((candidate) => candidate.id === messageId);
  if (!user) {
    return;
  }
  user.pending = true;
  delete user.error;
  user.clientMessageId ??= newClientMessageId();
  await receive(store, user, (onEvent, signal) =>
    store.api.chatStream(
      {
        ...(store.sessionId ? { session_id: store.sessionId } : {}),
        message: user.content,
        client_message_id: user.clientMessageId!,
        ...(user.context ? { context: user.context } : {}),
      },
      onEvent,
      signal,
    ),
  );
}

/** Shows the answer to `user` as its events come, until it ends (or fails, or is stopped). */
async function receive(
  store: CopilotStore,
  user: ChatMessage,
  stream: (onEvent: (event: TurnEvent) => void, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  store.messages.push({
    id: `local_reply_${++store.localSeq}`,
    role: "assistant",
    content: "",
    created_at: now(),
    actions: [],
    steps: [],
    streaming: true,
  });
  const turn: RunningTurn = {
    conversation: store.conversation,
    user,
    reply: store.messages[store.messages.length - 1]!,
    sessionId: store.sessionId,
    controller: new AbortController(),
    stopRequested: false,
    ended: false,
    error: "",
    newParagraph: false,
    stopTimer: undefined,
  };
  store.sending = true;
  store.stopping = false;
  store.stopRunning = () => requestStop(store, turn);
  try {
    await stream((event) => applyTurnEvent(store, turn, event), turn.controller.signal);
    if (!turn.ended && !turn.stopRequested) {
      turn.error = _t("The connection was lost before the answer was complete.");
    }
  } catch (error) {
    if (!turn.stopRequested) {
      turn.error = describeError(error);
    }
  } finally {
    clearTimeout(turn.stopTimer);
    endTurn(store, turn);
  }
}

async function requestStop(store: CopilotStore, turn: RunningTurn): Promise<void> {
  if (turn.stopRequested || turn.conversation !== store.conversation) {
    return;
  }
  turn.stopRequested = true;
  store.stopping = true;
  turn.reply.stopped = true;
  if (!turn.sessionId) {
    turn.controller.abort(); // no `start` yet: closing the request is the only way to stop it
    return;
  }
  try {
    await store.api.stop(turn.sessionId);
  } catch {
    // the request is aborted below: closing it stops the turn too
  }
  if (!turn.ended) {
    // Give the turn a moment to end by itself with its `done` (the actions it proposed, the
    // text the server kept), then close the request.
    turn.stopTimer = setTimeout(() => turn.controller.abort(), store.stopGraceMs);
  }
}

function endTurn(store: CopilotStore, turn: RunningTurn): void {
  if (turn.conversation !== store.conversation) {
    return;
  }
  const { user, reply } = turn;
  store.sending = false;
  store.stopping = false;
  store.stopRunning = null;
  user.pending = false;
  reply.streaming = false;
  delete reply.steps;
  if (turn.error) {
    user.error = turn.error;
    reply.stopped = false;
    // Cards already proposed are stored by the agent and stay; a partial text goes: Retry brings it all.
    if (!reply.actions?.length) {
      const index = store.messages.findIndex((message) => message.id === reply.id);
      if (index !== -1) {
        store.messages.splice(index, 1);
      }
    }
  } else if (!turn.ended) {
    reply.stopped = true; // stopped, and the request closed before its `done`
  }
  if (store.sessionsState !== "idle" || (!turn.error && !store.sessionTitle)) {
    // A new conversation appears in the list, and the first exchange gives it its title (shown in
    // the side panel's header too, even when the list was never opened).
    void store.loadSessions();
  }
}

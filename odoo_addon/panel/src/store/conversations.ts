/**
 * The conversations: which one the panel shows (the last one, one of the list, a new one), and
 * the list of the full page — loaded, filtered, renamed, pinned, deleted — and the open one as
 * a PDF.
 */

import type { Session } from "../api/types";
import type { CopilotStore } from "./copilot_store";
import { describeError } from "./describe_error";
import { resume } from "./turn";

/** A change running on a conversation of the list (its buttons are disabled meanwhile). */
export type SessionRequest = "rename" | "pin" | "delete";

/** The most recently active session (the route sorts them, but do not depend on it). */
export function mostRecentSession(sessions: readonly Session[]): Session | undefined {
  let latest: Session | undefined;
  for (const session of sessions) {
    if (!latest || (session.updated_at || "") > (latest.updated_at || "")) {
      latest = session;
    }
  }
  return latest;
}

/** Reopens the conversation shown before a reload, else the user's most recent one. */
export async function loadLastSession(store: CopilotStore): Promise<void> {
  const conversation = store.conversation;
  store.loadState = "loading";
  store.loadError = "";
  try {
    const { sessions } = await store.api.sessions();
    const remembered = store.openState?.loadSession?.();
    const latest = (sessions ?? []).find((session) => session.id === remembered) ?? mostRecentSession(sessions ?? []);
    const history = latest ? await store.api.messages(latest.id) : undefined;
    if (conversation !== store.conversation) {
      return;
    }
    if (latest && history) {
      store.sessionId = latest.id;
      store.sessionTitle = latest.title;
      store.messages = history.messages ?? [];
      store.openState?.saveSession?.(latest.id);
    }
    store.loadState = "ready";
    if (history?.running_turn) {
      void resume(store, history.running_turn);
    }
  } catch (error) {
    if (conversation === store.conversation) {
      store.loadState = "error";
      store.loadError = describeError(error);
    }
  }
}

/** Forgets the current conversation; the next message starts a new session. */
export function newConversation(store: CopilotStore): void {
  store.conversation++;
  store.sessionId = null;
  store.sessionTitle = "";
  store.openState?.saveSession?.(null);
  store.messages = [];
  // An answer still being written goes on in the old session (its history keeps it).
  store.stopRunning = null;
  store.sending = false;
  store.stopping = false;
  store.loadState = "ready";
  store.loadError = "";
  store.actionRequests = {};
  store.actionErrors = {};
  store.undoStates = {};
}

/** Shows a conversation of the list; an answer still running in the current one goes on there. */
export async function openSession(store: CopilotStore, sessionId: string): Promise<void> {
  if (sessionId === store.sessionId && store.loadState === "ready") {
    return;
  }
  newConversation(store);
  const conversation = store.conversation;
  const known = store.sessions.find((session) => session.id === sessionId);
  store.sessionId = sessionId;
  store.openState?.saveSession?.(sessionId);
  store.sessionTitle = known?.title ?? "";
  store.loadState = "loading";
  try {
    const history = await store.api.messages(sessionId);
    if (conversation === store.conversation) {
      store.messages = history.messages ?? [];
      store.loadState = "ready";
      if (history.running_turn) {
        void resume(store, history.running_turn);
      }
    }
  } catch (error) {
    if (conversation === store.conversation) {
      store.loadState = "error";
      store.loadError = describeError(error);
    }
  }
}

/** Reloads what the panel shows: the open conversation, or the most recent one. */
export function reload(store: CopilotStore): Promise<void> {
  const sessionId = store.sessionId;
  if (sessionId) {
    store.sessionId = null;
    return openSession(store, sessionId);
  }
  return loadLastSession(store);
}

/** Loads the user's conversations, filtered by `query` (kept for the next loads). */
export async function loadSessions(store: CopilotStore, query: string): Promise<void> {
  const seq = ++store.sessionsSeq;
  store.sessionQuery = query;
  if (store.sessionsState !== "ready") {
    store.sessionsState = "loading";
  }
  try {
    const { sessions } = await store.api.sessions(query);
    if (seq === store.sessionsSeq) {
      store.sessions = sessions ?? [];
      store.sessionsState = "ready";
      store.sessionsError = "";
      // A new conversation gets its title from the agent after its first exchange.
      const current = store.sessions.find((session) => session.id === store.sessionId);
      if (current?.title) {
        store.sessionTitle = current.title;
      }
    }
  } catch (error) {
    if (seq === store.sessionsSeq) {
      store.sessionsState = "error";
      store.sessionsError = describeError(error);
    }
  }
}

/** Renames or pins a conversation of the list; false when it did not (the error is shown). */
export async function updateSession(
  store: CopilotStore,
  sessionId: string,
  changes: { title?: string; pinned?: boolean },
  request: SessionRequest,
): Promise<boolean> {
  if (store.sessionRequests[sessionId]) {
    return false;
  }
  store.sessionRequests[sessionId] = request;
  store.sessionsError = "";
  try {
    const { session } = await store.api.updateSession(sessionId, changes);
    const updated = { ...store.sessions.find((candidate) => candidate.id === sessionId), ...changes, ...session } as Session;
    store.sessions = store.sessions.map((candidate) => (candidate.id === sessionId ? updated : candidate));
    if (store.sessionId === sessionId) {
      store.sessionTitle = updated.title;
    }
    return true;
  } catch (error) {
    store.sessionsError = describeError(error);
    return false;
  } finally {
    delete store.sessionRequests[sessionId];
  }
}

/** Deletes a conversation; deleting the open one starts a new conversation. */
export async function deleteSession(store: CopilotStore, sessionId: string): Promise<boolean> {
  if (store.sessionRequests[sessionId]) {
    return false;
  }
  store.sessionRequests[sessionId] = "delete";
  store.sessionsError = "";
  try {
    await store.api.deleteSession(sessionId);
    store.sessions = store.sessions.filter((session) => session.id !== sessionId);
    if (store.sessionId === sessionId) {
      newConversation(store);
    }
    return true;
  } catch (error) {
    store.sessionsError = describeError(error);
    return false;
  } finally {
    delete store.sessionRequests[sessionId];
  }
}

/** The open conversation as a PDF, or undefined (the error is shown). */
export async function exportPdf(store: CopilotStore): Promise<Blob | undefined> {
  const sessionId = store.sessionId;
  if (!sessionId || store.pdfRequest) {
    return undefined;
  }
  store.pdfRequest = true;
  store.pdfError = "";
  try {
    return await store.api.exportPdf(sessionId);
  } catch (error) {
    store.pdfError = describeError(error);
    return undefined;
  } finally {
    store.pdfRequest = false;
  }
}

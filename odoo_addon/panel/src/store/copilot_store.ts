/**
 * The panel's state and what changes it, shared by the systray button and the panel.
 *
 * A plain class so the logic runs in Node tests; src/main.ts wraps one instance in owl's
 * `reactive()` and components read it through `useState()`, so every method below runs on
 * the reactive proxy and its writes re-render whoever read the changed fields. The work is done
 * by the modules beside this file (turn.ts, actions.ts, conversations.ts, privacy.ts): each method
 * hands them `this` — the proxy it was called on — so their writes go through it too.
 */

import type { Screen } from "../odoo/screen";
import type { CopilotApi } from "../api/copilot_api";
import type { ChoiceOption, Memory, Session } from "../api/types";
import * as actions from "./actions";
import type { ActionRequest, ReviseResult, UndoState } from "./actions";
import type { ChatMessage } from "./chat_message";
import type { OpenStateStorage } from "./open_state";
import * as privacy from "./privacy";
import { filterSessions } from "./session_groups";
import * as conversations from "./conversations";
import type { SessionRequest } from "./conversations";
import * as turn from "./turn";
import type { ProjectContext } from "./turn";

export interface CopilotStoreOptions {
  /** After Stop, how long the answer may take to end by itself (its `done` says "stopped") before the request is aborted. */
  stopGraceMs?: number;
  /** The records on the user's screen when a message is sent ("this customer"): odoo/screen.ts. */
  screen?: () => Screen | undefined;
}

export type LoadState = "idle" | "loading" | "ready" | "error";

export class CopilotStore {
  isOpen = false;
  sessionId: string | null = null;
  sessionTitle = "";
  messages: ChatMessage[] = [];
  loadState: LoadState = "idle";
  loadError = "";
  /** An answer is being received (or the /copilot/chat fallback is running). */
  sending = false;
  /** Stop was pressed: the answer is ending. */
  stopping = false;
  /** The composer's text, kept while the panel is closed. */
  draft = "";
  /** Put the focus in the composer when the panel shows (not when it reopens by itself). */
  autofocus = true;
  /** Action id → the request running on it (buttons are disabled meanwhile). */
  actionRequests: Record<string, ActionRequest> = {};
  /** Action id → why the last confirm/cancel failed. */
  actionErrors: Record<string, string> = {};
  /** Action id → what Undo did on it. */
  undoStates: Record<string, UndoState> = {};
  /** The full-page Copilot is on screen: the side panel hides meanwhile (same conversation). */
  fullPage = false;
  /** The project picked in the full page, or null. */
  projectContext: ProjectContext | null = null;

  /** The conversations column of the full page. */
  sessions: Session[] = [];
  sessionsState: LoadState = "idle";
  sessionsError = "";
  sessionQuery = "";
  /** Session id → the change running on it. */
  sessionRequests: Record<string, SessionRequest> = {};

  /** The memories section of the full page. */
  memories: Memory[] = [];
  memoriesState: LoadState = "idle";
  memoriesError = "";
  memoryRequests: Record<string, boolean> = {};
  /** The last "Export my history" / "Delete all my history": running, its error, or what it did. */
  historyRequest: "" | "export" | "delete" = "";
  historyError = "";
  historyNotice = "";
  /** The PDF of the conversation is being made; why it failed. */
  pdfRequest = false;
  pdfError = "";

  // What the store's modules keep between calls; no component reads it.

  /** Bumped by "New conversation": answers to requests of an older conversation are dropped. */
  conversation = 0;
  /** Numbers the messages shown before the server names them. */
  localSeq = 0;
  /** Bumped by each load of the conversations list: an older answer is dropped. */
  sessionsSeq = 0;
  /**
   * Stops the answer being received; null when none is. A function, not the turn itself: the
   * store is wrapped in owl's reactive(), which would wrap a plain object read from it too.
   */
  stopRunning: (() => Promise<void>) | null = null;
  readonly api: CopilotApi;
  readonly openState: OpenStateStorage | undefined;
  readonly stopGraceMs: number;

  /** What the user looks at, read when a message is sent (and by the side panel's chip). */
  screen: (() => Screen | undefined) | undefined;
  /** The screen the user set aside (its key, odoo/screen.ts): not sent until the screen changes. */
  ignoredScreen = "";

  constructor(api: CopilotApi, openState?: OpenStateStorage, options: CopilotStoreOptions = {}) {
    this.api = api;
    this.openState = openState;
    this.stopGraceMs = options.stopGraceMs ?? turn.STOP_GRACE_MS;
    this.screen = options.screen;
  }

  /** Opens the panel again if it was open before the page was reloaded. */
  restore(): void {
    if (this.openState?.load()) {
      this.open();
      this.autofocus = false; // the page's own field keeps the focus
    }
  }

  get isBusy(): boolean {
    return this.sending || this.loadState === "loading";
  }

  /** The send button is a Stop button. */
  get canStop(): boolean {
    return this.sending && !this.stopping && this.stopRunning !== null;
  }

  /** The last answer can be asked for again: the conversation ends with it, nothing is running. */
  get canRegenerate(): boolean {
    const last = this.messages[this.messages.length - 1];
    return !this.isBusy && last?.role === "assistant" && !last.streaming && this.messages.some((message) => message.role === "user");
  }

  /** What Up in an empty composer brings back. */
  get lastUserMessage(): string {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const message = this.messages[i]!;
      if (message.role === "user") {
        return message.content;
      }
    }
    return "";
  }

  open(): void {
    this.isOpen = true;
    this.autofocus = true;
    this.openState?.save(true);
    if (this.loadState === "idle") {
      void this.loadLastSession();
    }
  }

  close(): void {
    this.isOpen = false;
    this.openState?.save(false);
  }

  toggle(): void {
    if (this.isOpen) {
      this.close();
    } else {
      this.open();
    }
  }

  // The turn: turn.ts -----------------------------------------------------------------------

  /** Shows the user's message at once, then the reply; false when nothing was sent. */
  send(text: string): Promise<boolean> {
    return turn.send(this, text);
  }

  /** Sends a failed message again, moving it to the end of the conversation. */
  retry(messageId: string): Promise<void> {
    return turn.retry(this, messageId);
  }

  /** Asks the last question again; the old answer stays. */
  regenerate(): Promise<boolean> {
    return turn.regenerate(this);
  }

  /** Sends an option of a choice card: the message that names the picked record. */
  pickChoice(option: ChoiceOption): Promise<boolean> {
    return this.send(option.message);
  }

  /** Stops the answer being written; what it said so far stays, marked "Stopped". */
  async stop(): Promise<void> {
    await this.stopRunning?.();
  }

  setProjectContext(project: ProjectContext | null): void {
    this.projectContext = project ? { id: project.id, name: project.name } : null;
  }

  // Actions: actions.ts ---------------------------------------------------------------------

  confirmAction(actionId: string): Promise<void> {
    return actions.runAction(this, actionId, "confirm");
  }

  rejectAction(actionId: string): Promise<void> {
    return actions.runAction(this, actionId, "reject");
  }

  /** New quantities for a proposed quotation; the card shows what Odoo priced again. */
  reviseAction(actionId: string, quantities: number[]): Promise<ReviseResult> {
    return actions.reviseAction(this, actionId, quantities);
  }

  /** Reverses a done action; the addon's answer (done, or why not) shows on its card. */
  undoAction(actionId: string): Promise<void> {
    return actions.undoAction(this, actionId);
  }

  // Conversations: conversations.ts ---------------------------------------------------------

  /** Reopens the conversation shown before a reload, else the user's most recent one. */
  loadLastSession(): Promise<void> {
    return conversations.loadLastSession(this);
  }

  /** Forgets the current conversation; the next message starts a new session. */
  newConversation(): void {
    conversations.newConversation(this);
  }

  /** Shows a conversation of the list; an answer still running in the current one goes on there. */
  openSession(sessionId: string): Promise<void> {
    return conversations.openSession(this, sessionId);
  }

  /** Reloads what the panel shows: the open conversation, or the most recent one. */
  reload(): Promise<void> {
    return conversations.reload(this);
  }

  /** The list as shown: filtered here too, in case the addon ignores `query`. */
  get visibleSessions(): Session[] {
    return filterSessions(this.sessions, this.sessionQuery);
  }

  /** Loads the user's conversations, filtered by `query` (kept for the next loads). */
  loadSessions(query: string = this.sessionQuery): Promise<void> {
    return conversations.loadSessions(this, query);
  }

  renameSession(sessionId: string, title: string): Promise<boolean> {
    const clean = title.trim();
    if (!clean) {
      return Promise.resolve(false);
    }
    return conversations.updateSession(this, sessionId, { title: clean }, "rename");
  }

  togglePinned(sessionId: string): Promise<boolean> {
    const session = this.sessions.find((candidate) => candidate.id === sessionId);
    return conversations.updateSession(this, sessionId, { pinned: !session?.pinned }, "pin");
  }

  /** Deletes a conversation; deleting the open one starts a new conversation. */
  deleteSession(sessionId: string): Promise<boolean> {
    return conversations.deleteSession(this, sessionId);
  }

  /** The open conversation as a PDF, or undefined (the error is shown). */
  exportPdf(): Promise<Blob | undefined> {
    return conversations.exportPdf(this);
  }

  // Memories and history: privacy.ts --------------------------------------------------------

  loadMemories(): Promise<void> {
    return privacy.loadMemories(this);
  }

  deleteMemory(memoryId: string): Promise<boolean> {
    return privacy.deleteMemory(this, memoryId);
  }

  /** The user's whole history as the agent exports it, or undefined (the error is shown). */
  exportHistory(): Promise<unknown> {
    return privacy.exportHistory(this);
  }

  /** Deletes every conversation and memory of the user (after the UI's confirmation). */
  deleteHistory(): Promise<boolean> {
    return privacy.deleteHistory(this);
  }
}

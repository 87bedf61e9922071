/**
 * The panel's state and what changes it, shared by the systray button and the panel.
 *
 * A plain class so the logic runs in Node tests; src/main.ts wraps one instance in owl's
 * `reactive()` and components read it through `useState()`, so every method below runs on
 * the reactive proxy and its writes re-render whoever read the changed fields.
 */

import type { CopilotApi } from "../api/copilot_api";
import type { Action, Choice, ChoiceOption, Memory, Message, Session, StepStatus, TurnContext, TurnEvent, TurnResult } from "../api/types";
import { _t } from "../odoo/l10n";
import { RpcError } from "../odoo/rpc";
import { describeError } from "./describe_error";
import { filterSessions } from "./session_groups";

/** A tool step of the answer being written: running, or how it ended. */
export interface ToolStep {
  tool: string;
  status: "running" | StepStatus;
  /** What the agent says the tool does, in the user's language ("Reading stock…"). */
  label?: string;
}

/** A message as the panel holds it: the contract's Message, plus the local send state. */
export interface ChatMessage extends Message {
  /** User message on its way to the server. */
  pending?: boolean;
  /** User message the server did not take: shown with this text and a Retry button. */
  error?: string;
  /** Sent with this user message, and again on Retry, so the agent answers it once. */
  clientMessageId?: string;
  /** The chat's context when it was sent (the project chip), sent again on Retry. */
  context?: TurnContext;
  /** Assistant message still being written. */
  streaming?: boolean;
  /** Tools run so far by the answer being written. */
  steps?: ToolStep[];
  /** Names that matched several records: the user picks one (a choice card each). */
  choices?: Choice[];
}

export interface CopilotStoreOptions {
  /** After Stop, how long the answer may take to end by itself (its `done` says "stopped") before the request is aborted. */
  stopGraceMs?: number;
}

/** The answer being received: what its events change, and what Stop needs. */
interface RunningTurn {
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

const STOP_GRACE_MS = 2000;

export type LoadState = "idle" | "loading" | "ready" | "error";

/**
 * Where the panel remembers that it is open, and which conversation it shows, so a reload of
 * the page (the user's, or Odoo's own, e.g. when it switches company to show a record) brings
 * both back.
 */
export interface OpenStateStorage {
  load(): boolean;
  save(open: boolean): void;
  /** The conversation shown before the reload, or null (then the most recent one). */
  loadSession?(): string | null;
  saveSession?(sessionId: string | null): void;
}

/** The open state in the tab's sessionStorage (per tab, gone with the tab); the conversation under `key` + ".session". */
export function sessionOpenState(getStorage: () => Storage | undefined, key: string): OpenStateStorage {
  const sessionKey = `${key}.session`;
  return {
    loadSession: () => {
      try {
        return getStorage()?.getItem(sessionKey) || null;
      } catch {
        return null;
      }
    },
    saveSession: (sessionId) => {
      try {
        const storage = getStorage();
        if (sessionId) {
          storage?.setItem(sessionKey, sessionId);
        } else {
          storage?.removeItem(sessionKey);
        }
      } catch {
        // the most recent conversation shows after a reload
      }
    },
    load: () => {
      try {
        return getStorage()?.getItem(key) === "1";
      } catch {
        return false; // storage disabled by the browser
      }
    },
    save: (open) => {
      try {
        const storage = getStorage();
        if (open) {
          storage?.setItem(key, "1");
        } else {
          storage?.removeItem(key);
        }
      } catch {
        // storage full or disabled: the panel just does not reopen by itself
      }
    },
  };
}
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

/** The project the user picked in the full page: the next messages are about it. */
export interface ProjectContext {
  id: number;
  name: string;
}

/** A change running on a conversation of the list (its buttons are disabled meanwhile). */
export type SessionRequest = "rename" | "pin" | "delete";

/**
 * What goes with a message while a project is the chat's context: the project, as data (the
 * turn's `context`), never written into the message — the agent gives it to the tools that work
 * on a project, in any language.
 */
export function turnContext(project: ProjectContext | null): TurnContext | undefined {
  return project ? { project: { id: project.id, name: project.name } } : undefined;
}

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

function now(): string {
  return new Date().toISOString();
}

/** A message id of the client's: 32 hex digits (crypto.randomUUID needs a secure context). */
export function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return "cm_" + Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

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

  /** Bumped by "New conversation": answers to requests of an older conversation are dropped. */
  private conversation = 0;
  private localSeq = 0;
  /** Bumped by each load of the conversations list: an older answer is dropped. */
  private sessionsSeq = 0;
  /**
   * Stops the answer being received; null when none is. A function, not the turn itself: the
   * store is wrapped in owl's reactive(), which would wrap a plain object read from it too.
   */
  private stopRunning: (() => Promise<void>) | null = null;
  private readonly api: CopilotApi;
  private readonly openState: OpenStateStorage | undefined;
  private readonly stopGraceMs: number;

  constructor(api: CopilotApi, openState?: OpenStateStorage, options: CopilotStoreOptions = {}) {
    this.api = api;
    this.openState = openState;
    this.stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
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

  /**
   * Asks the last question again, with the context it was asked in (the project chip): a new
   * answer comes after the old one, which stays (the conversation is never rewritten).
   */
  async regenerate(): Promise<boolean> {
    if (!this.canRegenerate) {
      return false;
    }
    const question = [...this.messages].reverse().find((message) => message.role === "user")!;
    const id = `local_${++this.localSeq}`;
    this.messages.push({ id, role: "user", content: question.content, created_at: now(), ...(question.context ? { context: question.context } : {}) });
    await this.deliver(id);
    return true;
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

  /** Reopens the conversation shown before a reload, else the user's most recent one. */
  async loadLastSession(): Promise<void> {
    const conversation = this.conversation;
    this.loadState = "loading";
    this.loadError = "";
    try {
      const { sessions } = await this.api.sessions();
      const remembered = this.openState?.loadSession?.();
      const latest = (sessions ?? []).find((session) => session.id === remembered) ?? mostRecentSession(sessions ?? []);
      const history = latest ? await this.api.messages(latest.id) : undefined;
      if (conversation !== this.conversation) {
        return;
      }
      if (latest && history) {
        this.sessionId = latest.id;
        this.sessionTitle = latest.title;
        this.messages = history.messages ?? [];
        this.openState?.saveSession?.(latest.id);
      }
      this.loadState = "ready";
      if (history?.running_turn) {
        void this.resume(history.running_turn);
      }
    } catch (error) {
      if (conversation === this.conversation) {
        this.loadState = "error";
        this.loadError = describeError(error);
      }
    }
  }

  /** Forgets the current conversation; the next message starts a new session. */
  newConversation(): void {
    this.conversation++;
    this.sessionId = null;
    this.sessionTitle = "";
    this.openState?.saveSession?.(null);
    this.messages = [];
    // An answer still being written goes on in the old session (its history keeps it).
    this.stopRunning = null;
    this.sending = false;
    this.stopping = false;
    this.loadState = "ready";
    this.loadError = "";
    this.actionRequests = {};
    this.actionErrors = {};
    this.undoStates = {};
  }

  /** Shows the user's message at once, then the reply; false when nothing was sent. */
  async send(text: string): Promise<boolean> {
    const trimmed = text.trim();
    if (!trimmed || this.isBusy) {
      return false;
    }
    const id = `local_${++this.localSeq}`;
    const context = turnContext(this.projectContext);
    this.messages.push({ id, role: "user", content: trimmed, created_at: now(), ...(context ? { context } : {}) });
    this.draft = "";
    await this.deliver(id);
    return true;
  }

  /** Sends a failed message again, moving it to the end of the conversation. */
  async retry(messageId: string): Promise<void> {
    const index = this.messages.findIndex((message) => message.id === messageId);
    const message = this.messages[index];
    if (!message?.error || this.isBusy) {
      return;
    }
    this.messages.splice(index, 1);
    this.messages.push(message);
    await this.deliver(messageId);
  }

  /** Sends an option of a choice card: the message that names the picked record. */
  pickChoice(option: ChoiceOption): Promise<boolean> {
    return this.send(option.message);
  }

  /** Stops the answer being written; what it said so far stays, marked "Stopped". */
  async stop(): Promise<void> {
    await this.stopRunning?.();
  }

  /**
   * Sends a user message and receives the answer as it is written: an assistant message
   * shows at once and grows with the turn's events, then takes the final state of `done`.
   */
  private async deliver(messageId: string): Promise<void> {
    const user = this.messages.find((candidate) => candidate.id === messageId);
    if (!user) {
      return;
    }
    user.pending = true;
    delete user.error;
    user.clientMessageId ??= newClientMessageId();
    await this.receive(user, (onEvent, signal) =>
      this.api.chatStream(
        {
          ...(this.sessionId ? { session_id: this.sessionId } : {}),
          message: user.content,
          client_message_id: user.clientMessageId!,
          ...(user.context ? { context: user.context } : {}),
        },
        onEvent,
        signal,
      ),
    );
  }

  /**
   * Follows an answer still being written in the conversation just opened (the page was
   * reloaded, or the question was asked in another tab): the question shows, and the answer
   * goes on from where it is.
   */
  private async resume(running: { turn_id: string; message: string }): Promise<void> {
    if (this.sending) {
      return;
    }
    const user: ChatMessage = { id: `local_${++this.localSeq}`, role: "user", content: running.message, created_at: now() };
    this.messages.push(user);
    await this.receive(user, (onEvent, signal) => this.api.followTurn(running.turn_id, 0, onEvent, signal));
  }

  /** Shows the answer to `user` as its events come, until it ends (or fails, or is stopped). */
  private async receive(
    user: ChatMessage,
    stream: (onEvent: (event: TurnEvent) => void, signal: AbortSignal) => Promise<void>,
  ): Promise<void> {
    this.messages.push({
      id: `local_reply_${++this.localSeq}`,
      role: "assistant",
      content: "",
      created_at: now(),
      actions: [],
      steps: [],
      streaming: true,
    });
    const turn: RunningTurn = {
      conversation: this.conversation,
      user,
      reply: this.messages[this.messages.length - 1]!,
      sessionId: this.sessionId,
      controller: new AbortController(),
      stopRequested: false,
      ended: false,
      error: "",
      newParagraph: false,
      stopTimer: undefined,
    };
    this.sending = true;
    this.stopping = false;
    this.stopRunning = () => this.requestStop(turn);
    try {
      await stream((event) => this.onTurnEvent(turn, event), turn.controller.signal);
      if (!turn.ended && !turn.stopRequested) {
        turn.error = _t("The connection was lost before the answer was complete.");
      }
    } catch (error) {
      if (!turn.stopRequested) {
        turn.error = describeError(error);
      }
    } finally {
      clearTimeout(turn.stopTimer);
      this.endTurn(turn);
    }
  }

  private onTurnEvent(turn: RunningTurn, event: TurnEvent): void {
    if (turn.conversation !== this.conversation || turn.ended) {
      return;
    }
    const { reply } = turn;
    switch (event.type) {
      case "start":
        turn.sessionId = event.session_id;
        this.sessionId = event.session_id;
        this.openState?.saveSession?.(event.session_id);
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
        this.applyResult(turn, event.result);
        break;
      case "error":
        turn.ended = true;
        turn.error = event.message || _t("The Copilot service could not answer. Try again.");
        break;
    }
  }

  /** The final state of the answer, as the server stored it. */
  private applyResult(turn: RunningTurn, result: TurnResult): void {
    const { reply } = turn;
    if (result.session_id) {
      this.sessionId = result.session_id;
      this.openState?.saveSession?.(result.session_id);
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

  private async requestStop(turn: RunningTurn): Promise<void> {
    if (turn.stopRequested || turn.conversation !== this.conversation) {
      return;
    }
    turn.stopRequested = true;
    this.stopping = true;
    turn.reply.stopped = true;
    if (!turn.sessionId) {
      turn.controller.abort(); // no `start` yet: closing the request is the only way to stop it
      return;
    }
    try {
      await this.api.stop(turn.sessionId);
    } catch {
      // the request is aborted below: closing it stops the turn too
    }
    if (!turn.ended) {
      // Give the turn a moment to end by itself with its `done` (the actions it proposed, the
      // text the server kept), then close the request.
      turn.stopTimer = setTimeout(() => turn.controller.abort(), this.stopGraceMs);
    }
  }

  private endTurn(turn: RunningTurn): void {
    if (turn.conversation !== this.conversation) {
      return;
    }
    const { user, reply } = turn;
    this.sending = false;
    this.stopping = false;
    this.stopRunning = null;
    user.pending = false;
    reply.streaming = false;
    delete reply.steps;
    if (turn.error) {
      user.error = turn.error;
      reply.stopped = false;
      // Cards already proposed are stored by the agent and stay; a partial text goes: Retry brings it all.
      if (!reply.actions?.length) {
        const index = this.messages.findIndex((message) => message.id === reply.id);
        if (index !== -1) {
          this.messages.splice(index, 1);
        }
      }
    } else if (!turn.ended) {
      reply.stopped = true; // stopped, and the request closed before its `done`
    }
    if (this.sessionsState !== "idle") {
      // A new conversation appears in the list, and the first exchange gives it its title.
      void this.loadSessions();
    }
  }

  confirmAction(actionId: string): Promise<void> {
    return this.runAction(actionId, "confirm");
  }

  rejectAction(actionId: string): Promise<void> {
    return this.runAction(actionId, "reject");
  }

  /**
   * Sends new quantities for a proposed quotation (one per preview line, 0 drops it) and puts
   * the action Odoo priced again in its card. Confirm and Cancel wait meanwhile.
   */
  async reviseAction(actionId: string, quantities: number[]): Promise<ReviseResult> {
    if (this.actionRequests[actionId]) {
      return { revised: false, error: "" };
    }
    const conversation = this.conversation;
    this.actionRequests[actionId] = "revise";
    delete this.actionErrors[actionId];
    try {
      const { action } = await this.api.reviseAction(actionId, quantities);
      if (conversation === this.conversation) {
        applyAction(this.messages, action);
      }
      return { revised: true, error: "" };
    } catch (error) {
      return { revised: false, error: describeError(error) };
    } finally {
      if (conversation === this.conversation) {
        delete this.actionRequests[actionId];
      }
    }
  }

  private async runAction(actionId: string, request: ActionRequest): Promise<void> {
    if (this.actionRequests[actionId]) {
      return; // one request per action at a time: no double confirm from the UI
    }
    const conversation = this.conversation;
    this.actionRequests[actionId] = request;
    delete this.actionErrors[actionId];
    try {
      const { action } =
        request === "confirm"
          ? await this.api.confirmAction(actionId)
          : await this.api.rejectAction(actionId);
      if (conversation === this.conversation) {
        applyAction(this.messages, action);
      }
    } catch (error) {
      if (conversation === this.conversation) {
        this.actionErrors[actionId] = describeError(error);
      }
    } finally {
      if (conversation === this.conversation) {
        delete this.actionRequests[actionId];
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Undo
  // ------------------------------------------------------------------------------------------

  /** Reverses a done action; the addon's answer (done, or why not) shows on its card. */
  async undoAction(actionId: string): Promise<void> {
    if (this.undoStates[actionId]?.state === "running") {
      return;
    }
    const conversation = this.conversation;
    this.undoStates[actionId] = { state: "running", message: "" };
    let state: UndoState;
    try {
      const { undone, message } = await this.api.undoAction(actionId);
      state = undone
        ? { state: "undone", message: message || _t("Undone.") }
        : { state: "refused", message: message || _t("This change cannot be undone.") };
    } catch (error) {
      // The addon refuses with a UserError saying why (the record changed since, the order
      // was confirmed…): a refusal, not a failure.
      const refused = error instanceof RpcError && error.kind === "server" && /UserError/.test(error.data?.name ?? "");
      state = { state: refused ? "refused" : "error", message: describeError(error) };
    }
    if (conversation === this.conversation) {
      this.undoStates[actionId] = state;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Project context
  // ------------------------------------------------------------------------------------------

  setProjectContext(project: ProjectContext | null): void {
    this.projectContext = project ? { id: project.id, name: project.name } : null;
  }

  // ------------------------------------------------------------------------------------------
  // Conversations list
  // ------------------------------------------------------------------------------------------

  /** The list as shown: filtered here too, in case the addon ignores `query`. */
  get visibleSessions(): Session[] {
    return filterSessions(this.sessions, this.sessionQuery);
  }

  /** Loads the user's conversations, filtered by `query` (kept for the next loads). */
  async loadSessions(query: string = this.sessionQuery): Promise<void> {
    const seq = ++this.sessionsSeq;
    this.sessionQuery = query;
    if (this.sessionsState !== "ready") {
      this.sessionsState = "loading";
    }
    try {
      const { sessions } = await this.api.sessions(query);
      if (seq === this.sessionsSeq) {
        this.sessions = sessions ?? [];
        this.sessionsState = "ready";
        this.sessionsError = "";
        // A new conversation gets its title from the agent after its first exchange.
        const current = this.sessions.find((session) => session.id === this.sessionId);
        if (current?.title) {
          this.sessionTitle = current.title;
        }
      }
    } catch (error) {
      if (seq === this.sessionsSeq) {
        this.sessionsState = "error";
        this.sessionsError = describeError(error);
      }
    }
  }

  /** Shows a conversation of the list; an answer still running in the current one goes on there. */
  async openSession(sessionId: string): Promise<void> {
    if (sessionId === this.sessionId && this.loadState === "ready") {
      return;
    }
    this.newConversation();
    const conversation = this.conversation;
    const known = this.sessions.find((session) => session.id === sessionId);
    this.sessionId = sessionId;
    this.openState?.saveSession?.(sessionId);
    this.sessionTitle = known?.title ?? "";
    this.loadState = "loading";
    try {
      const history = await this.api.messages(sessionId);
      if (conversation === this.conversation) {
        this.messages = history.messages ?? [];
        this.loadState = "ready";
        if (history.running_turn) {
          void this.resume(history.running_turn);
        }
      }
    } catch (error) {
      if (conversation === this.conversation) {
        this.loadState = "error";
        this.loadError = describeError(error);
      }
    }
  }

  /** Reloads what the panel shows: the open conversation, or the most recent one. */
  reload(): Promise<void> {
    const sessionId = this.sessionId;
    if (sessionId) {
      this.sessionId = null;
      return this.openSession(sessionId);
    }
    return this.loadLastSession();
  }

  renameSession(sessionId: string, title: string): Promise<boolean> {
    const clean = title.trim();
    if (!clean) {
      return Promise.resolve(false);
    }
    return this.updateSession(sessionId, { title: clean }, "rename");
  }

  togglePinned(sessionId: string): Promise<boolean> {
    const session = this.sessions.find((candidate) => candidate.id === sessionId);
    return this.updateSession(sessionId, { pinned: !session?.pinned }, "pin");
  }

  private async updateSession(sessionId: string, changes: { title?: string; pinned?: boolean }, request: SessionRequest): Promise<boolean> {
    if (this.sessionRequests[sessionId]) {
      return false;
    }
    this.sessionRequests[sessionId] = request;
    this.sessionsError = "";
    try {
      const { session } = await this.api.updateSession(sessionId, changes);
      const updated = { ...this.sessions.find((candidate) => candidate.id === sessionId), ...changes, ...session } as Session;
      this.sessions = this.sessions.map((candidate) => (candidate.id === sessionId ? updated : candidate));
      if (this.sessionId === sessionId) {
        this.sessionTitle = updated.title;
      }
      return true;
    } catch (error) {
      this.sessionsError = describeError(error);
      return false;
    } finally {
      delete this.sessionRequests[sessionId];
    }
  }

  /** Deletes a conversation; deleting the open one starts a new conversation. */
  async deleteSession(sessionId: string): Promise<boolean> {
    if (this.sessionRequests[sessionId]) {
      return false;
    }
    this.sessionRequests[sessionId] = "delete";
    this.sessionsError = "";
    try {
      await this.api.deleteSession(sessionId);
      this.sessions = this.sessions.filter((session) => session.id !== sessionId);
      if (this.sessionId === sessionId) {
        this.newConversation();
      }
      return true;
    } catch (error) {
      this.sessionsError = describeError(error);
      return false;
    } finally {
      delete this.sessionRequests[sessionId];
    }
  }

  // ------------------------------------------------------------------------------------------
  // Memories and history
  // ------------------------------------------------------------------------------------------

  async loadMemories(): Promise<void> {
    this.memoriesState = "loading";
    this.memoriesError = "";
    try {
      const { memories } = await this.api.memories();
      this.memories = memories ?? [];
      this.memoriesState = "ready";
    } catch (error) {
      this.memoriesState = "error";
      this.memoriesError = describeError(error);
    }
  }

  async deleteMemory(memoryId: string): Promise<boolean> {
    if (this.memoryRequests[memoryId]) {
      return false;
    }
    this.memoryRequests[memoryId] = true;
    this.memoriesError = "";
    try {
      await this.api.deleteMemory(memoryId);
      this.memories = this.memories.filter((memory) => memory.id !== memoryId);
      return true;
    } catch (error) {
      this.memoriesError = describeError(error);
      return false;
    } finally {
      delete this.memoryRequests[memoryId];
    }
  }

  /** The user's whole history as the agent exports it, or undefined (the error is shown). */
  async exportHistory(): Promise<unknown> {
    if (this.historyRequest) {
      return undefined;
    }
    this.historyRequest = "export";
    this.historyError = "";
    this.historyNotice = "";
    try {
      return await this.api.exportHistory();
    } catch (error) {
      this.historyError = describeError(error);
      return undefined;
    } finally {
      this.historyRequest = "";
    }
  }

  /** Deletes every conversation and memory of the user (after the UI's confirmation). */
  async deleteHistory(): Promise<boolean> {
    if (this.historyRequest) {
      return false;
    }
    this.historyRequest = "delete";
    this.historyError = "";
    this.historyNotice = "";
    try {
      await this.api.deleteHistory();
      this.newConversation();
      this.sessions = [];
      this.memories = [];
      this.historyNotice = _t("Your conversations and memories were deleted.");
      return true;
    } catch (error) {
      this.historyError = describeError(error);
      return false;
    } finally {
      this.historyRequest = "";
    }
  }

  /** The open conversation as a PDF, or undefined (the error is shown). */
  async exportPdf(): Promise<Blob | undefined> {
    const sessionId = this.sessionId;
    if (!sessionId || this.pdfRequest) {
      return undefined;
    }
    this.pdfRequest = true;
    this.pdfError = "";
    try {
      return await this.api.exportPdf(sessionId);
    } catch (error) {
      this.pdfError = describeError(error);
      return undefined;
    } finally {
      this.pdfRequest = false;
    }
  }
}

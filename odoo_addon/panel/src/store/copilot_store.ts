/**
 * The panel's state and what changes it, shared by the systray button and the panel.
 *
 * A plain class so the logic runs in Node tests; src/main.ts wraps one instance in owl's
 * `reactive()` and components read it through `useState()`, so every method below runs on
 * the reactive proxy and its writes re-render whoever read the changed fields.
 */

import type { CopilotApi } from "../api/copilot_api";
import type { Action, Message, Session } from "../api/types";
import { describeError } from "./describe_error";

/** A message as the panel holds it: the contract's Message, plus the local send state. */
export interface ChatMessage extends Message {
  /** User message on its way to the server. */
  pending?: boolean;
  /** User message the server did not take: shown with this text and a Retry button. */
  error?: string;
}

export type LoadState = "idle" | "loading" | "ready" | "error";

/**
 * Where the panel remembers that it is open, so a reload of the page (the user's, or Odoo's
 * own, e.g. when it switches company to show a record) brings it back.
 */
export interface OpenStateStorage {
  load(): boolean;
  save(open: boolean): void;
}

/** The open state in the tab's sessionStorage (per tab, gone with the tab). */
export function sessionOpenState(getStorage: () => Storage | undefined, key: string): OpenStateStorage {
  return {
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
export type ActionRequest = "confirm" | "reject";

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

export class CopilotStore {
  isOpen = false;
  sessionId: string | null = null;
  sessionTitle = "";
  messages: ChatMessage[] = [];
  loadState: LoadState = "idle";
  loadError = "";
  /** A /copilot/chat request is running. */
  sending = false;
  /** The composer's text, kept while the panel is closed. */
  draft = "";
  /** Put the focus in the composer when the panel shows (not when it reopens by itself). */
  autofocus = true;
  /** Action id → the request running on it (buttons are disabled meanwhile). */
  actionRequests: Record<string, ActionRequest> = {};
  /** Action id → why the last confirm/cancel failed. */
  actionErrors: Record<string, string> = {};

  /** Bumped by "New conversation": answers to requests of an older conversation are dropped. */
  private conversation = 0;
  private localSeq = 0;
  private readonly api: CopilotApi;
  private readonly openState: OpenStateStorage | undefined;

  constructor(api: CopilotApi, openState?: OpenStateStorage) {
    this.api = api;
    this.openState = openState;
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

  /** Reopens the user's most recent conversation, so it survives a page reload. */
  async loadLastSession(): Promise<void> {
    const conversation = this.conversation;
    this.loadState = "loading";
    this.loadError = "";
    try {
      const { sessions } = await this.api.sessions();
      const latest = mostRecentSession(sessions ?? []);
      const history = latest ? await this.api.messages(latest.id) : undefined;
      if (conversation !== this.conversation) {
        return;
      }
      if (latest && history) {
        this.sessionId = latest.id;
        this.sessionTitle = latest.title;
        this.messages = history.messages ?? [];
      }
      this.loadState = "ready";
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
    this.messages = [];
    this.sending = false;
    this.loadState = "ready";
    this.loadError = "";
    this.actionRequests = {};
    this.actionErrors = {};
  }

  /** Shows the user's message at once, then the reply; false when nothing was sent. */
  async send(text: string): Promise<boolean> {
    const content = text.trim();
    if (!content || this.isBusy) {
      return false;
    }
    const id = `local_${++this.localSeq}`;
    this.messages.push({ id, role: "user", content, created_at: now() });
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

  private async deliver(messageId: string): Promise<void> {
    const message = this.messages.find((candidate) => candidate.id === messageId);
    if (!message) {
      return;
    }
    const conversation = this.conversation;
    message.pending = true;
    delete message.error;
    this.sending = true;
    try {
      const result = await this.api.chat(
        this.sessionId ? { session_id: this.sessionId, message: message.content } : { message: message.content },
      );
      if (conversation !== this.conversation) {
        return;
      }
      this.sessionId = result.session_id;
      message.pending = false;
      this.messages.push({
        id: result.message_id || `reply_${messageId}`,
        role: "assistant",
        content: result.reply ?? "",
        created_at: now(),
        actions: result.actions ?? [],
      });
    } catch (error) {
      if (conversation === this.conversation) {
        message.pending = false;
        message.error = describeError(error);
      }
    } finally {
      if (conversation === this.conversation) {
        this.sending = false;
      }
    }
  }

  confirmAction(actionId: string): Promise<void> {
    return this.runAction(actionId, "confirm");
  }

  rejectAction(actionId: string): Promise<void> {
    return this.runAction(actionId, "reject");
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
}

import { Component, onWillUnmount, useEffect, useRef, useState, xml } from "@odoo/owl";

import type { Session } from "../api/types";
import { useConfirm, type Confirm } from "../odoo/confirm";
import { _t } from "../odoo/l10n";
import { CopilotStore } from "../store/copilot_store";
import { groupSessions, sessionGroupLabel, type SessionGroup } from "../store/session_groups";

/** Wait this long after the last key before asking the addon to filter. */
const SEARCH_DELAY_MS = 250;

export interface SessionListProps {
  store: CopilotStore;
  /** A conversation was opened or started: the page puts the focus in its input. */
  onOpened: () => void;
}

/**
 * The conversations column of the full page (copilot.SessionList): new, search, and the
 * user's conversations grouped by date (Pinned, Today, Yesterday, Previous 7 days, Older),
 * each with rename (in place), pin and delete (after a confirmation).
 */
export class SessionList extends Component<SessionListProps> {
  static template = xml`
    <section class="o_copilot_sessions" aria-labelledby="o_copilot_sessions_title">
      <div class="o_copilot_sidebar_head">
        <h2 id="o_copilot_sessions_title" class="o_copilot_sidebar_title" t-esc="labels.title"/>
        <button type="button" class="btn btn-primary btn-sm o_copilot_session_new" t-on-click="onNew">
          <i class="fa fa-plus me-1" aria-hidden="true"/>
          <t t-esc="labels.new"/>
        </button>
      </div>
      <div class="o_copilot_session_search_box">
        <i class="fa fa-search o_copilot_session_search_icon" aria-hidden="true"/>
        <input type="search" class="form-control form-control-sm o_copilot_session_search"
               t-att-placeholder="labels.search" t-att-aria-label="labels.search"
               t-att-value="store.sessionQuery" t-on-input="onSearch"/>
      </div>
      <div t-if="store.sessionsError" class="alert alert-warning o_copilot_sessions_error" role="alert">
        <span t-esc="store.sessionsError"/>
        <button t-if="store.sessionsState === 'error'" type="button" class="btn btn-link btn-sm p-0 ms-1 align-baseline"
                t-on-click="() => store.loadSessions()" t-esc="labels.retry"/>
      </div>
      <div t-if="store.sessionsState === 'loading'" class="o_copilot_sessions_loading text-muted" role="status">
        <i class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
        <t t-esc="labels.loading"/>
      </div>
      <p t-elif="store.sessionsState === 'ready' and !groups.length" class="o_copilot_sessions_empty text-muted"
         t-esc="store.sessionQuery.trim() ? labels.noMatch : labels.empty"/>
      <div class="o_copilot_session_groups">
        <t t-foreach="groups" t-as="group" t-key="group.key">
          <h3 class="o_copilot_session_group" t-att-id="'o_copilot_session_group_' + group.key" t-esc="groupLabel(group)"/>
          <ul class="o_copilot_session_items list-unstyled" t-att-aria-labelledby="'o_copilot_session_group_' + group.key">
            <li t-foreach="group.sessions" t-as="session" t-key="session.id" class="o_copilot_session"
                t-att-class="{ 'o_copilot_session_active': session.id === store.sessionId, 'o_copilot_session_busy': store.sessionRequests[session.id] }">
              <input t-if="state.renaming === session.id" t-ref="rename" type="text"
                     class="form-control form-control-sm o_copilot_session_rename_input"
                     t-att-value="session.title" t-att-aria-label="labels.renameInput" maxlength="120"
                     t-on-keydown="(ev) => this.onRenameKeydown(ev, session)" t-on-blur="(ev) => this.saveRename(ev, session)"/>
              <t t-else="">
                <button type="button" class="o_copilot_session_open" t-att-title="session.title"
                        t-att-aria-current="session.id === store.sessionId ? 'true' : false"
                        t-on-click="() => this.open(session)">
                  <i t-if="session.pinned" class="fa fa-thumb-tack o_copilot_session_pin_mark" aria-hidden="true"/>
                  <span class="o_copilot_session_title" t-esc="session.title or labels.untitled"/>
                </button>
                <div class="o_copilot_session_actions">
                  <button type="button" class="btn btn-link btn-sm o_copilot_session_rename" t-att-data-session-id="session.id"
                          t-att-aria-label="labels.rename + ': ' + (session.title or labels.untitled)" t-att-title="labels.rename"
                          t-att-disabled="store.sessionRequests[session.id] ? 'disabled' : false"
                          t-on-click="() => this.startRename(session)">
                    <i class="fa fa-pencil" aria-hidden="true"/>
                  </button>
                  <button type="button" class="btn btn-link btn-sm o_copilot_session_pin"
                          t-att-aria-label="(session.pinned ? labels.unpin : labels.pin) + ': ' + (session.title or labels.untitled)"
                          t-att-title="session.pinned ? labels.unpin : labels.pin"
                          t-att-aria-pressed="session.pinned ? 'true' : 'false'"
                          t-att-disabled="store.sessionRequests[session.id] ? 'disabled' : false"
                          t-on-click="() => store.togglePinned(session.id)">
                    <i class="fa fa-thumb-tack" t-att-class="{ 'o_copilot_pinned': session.pinned }" aria-hidden="true"/>
                  </button>
                  <button type="button" class="btn btn-link btn-sm o_copilot_session_delete"
                          t-att-aria-label="labels.delete + ': ' + (session.title or labels.untitled)" t-att-title="labels.delete"
                          t-att-disabled="store.sessionRequests[session.id] ? 'disabled' : false"
                          t-on-click="() => this.delete(session)">
                    <i class="fa fa-trash-o" aria-hidden="true"/>
                  </button>
                </div>
              </t>
            </li>
          </ul>
        </t>
      </div>
    </section>`;
  static props = { store: CopilotStore, onOpened: Function };

  declare store: CopilotStore;
  declare state: { renaming: string };
  declare renameInput: { el: HTMLInputElement | null };
  declare confirm: Confirm;
  declare searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The conversation whose Rename button gets the focus back once the input is gone, or "". */
  declare refocusId: string;

  setup(): void {
    this.store = useState(this.props.store);
    this.state = useState({ renaming: "" });
    this.renameInput = useRef("rename");
    this.confirm = useConfirm();
    this.searchTimer = undefined;
    this.refocusId = "";
    // Runs after the render that shows or removes the input (OWL patches on an animation frame).
    useEffect(
      (renaming: string) => {
        const el = this.renameInput.el;
        if (renaming && el) {
          el.focus();
          el.select();
        } else if (!renaming && this.refocusId) {
          const id = this.refocusId;
          this.refocusId = "";
          document.querySelector<HTMLElement>(`.o_copilot_session_rename[data-session-id="${CSS.escape(id)}"]`)?.focus();
        }
      },
      () => [this.state.renaming],
    );
    onWillUnmount(() => clearTimeout(this.searchTimer));
  }

  get labels(): Record<string, string> {
    return {
      title: _t("Conversations"),
      new: _t("New conversation"),
      search: _t("Search conversations"),
      loading: _t("Loading the conversations…"),
      empty: _t("No conversation yet."),
      noMatch: _t("No conversation matches."),
      retry: _t("Retry"),
      untitled: _t("New conversation"),
      rename: _t("Rename"),
      renameInput: _t("Title of the conversation"),
      pin: _t("Pin"),
      unpin: _t("Unpin"),
      delete: _t("Delete"),
    };
  }

  get groups(): SessionGroup[] {
    return groupSessions(this.store.visibleSessions);
  }

  groupLabel(group: SessionGroup): string {
    return sessionGroupLabel(group.key);
  }

  onNew(): void {
    this.store.newConversation();
    this.props.onOpened();
  }

  onSearch(ev: InputEvent): void {
    const query = (ev.target as HTMLInputElement).value;
    this.store.sessionQuery = query; // filtered here at once, by the addon after a pause
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.store.loadSessions(query), SEARCH_DELAY_MS);
  }

  async open(session: Session): Promise<void> {
    const opening = this.store.openSession(session.id);
    this.props.onOpened();
    await opening;
  }

  startRename(session: Session): void {
    this.state.renaming = session.id;
  }

  onRenameKeydown(ev: KeyboardEvent, session: Session): void {
    if (ev.key === "Enter") {
      ev.preventDefault();
      void this.saveRename(ev, session, true);
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      ev.stopPropagation();
      this.endRename(session, true);
    }
  }

  /** Saves the title typed (Enter, or leaving the input: then the focus stays where it went). */
  async saveRename(ev: Event, session: Session, refocus = false): Promise<void> {
    if (this.state.renaming !== session.id) {
      return; // already saved (Enter, then the blur of the input going away)
    }
    const title = (ev.target as HTMLInputElement).value.trim();
    this.endRename(session, refocus);
    if (title && title !== session.title) {
      await this.store.renameSession(session.id, title);
    }
  }

  /** Back to the list; from the keyboard, the focus goes back to the conversation's Rename button. */
  endRename(session: Session, refocus: boolean): void {
    // The effect of setup() moves the focus once the list is rendered without the input.
    this.refocusId = refocus ? session.id : "";
    this.state.renaming = "";
  }

  async delete(session: Session): Promise<void> {
    const confirmed = await this.confirm({
      title: _t("Delete this conversation?"),
      body: _t("“%s” and its messages will be deleted. This cannot be undone.", session.title || this.labels.untitled!),
      confirmLabel: _t("Delete"),
      cancelLabel: _t("Cancel"),
    });
    if (confirmed) {
      await this.store.deleteSession(session.id);
    }
  }
}

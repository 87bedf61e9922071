import { Component, onMounted, onWillUnmount, useRef, useState, xml } from "@odoo/owl";
import { useService, type ActionService } from "@web/core/utils/hooks";

import { Composer } from "../composer/composer";
import { MessageList } from "../message_list/message_list";
import { actionUrl, currentUser, languageName, SETTINGS_ACTION, type CurrentUser, type OdooEnv } from "../odoo/compat";
import { datedFilename, downloadBlob } from "../odoo/download";
import { _t } from "../odoo/l10n";
import { createNameSearch, type NameSearch } from "../odoo/name_search";
import { Privacy } from "../privacy/privacy";
import { ProjectList } from "../project_list/project_list";
import type { OrmLike } from "../projects/projects";
import { SessionList } from "../session_list/session_list";
import { CopilotStore } from "../store/copilot_store";

interface FullPageState {
  view: "chat" | "privacy";
  /** The left column on a narrow screen (always shown on a wide one). */
  sidebarOpen: boolean;
}

/**
 * The full-page Copilot (copilot.FullPage, client action `copilot.app`): a top bar (the user,
 * their language, Settings), the conversations and projects on the left, the chat in the centre
 * — the same store, message list and composer as the side panel, which hides meanwhile.
 */
export class FullPage extends Component<{ store: CopilotStore }> {
  static components = { Composer, MessageList, Privacy, ProjectList, SessionList };
  static template = xml`
    <div class="o_copilot_app" t-ref="root" t-att-class="{ 'o_copilot_app_sidebar_open': state.sidebarOpen }">
      <header class="o_copilot_app_topbar">
        <button type="button" class="btn btn-link o_copilot_app_sidebar_toggle"
                t-att-aria-label="labels.sidebar" t-att-title="labels.sidebar"
                t-att-aria-expanded="state.sidebarOpen ? 'true' : 'false'" aria-controls="o_copilot_app_sidebar"
                t-on-click="toggleSidebar">
          <i class="fa fa-bars" aria-hidden="true"/>
        </button>
        <span class="o_copilot_header_icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
            <path fill="currentColor" d="M12 2.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1-5.1-1.9 5.1-1.9z"/>
            <path fill="currentColor" d="M19 14l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"/>
          </svg>
        </span>
        <h1 class="o_copilot_app_title" t-esc="labels.title"/>
        <span class="o_copilot_app_conversation text-muted" t-att-title="conversationTitle" t-esc="conversationTitle"/>
        <div class="o_copilot_app_tools">
          <button t-if="store.sessionId" type="button" class="btn btn-link o_copilot_app_tool o_copilot_export_pdf"
                  t-att-disabled="store.pdfRequest ? 'disabled' : false" t-att-title="labels.pdf" t-on-click="exportPdf">
            <i class="fa" t-att-class="store.pdfRequest ? 'fa-circle-o-notch fa-spin' : 'fa-file-pdf-o'" aria-hidden="true"/>
            <span class="o_copilot_app_tool_label" t-esc="labels.pdfShort"/>
          </button>
          <button type="button" class="btn btn-link o_copilot_app_tool o_copilot_open_privacy"
                  t-att-aria-pressed="state.view === 'privacy' ? 'true' : 'false'" t-att-title="labels.privacy"
                  t-on-click="togglePrivacy">
            <i class="fa fa-user-secret" aria-hidden="true"/>
            <span class="o_copilot_app_tool_label" t-esc="labels.privacyShort"/>
          </button>
          <a t-if="user.isSystem" class="btn btn-link o_copilot_app_tool o_copilot_settings_link" t-att-href="settingsHref"
             t-att-title="labels.settings" t-on-click="openSettings">
            <i class="fa fa-cog" aria-hidden="true"/>
            <span class="o_copilot_app_tool_label" t-esc="labels.settingsShort"/>
          </a>
          <div class="o_copilot_app_user" t-att-title="user.name">
            <span class="o_copilot_app_avatar" aria-hidden="true" t-esc="initials"/>
            <span class="o_copilot_app_user_text">
              <span class="o_copilot_app_user_name" t-esc="user.name"/>
              <span class="o_copilot_app_user_lang text-muted" t-att-lang="user.lang" t-esc="language"/>
            </span>
          </div>
        </div>
      </header>
      <div t-if="store.pdfError" class="alert alert-warning o_copilot_app_alert" role="alert">
        <span t-esc="store.pdfError"/>
        <button type="button" class="btn-close ms-2" t-att-aria-label="labels.dismiss" t-on-click="dismissPdfError"/>
      </div>
      <div class="o_copilot_app_body">
        <nav id="o_copilot_app_sidebar" class="o_copilot_app_sidebar" t-att-aria-label="labels.sidebar">
          <SessionList store="props.store" onOpened.bind="onOpened"/>
          <ProjectList store="props.store" lang="user.lang" uid="user.id or undefined" onPicked.bind="onOpened"/>
        </nav>
        <main class="o_copilot_app_main" t-att-aria-label="labels.chat">
          <Privacy t-if="state.view === 'privacy'" store="props.store" lang="user.lang" onClose.bind="closePrivacy"/>
          <t t-else="">
            <MessageList store="props.store"/>
            <Composer draft="store.draft" busy="store.isBusy" canStop="store.canStop"
                      lastMessage="store.lastUserMessage" autofocus="true"
                      lang="user.lang" nameSearch="nameSearch" onCommand.bind="onCommand"
                      project="store.projectContext or undefined" onClearProject.bind="onClearProject"
                      onDraftChange.bind="onDraftChange" onSend.bind="onSend" onStop.bind="onStop"/>
          </t>
        </main>
      </div>
    </div>`;
  static props = { store: CopilotStore };

  declare store: CopilotStore;
  declare state: FullPageState;
  declare root: { el: HTMLElement | null };
  declare user: CurrentUser;
  declare actionService: ActionService;
  declare nameSearch: NameSearch;

  setup(): void {
    this.store = useState(this.props.store);
    this.state = useState({ view: "chat", sidebarOpen: false });
    this.root = useRef("root");
    this.user = currentUser(this.env as OdooEnv);
    this.actionService = useService("action");
    this.nameSearch = createNameSearch(useService("orm") as OrmLike);
    // 18 and 19 name the breadcrumb and the tab after the controller; 17 has no such hook.
    (this.env as { config?: { setDisplayName?: (name: string) => void } }).config?.setDisplayName?.(_t("Copilot"));
    onMounted(() => {
      this.store.fullPage = true;
      if (this.store.loadState === "idle") {
        void this.store.loadLastSession();
      }
      void this.store.loadSessions();
    });
    onWillUnmount(() => {
      this.store.fullPage = false;
    });
  }

  get labels(): Record<string, string> {
    return {
      title: _t("Copilot"),
      sidebar: _t("Conversations and projects"),
      chat: _t("Conversation with Copilot"),
      pdf: _t("Download this conversation as a PDF"),
      pdfShort: _t("PDF"),
      privacy: _t("Memories and privacy"),
      privacyShort: _t("Memories"),
      settings: _t("Copilot settings"),
      settingsShort: _t("Copilot settings"),
      dismiss: _t("Close"),
    };
  }

  get conversationTitle(): string {
    return this.store.sessionTitle || (this.store.sessionId ? "" : _t("New conversation"));
  }

  get language(): string {
    return languageName(this.user.lang);
  }

  get initials(): string {
    const words = this.user.name.trim().split(/\s+/).filter(Boolean);
    return ((words[0]?.[0] ?? "") + (words.length > 1 ? words[words.length - 1]![0] : "")).toUpperCase() || "?";
  }

  get settingsHref(): string {
    return actionUrl(SETTINGS_ACTION);
  }

  focusInput(): void {
    this.root.el?.querySelector<HTMLElement>(".o_copilot_input")?.focus();
  }

  /** A conversation was opened or a project picked: back to the chat, its input focused. */
  onOpened(): void {
    this.state.sidebarOpen = false;
    if (this.state.view !== "chat") {
      this.state.view = "chat"; // the composer mounts with the focus
    } else {
      this.focusInput();
    }
  }

  toggleSidebar(): void {
    this.state.sidebarOpen = !this.state.sidebarOpen;
  }

  dismissPdfError(): void {
    this.store.pdfError = "";
  }

  togglePrivacy(): void {
    this.state.view = this.state.view === "privacy" ? "chat" : "privacy";
  }

  closePrivacy(): void {
    this.state.view = "chat";
  }

  onCommand(name: string): void {
    if (name === "new") {
      this.store.newConversation();
      this.focusInput();
    }
  }

  onClearProject(): void {
    this.store.setProjectContext(null);
    this.focusInput();
  }

  onDraftChange(text: string): void {
    this.store.draft = text;
  }

  onSend(text: string): Promise<boolean> {
    return this.store.send(text);
  }

  onStop(): void {
    void this.store.stop();
    this.focusInput();
  }

  openSettings(ev: MouseEvent): void {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) {
      return;
    }
    ev.preventDefault();
    void this.actionService.doAction(SETTINGS_ACTION);
  }

  async exportPdf(): Promise<void> {
    const blob = await this.store.exportPdf();
    if (blob) {
      downloadBlob(blob, datedFilename("copilot-conversation", "pdf"));
    }
  }
}

/**
 * The client action `copilot.app`: the action service gives its component the action's props
 * only, so the shared store comes from here.
 */
export function fullPageAction(store: CopilotStore): typeof Component {
  return class CopilotApp extends Component {
    static components = { FullPage };
    static template = xml`<FullPage store="store"/>`;
    static props = ["*"];

    declare store: CopilotStore;

    setup(): void {
      this.store = store;
    }
  };
}

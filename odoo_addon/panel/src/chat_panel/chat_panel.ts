import { Component, onMounted, onWillUnmount, useRef, useState, xml } from "@odoo/owl";
import { useService, type ActionService } from "@web/core/utils/hooks";

import { Composer } from "../composer/composer";
import { MessageList } from "../message_list/message_list";
import { actionUrl, currentUser, FULL_PAGE_ACTION, type OdooEnv } from "../odoo/compat";
import { _t } from "../odoo/l10n";
import { createNameSearch, type NameSearch } from "../odoo/name_search";
import type { OrmLike } from "../projects/projects";
import type { ScreenView } from "../odoo/screen";
import { CopilotStore } from "../store/copilot_store";

/**
 * The right-hand panel (copilot.ChatPanel): header, conversation, composer. Always mounted
 * (main_components) and rendered only while open, so it survives navigation in the web client;
 * hidden while the full-page Copilot shows the same conversation.
 */
export class ChatPanel extends Component<{ store: CopilotStore }> {
  static components = { Composer, MessageList };
  static template = xml`
    <aside t-if="store.isOpen and !store.fullPage" id="o_copilot_panel" class="o_copilot_panel" t-ref="panel"
           role="complementary" t-att-aria-label="labels.title" t-on-keydown="onKeydown">
      <header class="o_copilot_header">
        <span class="o_copilot_header_icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="18" height="18" focusable="false">
            <path fill="currentColor" d="M12 2.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1-5.1-1.9 5.1-1.9z"/>
            <path fill="currentColor" d="M19 14l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"/>
          </svg>
        </span>
        <div class="o_copilot_header_text">
          <h2 class="o_copilot_title" t-esc="labels.title"/>
          <div t-if="store.sessionTitle" class="o_copilot_session_title text-muted"
               t-att-title="store.sessionTitle" t-esc="store.sessionTitle"/>
        </div>
        <button type="button" class="btn btn-link o_copilot_header_button o_copilot_new_conversation"
                t-att-aria-label="labels.newConversation" t-att-title="labels.newConversation"
                t-att-disabled="store.loadState === 'loading' or (!store.messages.length and !store.sessionId and store.loadState !== 'error')"
                t-on-click="onNewConversation">
          <i class="fa fa-pencil-square-o" aria-hidden="true"/>
        </button>
        <a class="btn btn-link o_copilot_header_button o_copilot_open_full_page" t-att-href="fullPageHref"
           role="button" t-att-aria-label="labels.fullPage" t-att-title="labels.fullPage" t-on-click="openFullPage">
          <i class="fa fa-expand" aria-hidden="true"/>
        </a>
        <button type="button" class="btn btn-link o_copilot_header_button o_copilot_close"
                t-att-aria-label="labels.close" t-att-title="labels.close" t-on-click="close">
          <i class="fa fa-times" aria-hidden="true"/>
        </button>
      </header>
      <MessageList store="props.store"/>
      <Composer draft="store.draft" busy="store.isBusy" canStop="store.canStop"
                lastMessage="store.lastUserMessage" autofocus="store.autofocus"
                lang="lang" nameSearch="nameSearch" onCommand.bind="onCommand"
                project="store.projectContext or undefined" onClearProject.bind="onClearProject"
                screen="screenChip" onIgnoreScreen.bind="onIgnoreScreen"
                onDraftChange.bind="onDraftChange" onSend.bind="onSend" onStop.bind="onStop"/>
    </aside>`;
  static props = { store: CopilotStore };
  /** How often the open panel looks at the screen behind it (the records its chip names), in ms. */
  static screenLookMs = 1000;

  declare store: CopilotStore;
  declare panel: { el: HTMLElement | null };
  declare actionService: ActionService;
  declare nameSearch: NameSearch;
  declare lang: string;
  /** The screen behind the panel, looked at again every second while the panel is open. */
  declare seen: { screen: ScreenView | undefined };

  setup(): void {
    this.store = useState(this.props.store);
    this.panel = useRef("panel");
    this.actionService = useService("action");
    this.nameSearch = createNameSearch(useService("orm") as OrmLike);
    this.lang = currentUser(this.env as OdooEnv).lang;
    this.seen = useState({ screen: undefined });
    let timer: ReturnType<typeof setInterval> | undefined;
    const look = () => {
      const screen = this.props.store.isOpen ? (this.props.store.screen?.() as ScreenView | undefined) : undefined;
      if (screen?.key !== this.seen.screen?.key || screen?.name !== this.seen.screen?.name || screen?.selected !== this.seen.screen?.selected) {
        this.seen.screen = screen;
      }
    };
    onMounted(() => {
      look();
      timer = setInterval(look, ChatPanel.screenLookMs);
    });
    onWillUnmount(() => clearInterval(timer));
  }

  /** The chip of the records the next message goes with; none once the user set them aside. */
  get screenChip(): { name: string; selected?: number } | undefined {
    const screen = this.seen.screen;
    if (!screen || screen.key === this.store.ignoredScreen) {
      return undefined;
    }
    return { name: screen.name, ...(screen.selected === undefined ? {} : { selected: screen.selected }) };
  }

  onIgnoreScreen(): void {
    if (this.seen.screen) {
      this.store.ignoredScreen = this.seen.screen.key;
    }
    this.panel.el?.querySelector<HTMLElement>(".o_copilot_input")?.focus();
  }

  get labels(): Record<string, string> {
    return {
      title: _t("Copilot"),
      newConversation: _t("New conversation"),
      fullPage: _t("Open full page"),
      close: _t("Close"),
    };
  }

  get fullPageHref(): string {
    return actionUrl(FULL_PAGE_ACTION);
  }

  onNewConversation(): void {
    this.store.newConversation();
    this.panel.el?.querySelector<HTMLElement>(".o_copilot_input")?.focus();
  }

  onCommand(name: string): void {
    if (name === "new") {
      this.onNewConversation();
    }
  }

  onClearProject(): void {
    this.store.setProjectContext(null);
  }

  /** The same conversation in the full page; the panel closes (the page shows it now). */
  openFullPage(ev: MouseEvent): void {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) {
      return; // a new tab or window, from the link
    }
    ev.preventDefault();
    this.store.close();
    // The page replaces the current screen's breadcrumbs, like an app opened from the menu.
    void this.actionService.doAction(FULL_PAGE_ACTION, { clearBreadcrumbs: true });
  }

  onDraftChange(text: string): void {
    this.store.draft = text;
  }

  onSend(text: string): Promise<boolean> {
    return this.store.send(text);
  }

  onStop(): void {
    void this.store.stop();
    // The Stop button goes away: keep the focus in the composer.
    this.panel.el?.querySelector<HTMLElement>(".o_copilot_input")?.focus();
  }

  close(): void {
    this.store.close();
    // Give the focus back to where the panel was opened from.
    document.querySelector<HTMLElement>(".o_copilot_systray_button")?.focus();
  }

  onKeydown(ev: KeyboardEvent): void {
    if (ev.key === "Escape" && !ev.defaultPrevented) {
      ev.preventDefault();
      ev.stopPropagation();
      this.close();
    }
  }
}

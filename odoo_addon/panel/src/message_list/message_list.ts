import { Component, markup, useEffect, useRef, useState, xml } from "@odoo/owl";

import type { Action } from "../api/types";
import { cardForAction } from "../cards/card_for_action";
import { renderMarkdown } from "../markdown/markdown";
import { _t } from "../odoo/l10n";
import { CopilotStore } from "../store/copilot_store";

type Markup = ReturnType<typeof markup>;

/** Rendered replies kept per text, so a re-render does not parse every message again. */
const MAX_CACHED = 200;

/**
 * The conversation (copilot.MessageList): the user's messages, the replies in markdown with
 * their action cards, the typing indicator, and errors in place with a Retry.
 */
export class MessageList extends Component<{ store: CopilotStore }> {
  static template = xml`
    <div class="o_copilot_messages" t-ref="scroller" role="log" aria-live="polite"
         t-att-aria-label="labels.conversation">
      <div t-if="store.loadState === 'loading'" class="o_copilot_loading text-muted" role="status">
        <i class="fa fa-circle-o-notch fa-spin me-2" aria-hidden="true"/>
        <t t-esc="labels.loading"/>
      </div>
      <div t-elif="store.loadState === 'error'" class="alert alert-warning o_copilot_load_error" role="alert">
        <div t-esc="store.loadError"/>
        <button type="button" class="btn btn-sm btn-secondary mt-2 o_copilot_reload"
                t-on-click="() => store.loadLastSession()">
          <i class="fa fa-refresh me-1" aria-hidden="true"/>
          <t t-esc="labels.retry"/>
        </button>
      </div>
      <div t-if="isEmpty" class="o_copilot_empty">
        <div class="o_copilot_empty_icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="32" height="32" focusable="false">
            <path fill="currentColor" d="M12 2.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1-5.1-1.9 5.1-1.9z"/>
            <path fill="currentColor" d="M19 14l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"/>
            <path fill="currentColor" d="M5.5 15.5l.7 1.6 1.6.7-1.6.7-.7 1.6-.7-1.6-1.6-.7 1.6-.7z"/>
          </svg>
        </div>
        <h3 class="o_copilot_empty_title" t-esc="labels.emptyTitle"/>
        <p class="text-muted" t-esc="labels.emptyText"/>
      </div>
      <t t-foreach="store.messages" t-as="message" t-key="message.id">
        <div t-if="message.role === 'user'" class="o_copilot_message o_copilot_message_user"
             t-att-class="{ 'o_copilot_message_pending': message.pending }">
          <div class="o_copilot_bubble" t-esc="message.content"/>
          <div t-if="message.error" class="o_copilot_send_error" role="alert">
            <i class="fa fa-exclamation-circle me-1" aria-hidden="true"/>
            <span t-esc="message.error"/>
            <button type="button" class="btn btn-link btn-sm o_copilot_retry"
                    t-att-disabled="store.isBusy ? 'disabled' : false"
                    t-on-click="() => store.retry(message.id)">
              <i class="fa fa-repeat me-1" aria-hidden="true"/>
              <t t-esc="labels.retry"/>
            </button>
          </div>
        </div>
        <div t-else="" class="o_copilot_message o_copilot_message_assistant">
          <div class="o_copilot_markdown" t-out="html(message.content)"/>
          <t t-foreach="message.actions or []" t-as="action" t-key="action.id">
            <t t-component="cardFor(action)" action="action"
               request="store.actionRequests[action.id] or ''" error="store.actionErrors[action.id] or ''"
               onConfirm.bind="confirm" onReject.bind="reject"/>
          </t>
        </div>
      </t>
      <div t-if="store.sending" class="o_copilot_typing" role="status">
        <span class="visually-hidden" t-esc="labels.typing"/>
        <span class="o_copilot_typing_dot" aria-hidden="true"/>
        <span class="o_copilot_typing_dot" aria-hidden="true"/>
        <span class="o_copilot_typing_dot" aria-hidden="true"/>
      </div>
    </div>`;
  static props = { store: CopilotStore };

  declare store: CopilotStore;
  declare scroller: { el: HTMLElement | null };
  declare rendered: Map<string, Markup>;

  setup(): void {
    this.store = useState(this.props.store);
    this.scroller = useRef("scroller");
    this.rendered = new Map();
    // Keep the last message in view when one arrives, when the typing indicator shows, and
    // when a card of the last reply changes (confirmed → the link appears below it).
    useEffect(
      () => {
        const el = this.scroller.el;
        if (el) {
          el.scrollTop = el.scrollHeight;
        }
      },
      () => [this.store.messages.length, this.store.sending, this.store.loadState, this.lastActionsKey],
    );
  }

  get labels(): Record<string, string> {
    return {
      conversation: _t("Conversation with Copilot"),
      loading: _t("Loading the conversation…"),
      retry: _t("Retry"),
      typing: _t("Copilot is writing…"),
      emptyTitle: _t("How can I help?"),
      emptyText: _t(
        "Ask about your customers, products and stock, or have a quotation prepared. Nothing is written in Odoo before you confirm it.",
      ),
    };
  }

  get isEmpty(): boolean {
    return this.store.loadState === "ready" && this.store.messages.length === 0 && !this.store.sending;
  }

  get lastActionsKey(): string {
    const last = this.store.messages[this.store.messages.length - 1];
    return (last?.actions ?? []).map((action) => `${action.id}:${action.status}`).join(",");
  }

  html(content: string): Markup {
    let html = this.rendered.get(content);
    if (!html) {
      if (this.rendered.size >= MAX_CACHED) {
        this.rendered.clear();
      }
      html = markup(renderMarkdown(content));
      this.rendered.set(content, html);
    }
    return html;
  }

  cardFor(action: Action) {
    return cardForAction(action);
  }

  confirm(actionId: string): void {
    void this.store.confirmAction(actionId);
  }

  reject(actionId: string): void {
    void this.store.rejectAction(actionId);
  }
}

import { Component, markup, onWillPatch, useEffect, useRef, useState, xml } from "@odoo/owl";

import type { Action, Choice, ChoiceOption } from "../api/types";
import { cardForAction } from "../cards/card_for_action";
import { ChoiceCard } from "../cards/choice_card/choice_card";
import { ReadCard } from "../cards/read_cards/read_card";
import { recordKey, type LiveRecord } from "../cards/live_records";
import { useLiveRecords } from "../cards/use_live_records";
import { CopyButton } from "../copy_button/copy_button";
import { renderMarkdown } from "../markdown/markdown";
import { withoutTables } from "../markdown/strip_tables";
import { currentUser } from "../odoo/compat";
import { _t } from "../odoo/l10n";
import type { ReviseResult } from "../store/actions";
import type { ChatMessage } from "../store/chat_message";
import { CopilotStore } from "../store/copilot_store";

type Markup = ReturnType<typeof markup>;

/** Rendered replies kept per text, so a re-render does not parse every message again. */
const MAX_CACHED = 200;
/** Within this distance of the bottom, the list follows a growing answer. */
const STICK_PX = 48;

/**
 * The conversation (copilot.MessageList): the user's messages, the replies in markdown as they
 * are written with the tool steps running, their action and choice cards, Copy, "Stopped",
 * and errors in place with a Retry.
 */
export class MessageList extends Component<{ store: CopilotStore }> {
  static components = { ChoiceCard, CopyButton, ReadCard };
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
                t-on-click="() => store.reload()">
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
        <div t-else="" class="o_copilot_message o_copilot_message_assistant"
             t-att-class="{ 'o_copilot_message_streaming': message.streaming, 'o_copilot_message_stopped': message.stopped }"
             t-att-aria-busy="message.streaming ? 'true' : 'false'">
          <ul t-if="message.streaming and message.steps and message.steps.length" class="o_copilot_steps">
            <li t-foreach="message.steps" t-as="step" t-key="step_index" class="o_copilot_step"
                t-att-class="'o_copilot_step_' + step.status">
              <i t-if="step.status === 'running'" class="fa fa-circle-o-notch fa-spin" aria-hidden="true"/>
              <i t-elif="step.status === 'failed'" class="fa fa-exclamation-circle text-danger" aria-hidden="true"/>
              <i t-else="" class="fa fa-check text-success" aria-hidden="true"/>
              <span t-esc="step.label or workingLabel"/>
            </li>
          </ul>
          <div t-if="message.content" class="o_copilot_markdown" t-out="html(message)"/>
          <div t-elif="message.streaming and !isToolRunning(message)" class="o_copilot_typing" role="status">
            <span class="visually-hidden" t-esc="labels.typing"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
          </div>
          <t t-foreach="message.cards or []" t-as="card" t-key="card_index">
            <ReadCard card="card"/>
          </t>
          <t t-foreach="message.actions or []" t-as="action" t-key="action.id">
            <t t-component="cardFor(action)" action="action"
               request="store.actionRequests[action.id] or ''" error="store.actionErrors[action.id] or ''"
               undo="store.undoStates[action.id]" onConfirm.bind="confirm" onReject.bind="reject" onUndo.bind="undo"
               onRevise.bind="revise" live="liveFor(action)"/>
          </t>
          <t t-foreach="message.choices or []" t-as="choice" t-key="choice_index">
            <ChoiceCard choice="choice" picked="pickedOption(message_index, choice)"
                        disabled="store.isBusy or message_index !== store.messages.length - 1"
                        onPick.bind="pick"/>
          </t>
          <div t-if="!message.streaming and (message.content or message.stopped)" class="o_copilot_message_footer">
            <span t-if="message.stopped" class="o_copilot_stopped text-muted">
              <i class="fa fa-stop-circle-o me-1" aria-hidden="true"/>
              <t t-esc="labels.stopped"/>
            </span>
            <CopyButton t-if="message.content" text="message.content"/>
            <button t-if="message_index === store.messages.length - 1 and store.canRegenerate" type="button"
                    class="btn btn-link btn-sm o_copilot_regenerate" t-att-title="labels.regenerate"
                    t-att-aria-label="labels.regenerate" t-on-click="regenerate">
              <i class="fa fa-refresh" aria-hidden="true"/>
            </button>
          </div>
        </div>
      </t>
    </div>`;
  static props = { store: CopilotStore };

  declare store: CopilotStore;
  declare scroller: { el: HTMLElement | null };
  declare rendered: Map<string, Markup>;
  declare stick: boolean;
  declare shownCount: number;
  /** The done cards' records as they are now in Odoo (src/cards/use_live_records.ts). */
  declare live: Record<string, LiveRecord>;

  setup(): void {
    this.store = useState(this.props.store);
    this.scroller = useRef("scroller");
    this.rendered = new Map();
    this.stick = true;
    this.shownCount = 0;
    this.live = useLiveRecords(this.props.store, () => currentUser().lang);
    // Follow a growing answer only if the user has not scrolled up to read something else.
    onWillPatch(() => {
      const el = this.scroller.el;
      this.stick = !el || el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    });
    // Show the last message when one arrives (always), and as it grows or its cards change
    // (confirmed → the link appears below it) while the list was at the bottom.
    useEffect(
      (count: number) => {
        const el = this.scroller.el;
        if (el && (this.stick || count !== this.shownCount)) {
          el.scrollTop = el.scrollHeight;
        }
        this.shownCount = count;
      },
      () => [this.store.messages.length, this.store.loadState, this.lastMessageKey],
    );
  }

  get labels(): Record<string, string> {
    return {
      conversation: _t("Conversation with Copilot"),
      loading: _t("Loading the conversation…"),
      retry: _t("Retry"),
      typing: _t("Copilot is writing…"),
      stopped: _t("Stopped"),
      regenerate: _t("Ask again"),
      emptyTitle: _t("How can I help?"),
      emptyText: _t(
        "Ask about your customers, products and stock, or have a quotation prepared. Nothing is written in Odoo before you confirm it.",
      ),
    };
  }

  regenerate(): void {
    void this.store.regenerate();
  }

  get isEmpty(): boolean {
    return this.store.loadState === "ready" && this.store.messages.length === 0 && !this.store.sending;
  }

  /** Changes whenever the last message looks different: its text grows, a step or card comes. */
  get lastMessageKey(): string {
    const last = this.store.messages[this.store.messages.length - 1];
    if (!last) {
      return "";
    }
    const actions = (last.actions ?? []).map((action) => action.id + ":" + action.status).join(",");
    return [last.id, last.content.length, last.steps?.length ?? 0, last.choices?.length ?? 0, last.cards?.length ?? 0, last.streaming, actions].join("|");
  }

  /** A step whose tool the agent did not describe. */
  get workingLabel(): string {
    return _t("Working…");
  }

  isToolRunning(message: ChatMessage): boolean {
    return (message.steps ?? []).some((step) => step.status === "running");
  }

  /** The option of `choice` whose message the user sent right after this reply, or 0. */
  pickedOption(index: number, choice: Choice): number {
    const next = this.store.messages[index + 1];
    if (next?.role !== "user") {
      return 0;
    }
    return choice.options.find((option) => option.message === next.content)?.id ?? 0;
  }

  pick(option: ChoiceOption): void {
    void this.store.pickChoice(option);
  }

  html(message: ChatMessage): Markup {
    // The cards show the tables' rows (with links): only the sentences stay.
    const content = message.cards?.length ? withoutTables(message.content) : message.content;
    if (message.streaming) {
      // Rendered again at each event: not worth a cache entry per partial text.
      return markup(renderMarkdown(content));
    }
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

  revise(actionId: string, quantities: number[]): Promise<ReviseResult> {
    return this.store.reviseAction(actionId, quantities);
  }

  liveFor(action: Action): LiveRecord | undefined {
    return action.record && action.status === "done" ? this.live[recordKey(action.record.model, action.record.id)] : undefined;
  }

  undo(actionId: string): void {
    void this.store.undoAction(actionId);
  }
}

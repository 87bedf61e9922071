import { Component, onMounted, useRef, useState, xml } from "@odoo/owl";

import { _t } from "../odoo/l10n";

export interface ComposerProps {
  /** Text to start from (kept by the store while the panel is closed). */
  draft: string;
  /** A request is running: typing is allowed, sending is not. */
  busy: boolean;
  /** An answer is being written: the send button is a Stop button. */
  canStop: boolean;
  /** What Up in the empty input brings back: the last message sent. */
  lastMessage: string;
  /** Take the focus when mounted. */
  autofocus: boolean;
  onDraftChange: (text: string) => void;
  onSend: (text: string) => Promise<boolean> | boolean;
  onStop: () => void;
}

/** Lines the textarea grows to before it scrolls. */
const MAX_HEIGHT_PX = 200;

/**
 * The message input (copilot.Composer): Enter sends, Shift+Enter starts a new line, Up in the
 * empty input brings the last message back to edit; while an answer is written, Stop.
 */
export class Composer extends Component<ComposerProps> {
  static template = xml`
    <form class="o_copilot_composer" t-on-submit.prevent="submit">
      <div class="o_copilot_composer_box">
        <textarea t-ref="input" class="form-control o_copilot_input" rows="1"
                  t-att-placeholder="labels.placeholder" t-att-aria-label="labels.input"
                  aria-describedby="o_copilot_composer_hint"
                  t-on-input="onInput" t-on-keydown="onKeydown"/>
        <button t-if="props.canStop" type="button" class="btn btn-secondary o_copilot_stop"
                t-att-aria-label="labels.stop" t-att-title="labels.stop" t-on-click="() => props.onStop()">
          <i class="fa fa-stop" aria-hidden="true"/>
        </button>
        <button t-else="" type="submit" class="btn btn-primary o_copilot_send" t-att-disabled="!canSend"
                t-att-aria-label="labels.send" t-att-title="labels.send">
          <i t-if="props.busy" class="fa fa-circle-o-notch fa-spin" aria-hidden="true"/>
          <i t-else="" class="fa fa-paper-plane" aria-hidden="true"/>
        </button>
      </div>
      <div id="o_copilot_composer_hint" class="o_copilot_composer_hint text-muted" t-esc="labels.hint"/>
    </form>`;
  static props = {
    draft: String,
    busy: Boolean,
    canStop: Boolean,
    lastMessage: String,
    autofocus: Boolean,
    onDraftChange: Function,
    onSend: Function,
    onStop: Function,
  };

  declare input: { el: HTMLTextAreaElement | null };
  declare state: { hasText: boolean };

  setup(): void {
    this.input = useRef("input");
    this.state = useState({ hasText: Boolean(this.props.draft.trim()) });
    onMounted(() => {
      const el = this.input.el;
      if (el) {
        el.value = this.props.draft;
        this.resize();
        if (this.props.autofocus) {
          el.focus();
        }
      }
    });
  }

  get labels(): Record<string, string> {
    return {
      placeholder: _t("Ask Copilot…"),
      input: _t("Message to Copilot"),
      send: _t("Send"),
      stop: _t("Stop"),
      hint: _t("Enter to send, Shift+Enter for a new line"),
    };
  }

  get canSend(): boolean {
    return this.state.hasText && !this.props.busy;
  }

  resize(): void {
    const el = this.input.el;
    if (!el) {
      return;
    }
    el.style.height = "auto";
    const height = Math.min(el.scrollHeight, MAX_HEIGHT_PX);
    el.style.height = `${height}px`;
    el.style.overflowY = el.scrollHeight > MAX_HEIGHT_PX ? "auto" : "hidden";
  }

  onInput(): void {
    const text = this.input.el?.value ?? "";
    this.state.hasText = Boolean(text.trim());
    this.props.onDraftChange(text);
    this.resize();
  }

  onKeydown(ev: KeyboardEvent): void {
    // isComposing: Enter that validates an IME composition (Japanese, Chinese…) is not a send.
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      void this.submit();
    } else if (ev.key === "ArrowUp" && !ev.shiftKey && !ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.isComposing) {
      this.recallLastMessage(ev);
    }
  }

  /** Up in the empty input: the last message sent, to edit and send again. */
  recallLastMessage(ev: KeyboardEvent): void {
    const el = this.input.el;
    if (!el || el.value !== "" || !this.props.lastMessage) {
      return;
    }
    ev.preventDefault();
    el.value = this.props.lastMessage;
    this.onInput();
    el.setSelectionRange(el.value.length, el.value.length);
  }

  async submit(): Promise<void> {
    const el = this.input.el;
    if (!el || !this.canSend) {
      return;
    }
    const text = el.value;
    el.value = "";
    this.state.hasText = false;
    this.props.onDraftChange("");
    this.resize();
    el.focus();
    await this.props.onSend(text);
  }
}

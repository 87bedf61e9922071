import { Component, onMounted, useRef, useState, xml } from "@odoo/owl";

import type { Memory } from "../api/types";
import { useConfirm, type Confirm } from "../odoo/confirm";
import { datedFilename, downloadBlob } from "../odoo/download";
import { _t } from "../odoo/l10n";
import { CopilotStore } from "../store/copilot_store";

export interface PrivacyProps {
  store: CopilotStore;
  lang: string;
  /** Back to the conversation. */
  onClose: () => void;
}

/**
 * "Memories and privacy" in the full page (copilot.Privacy): what Copilot remembers about the
 * user (each fact can be deleted), the export of the whole history as a JSON file, and the
 * deletion of all of it after a confirmation.
 */
export class Privacy extends Component<PrivacyProps> {
  static template = xml`
    <section class="o_copilot_privacy" aria-labelledby="o_copilot_privacy_title" t-on-keydown="onKeydown">
      <div class="o_copilot_privacy_content">
        <header class="o_copilot_privacy_header">
          <h2 id="o_copilot_privacy_title" class="o_copilot_privacy_title" tabindex="-1" t-ref="title" t-esc="labels.title"/>
          <button type="button" class="btn btn-secondary btn-sm o_copilot_privacy_close" t-on-click="() => props.onClose()">
            <i class="fa fa-arrow-left me-1" aria-hidden="true"/>
            <t t-esc="labels.back"/>
          </button>
        </header>

        <h3 class="o_copilot_privacy_subtitle" t-esc="labels.memories"/>
        <p class="text-muted" t-esc="labels.memoriesHelp"/>
        <div t-if="store.memoriesError" class="alert alert-warning o_copilot_memories_error" role="alert">
          <span t-esc="store.memoriesError"/>
          <button t-if="store.memoriesState === 'error'" type="button" class="btn btn-link btn-sm p-0 ms-1 align-baseline"
                  t-on-click="() => store.loadMemories()" t-esc="labels.retry"/>
        </div>
        <div t-if="store.memoriesState === 'loading'" class="text-muted" role="status">
          <i class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
          <t t-esc="labels.loading"/>
        </div>
        <p t-elif="store.memoriesState === 'ready' and !store.memories.length" class="o_copilot_memories_empty text-muted" t-esc="labels.empty"/>
        <ul t-if="store.memories.length" class="list-group o_copilot_memories">
          <li t-foreach="store.memories" t-as="memory" t-key="memory.id" class="list-group-item o_copilot_memory">
            <div class="o_copilot_memory_text">
              <div t-esc="memory.text"/>
              <small t-if="memory.created_at" class="text-muted" t-esc="date(memory)"/>
            </div>
            <button type="button" class="btn btn-link btn-sm o_copilot_memory_delete"
                    t-att-aria-label="labels.forget + ': ' + memory.text" t-att-title="labels.forget"
                    t-att-disabled="store.memoryRequests[memory.id] ? 'disabled' : false"
                    t-on-click="() => this.deleteMemory(memory)">
              <i class="fa" t-att-class="store.memoryRequests[memory.id] ? 'fa-circle-o-notch fa-spin' : 'fa-trash-o'" aria-hidden="true"/>
            </button>
          </li>
        </ul>

        <h3 class="o_copilot_privacy_subtitle" t-esc="labels.history"/>
        <p class="text-muted" t-esc="labels.historyHelp"/>
        <div t-if="store.historyError" class="alert alert-warning o_copilot_history_error" role="alert" t-esc="store.historyError"/>
        <div t-if="store.historyNotice" class="alert alert-success o_copilot_history_notice" role="status" t-esc="store.historyNotice"/>
        <div class="o_copilot_privacy_buttons">
          <button type="button" class="btn btn-secondary o_copilot_history_export"
                  t-att-disabled="store.historyRequest ? 'disabled' : false" t-on-click="exportHistory">
            <i class="fa me-1" t-att-class="store.historyRequest === 'export' ? 'fa-circle-o-notch fa-spin' : 'fa-download'" aria-hidden="true"/>
            <t t-esc="labels.exportHistory"/>
          </button>
          <button type="button" class="btn btn-outline-danger o_copilot_history_delete"
                  t-att-disabled="store.historyRequest ? 'disabled' : false" t-on-click="deleteHistory">
            <i class="fa me-1" t-att-class="store.historyRequest === 'delete' ? 'fa-circle-o-notch fa-spin' : 'fa-trash-o'" aria-hidden="true"/>
            <t t-esc="labels.delete"/>
          </button>
        </div>
      </div>
    </section>`;
  static props = { store: CopilotStore, lang: String, onClose: Function };

  declare store: CopilotStore;
  declare confirm: Confirm;
  declare title: { el: HTMLElement | null };

  setup(): void {
    this.store = useState(this.props.store);
    this.confirm = useConfirm();
    this.title = useRef("title");
    onMounted(() => {
      this.title.el?.focus();
      void this.store.loadMemories();
    });
  }

  get labels(): Record<string, string> {
    return {
      title: _t("Memories and privacy"),
      back: _t("Back to the conversation"),
      memories: _t("What Copilot remembers"),
      memoriesHelp: _t("Facts you asked Copilot to remember. They are used in every conversation."),
      loading: _t("Loading…"),
      empty: _t("Copilot remembers nothing about you."),
      retry: _t("Retry"),
      forget: _t("Forget"),
      history: _t("Your history"),
      historyHelp: _t("Your conversations with Copilot, with their cards, and what it remembers about you."),
      exportHistory: _t("Export my history"),
      delete: _t("Delete all my history"),
    };
  }

  date(memory: Memory): string {
    const time = Date.parse(memory.created_at);
    if (Number.isNaN(time)) {
      return "";
    }
    try {
      return new Intl.DateTimeFormat(this.props.lang, { dateStyle: "medium" }).format(new Date(time));
    } catch {
      return memory.created_at.slice(0, 10);
    }
  }

  onKeydown(ev: KeyboardEvent): void {
    if (ev.key === "Escape" && !ev.defaultPrevented) {
      ev.preventDefault();
      this.props.onClose();
    }
  }

  /** Deletes a memory; the focus goes to the next one's button (or the title), not to the page. */
  async deleteMemory(memory: Memory): Promise<void> {
    const index = this.store.memories.findIndex((candidate) => candidate.id === memory.id);
    if (await this.store.deleteMemory(memory.id)) {
      // OWL patches the list on the next animation frame.
      for (let frame = 0; frame < 2; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const buttons = document.querySelectorAll<HTMLElement>(".o_copilot_privacy .o_copilot_memory_delete");
      (buttons[Math.min(index, buttons.length - 1)] ?? this.title.el)?.focus();
    }
  }

  async exportHistory(): Promise<void> {
    const data = await this.store.exportHistory();
    if (data !== undefined) {
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      downloadBlob(blob, datedFilename("copilot-history", "json"));
    }
  }

  async deleteHistory(): Promise<void> {
    const confirmed = await this.confirm({
      title: _t("Delete all your history?"),
      body: _t("Every conversation, with its cards, and everything Copilot remembers about you will be deleted. What was written in Odoo stays. This cannot be undone."),
      confirmLabel: _t("Delete everything"),
      cancelLabel: _t("Cancel"),
    });
    if (confirmed) {
      await this.store.deleteHistory();
    }
  }
}

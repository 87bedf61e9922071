import { Component, useEffect, useState, xml } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";

import { OPEN_SHORTCUT, shortcutLabel } from "../odoo/compat";
import { _t } from "../odoo/l10n";
import { CopilotStore } from "../store/copilot_store";

interface HotkeyService {
  add(hotkey: string, callback: () => void, options?: { global?: boolean; bypassEditableProtection?: boolean }): () => void;
}

function focusInput(root: Element | null): boolean {
  const input = root?.querySelector<HTMLElement>(".o_copilot_input");
  input?.focus();
  return Boolean(input);
}

/**
 * The systray button (copilot.Systray) that opens and closes the panel, and the keyboard
 * shortcut that does the same from anywhere in the web client (Odoo's hotkey service, so it
 * is Control+Shift+O on a Mac, like Odoo's own Alt shortcuts).
 */
export class CopilotSystray extends Component<{ store: CopilotStore }> {
  static template = xml`
    <div class="o_copilot_systray">
      <button type="button" class="o_nav_entry o_copilot_systray_button"
              t-att-class="{ 'o_copilot_systray_button_active': store.isOpen or store.fullPage }"
              t-att-aria-label="label" t-att-title="title" t-att-aria-keyshortcuts="shortcut"
              t-att-aria-expanded="store.isOpen ? 'true' : 'false'"
              aria-controls="o_copilot_panel"
              t-on-click="onClick">
        <svg class="o_copilot_icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 2.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1-5.1-1.9 5.1-1.9z"/>
          <path fill="currentColor" d="M19 14l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"/>
          <path fill="currentColor" d="M5.5 15.5l.7 1.6 1.6.7-1.6.7-.7 1.6-.7-1.6-1.6-.7 1.6-.7z"/>
        </svg>
      </button>
    </div>`;
  static props = { store: CopilotStore };

  declare store: CopilotStore;

  setup(): void {
    this.store = useState(this.props.store);
    const hotkey = useService("hotkey") as HotkeyService | undefined;
    useEffect(
      () => hotkey?.add(OPEN_SHORTCUT, () => this.onShortcut(), { global: true, bypassEditableProtection: true }),
      () => [],
    );
  }

  get label(): string {
    return this.store.isOpen ? _t("Close Copilot") : _t("Open Copilot");
  }

  get shortcut(): string {
    return shortcutLabel();
  }

  get title(): string {
    return `${this.label} (${this.shortcut})`;
  }

  /** In the full page, the conversation is already on screen: go to its input. */
  onClick(): void {
    if (this.store.fullPage && focusInput(document.querySelector(".o_copilot_app"))) {
      return;
    }
    this.store.toggle();
  }

  /** Opens the panel (its input takes the focus); open, goes to its input; there already, closes it. */
  onShortcut(): void {
    if (this.store.fullPage && focusInput(document.querySelector(".o_copilot_app"))) {
      return;
    }
    if (!this.store.isOpen) {
      this.store.open();
      return;
    }
    const panel = document.getElementById("o_copilot_panel");
    if (panel && !panel.contains(document.activeElement) && focusInput(panel)) {
      return;
    }
    this.store.close();
    document.querySelector<HTMLElement>(".o_copilot_systray_button")?.focus();
  }
}

import { Component, reactive, useEffect, useState, xml } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";

import { OPEN_SHORTCUT, shortcutLabel } from "../odoo/compat";
import { _t } from "../odoo/l10n";
import type { LoadedPanel } from "../odoo/lazy";

interface HotkeyService {
  add(hotkey: string, callback: () => void, options?: { global?: boolean; bypassEditableProtection?: boolean }): () => void;
}

/**
 * The systray button (copilot.Systray) and the keyboard shortcut that open and close the panel
 * from anywhere in the web client (Odoo's hotkey service: Control+Shift+O on a Mac, like Odoo's
 * own Alt shortcuts). On every page; the panel itself is loaded the first time it is asked for.
 */
export class CopilotSystray extends Component<{ load: () => Promise<LoadedPanel> }> {
  static template = xml`
    <div class="o_copilot_systray">
      <button type="button" class="o_nav_entry o_copilot_systray_button"
              t-att-class="{ 'o_copilot_systray_button_active': state.active }"
              t-att-aria-label="label" t-att-title="title" t-att-aria-keyshortcuts="shortcut"
              t-att-aria-expanded="state.open ? 'true' : 'false'" t-att-aria-busy="state.loading ? 'true' : 'false'"
              aria-controls="o_copilot_panel"
              t-on-click="onClick">
        <svg class="o_copilot_icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 2.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1-5.1-1.9 5.1-1.9z"/>
          <path fill="currentColor" d="M19 14l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"/>
          <path fill="currentColor" d="M5.5 15.5l.7 1.6 1.6.7-1.6.7-.7 1.6-.7-1.6-1.6-.7 1.6-.7z"/>
        </svg>
      </button>
    </div>`;
  static props = { load: Function };

  declare state: { open: boolean; active: boolean; loading: boolean };
  declare following: boolean;

  setup(): void {
    this.state = useState({ open: false, active: false, loading: false });
    this.following = false;
    const hotkey = useService("hotkey") as HotkeyService | undefined;
    useEffect(
      () => hotkey?.add(OPEN_SHORTCUT, () => void this.use((panel) => panel.shortcut()), { global: true, bypassEditableProtection: true }),
      () => [],
    );
  }

  get label(): string {
    return this.state.open ? _t("Close Copilot") : _t("Open Copilot");
  }

  get shortcut(): string {
    return shortcutLabel();
  }

  get title(): string {
    return `${this.label} (${this.shortcut})`;
  }

  onClick(): Promise<void> {
    return this.use((panel) => panel.click());
  }

  /** Loads the panel the first time, then does `act` with it; the button follows its state. */
  async use(act: (panel: LoadedPanel) => void): Promise<void> {
    this.state.loading = true;
    try {
      const panel = await this.props.load();
      this.follow(panel);
      act(panel);
    } finally {
      this.state.loading = false;
    }
  }

  /** Mirrors the panel's open state (the store is an owl reactive: re-read on each change). */
  follow(panel: LoadedPanel): void {
    if (this.following) {
      return;
    }
    this.following = true;
    const sync = () => {
      this.state.open = observed.isOpen;
      this.state.active = observed.isOpen || observed.fullPage;
    };
    const observed = reactive(panel.store, sync);
    sync();
  }
}

import { Component, useState, xml } from "@odoo/owl";

import { _t } from "../odoo/l10n";
import { CopilotStore } from "../store/copilot_store";

/** The systray button (copilot.Systray) that opens and closes the panel. */
export class CopilotSystray extends Component<{ store: CopilotStore }> {
  static template = xml`
    <div class="o_copilot_systray">
      <button type="button" class="o_nav_entry o_copilot_systray_button"
              t-att-class="{ 'o_copilot_systray_button_active': store.isOpen }"
              t-att-aria-label="label" t-att-title="label"
              t-att-aria-expanded="store.isOpen ? 'true' : 'false'"
              aria-controls="o_copilot_panel"
              t-on-click="() => store.toggle()">
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
  }

  get label(): string {
    return this.store.isOpen ? _t("Close Copilot") : _t("Open Copilot");
  }
}

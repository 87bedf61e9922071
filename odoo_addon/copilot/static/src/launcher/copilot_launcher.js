/** @odoo-module **/

// src/launcher/launcher.ts
import { Component as Component2, onWillStart, xml as xml2 } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { registry as registry3 } from "@web/core/registry";

// src/odoo/compat.ts
import { useEnv } from "@odoo/owl";

// ../../agent-service/src/number-format.ts
var DEFAULT_NUMBER_FORMAT = Object.freeze({
  decimalPoint: ".",
  thousandsSep: ",",
  grouping: [3, 0]
});

// src/odoo/compat.ts
var FULL_PAGE_ACTION = "copilot.app";
var OPEN_SHORTCUT = "alt+shift+o";
function isMac() {
  try {
    return /Mac|iPod|iPhone|iPad/.test(navigator.platform);
  } catch {
    return false;
  }
}
function shortcutLabel() {
  return isMac() ? "Control+Shift+O" : "Alt+Shift+O";
}

// src/odoo/lazy.ts
import { registry } from "@web/core/registry";
var PANEL_BUNDLE = "copilot.assets_panel";
function category() {
  return registry.category("copilot");
}
function loadedPanel() {
  return category().get("panel", void 0);
}
function provideBus(bus) {
  category().add("bus", bus, { force: true });
}

// src/odoo/screen.ts
import { onMounted, onWillUnmount } from "@odoo/owl";
import { registry as registry2 } from "@web/core/registry";
function shown() {
  return registry2.category("copilot").get("screen", void 0);
}
function loaded(name) {
  try {
    return odoo.loader?.modules.get(name);
  } catch {
    return void 0;
  }
}
function trackScreen(action) {
  if (shown()) {
    return;
  }
  const state = { list: [], form: [], action };
  registry2.category("copilot").add("screen", state, { force: true });
  const patch = loaded("@web/core/utils/patch")?.patch;
  const targets = [
    ["list", loaded("@web/views/list/list_controller")?.ListController],
    ["form", loaded("@web/views/form/form_controller")?.FormController]
  ];
  for (const [kind, Controller] of targets) {
    const prototype = Controller?.prototype;
    if (!patch || !prototype) {
      continue;
    }
    patch(prototype, {
      setup(...args) {
        super.setup(...args);
        onMounted(() => state[kind].push(this));
        onWillUnmount(() => {
          const at = state[kind].lastIndexOf(this);
          if (at !== -1) {
            state[kind].splice(at, 1);
          }
        });
      }
    });
  }
}

// src/launcher/systray_button.ts
import { Component, reactive, useEffect, useState, xml } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";

// src/odoo/l10n.ts
import { _t } from "@web/core/l10n/translation";

// src/launcher/systray_button.ts
var CopilotSystray = class extends Component {
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
  setup() {
    this.state = useState({ open: false, active: false, loading: false });
    this.following = false;
    const hotkey = useService("hotkey");
    useEffect(
      () => hotkey?.add(OPEN_SHORTCUT, () => void this.use((panel) => panel.shortcut()), { global: true, bypassEditableProtection: true }),
      () => []
    );
  }
  get label() {
    return this.state.open ? _t("Close Copilot") : _t("Open Copilot");
  }
  get shortcut() {
    return shortcutLabel();
  }
  get title() {
    return `${this.label} (${this.shortcut})`;
  }
  onClick() {
    return this.use((panel) => panel.click());
  }
  /** Loads the panel the first time, then does `act` with it; the button follows its state. */
  async use(act) {
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
  follow(panel) {
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
};

// src/launcher/launcher.ts
var OPEN_KEY = "copilot.panel.open";
var loading;
function loadPanel() {
  loading ??= Promise.resolve(loadBundle(PANEL_BUNDLE)).then(() => {
    const panel = loadedPanel();
    if (!panel) {
      throw new Error(`${PANEL_BUNDLE} did not register the copilot panel`);
    }
    return panel;
  }).catch((error) => {
    loading = void 0;
    throw error;
  });
  return loading;
}
function wasOpen() {
  try {
    return window.sessionStorage.getItem(OPEN_KEY) === "1";
  } catch {
    return false;
  }
}
registry3.category("services").add("copilot_launcher", {
  dependencies: ["bus_service", "action"],
  start(_env, services) {
    provideBus(services.bus_service);
    trackScreen(services.action);
    if (wasOpen()) {
      void loadPanel().catch(() => {
      });
    }
  }
});
registry3.category("systray").add("copilot.systray", { Component: CopilotSystray, props: { load: loadPanel } }, { sequence: 30 });
var CopilotAppLoader = class extends Component2 {
  static template = xml2`<t t-component="page" t-props="props"/>`;
  static props = ["*"];
  setup() {
    onWillStart(async () => {
      this.page = (await loadPanel()).FullPage;
    });
  }
};
registry3.category("actions").add(FULL_PAGE_ACTION, CopilotAppLoader);

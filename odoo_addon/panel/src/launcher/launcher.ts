/**
 * Entry point of the bundle every backend page loads (built into
 * copilot/static/src/launcher/copilot_launcher.js, in web.assets_backend): the systray button,
 * the shortcut, and the full page's client action — a few kilobytes. The panel (src/main.ts,
 * bundle `copilot.assets_panel`) is loaded the first time the user opens it, or at once when the
 * page is reloaded with the panel open.
 */
import { Component, onWillStart, xml } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { registry } from "@web/core/registry";

import { FULL_PAGE_ACTION, type BusServiceLike } from "../odoo/compat";
import { loadedPanel, PANEL_BUNDLE, provideBus, type LoadedPanel } from "../odoo/lazy";
import { trackScreen } from "../odoo/screen";
import { CopilotSystray } from "./systray_button";

/** The sessionStorage key where the panel remembers it is open (src/main.ts, sessionOpenState). */
const OPEN_KEY = "copilot.panel.open";

let loading: Promise<LoadedPanel> | undefined;

/** The panel's bundle, loaded once; a failed load may be tried again. */
function loadPanel(): Promise<LoadedPanel> {
  loading ??= Promise.resolve(loadBundle(PANEL_BUNDLE))
    .then(() => {
      const panel = loadedPanel();
      if (!panel) {
        throw new Error(`${PANEL_BUNDLE} did not register the copilot panel`);
      }
      return panel;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

function wasOpen(): boolean {
  try {
    return window.sessionStorage.getItem(OPEN_KEY) === "1";
  } catch {
    return false;
  }
}

// The bus, for the panel's turns (src/main.ts reads it when it loads), and the panel at once when
// the page was reloaded with it open.
registry.category("services").add("copilot_launcher", {
  dependencies: ["bus_service", "action"],
  start(_env: unknown, services: { bus_service?: BusServiceLike; action?: object }) {
    provideBus(services.bus_service);
    // the records on screen, for "this customer" (every view module is loaded by now)
    trackScreen(services.action);
    if (wasOpen()) {
      void loadPanel().catch(() => {});
    }
  },
});

// Systray items are shown right to left by ascending sequence: 30 sits left of Discuss (25).
registry.category("systray").add("copilot.systray", { Component: CopilotSystray, props: { load: loadPanel } }, { sequence: 30 });

/** The full page (menu Copilot, ir.actions.client with this tag): loads the panel, then shows it. */
class CopilotAppLoader extends Component {
  static template = xml`<t t-component="page" t-props="props"/>`;
  static props = ["*"];

  declare page: typeof Component;

  setup(): void {
    onWillStart(async () => {
      this.page = (await loadPanel()).FullPage;
    });
  }
}
registry.category("actions").add(FULL_PAGE_ACTION, CopilotAppLoader);

/**
 * The panel is loaded on first use (Odoo's `loadBundle`), not on every page of every user: the
 * web client loads only src/launcher/launcher.ts (the systray button, the shortcut, the client
 * action's loader). The two bundles meet in this registry category.
 */
import type { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";

import type { BusServiceLike } from "./compat";

/** The asset bundle of the panel (the addon's manifest): src/main.ts and its stylesheets. */
export const PANEL_BUNDLE = "copilot.assets_panel";

/** What the panel bundle gives the launcher once loaded. */
export interface LoadedPanel {
  /** The store (owl reactive): the systray button follows its open state. */
  store: { isOpen: boolean; fullPage: boolean };
  /** The client action's component (the full page). */
  FullPage: typeof Component;
  /** The systray button was clicked. */
  click(): void;
  /** The shortcut was pressed. */
  shortcut(): void;
}

function category() {
  return registry.category("copilot");
}

export function providePanel(panel: LoadedPanel): void {
  category().add("panel", panel, { force: true });
}

export function loadedPanel(): LoadedPanel | undefined {
  return category().get("panel", undefined) as LoadedPanel | undefined;
}

/** The bus service, as the launcher's service got it when the web client started. */
export function provideBus(bus: BusServiceLike | undefined): void {
  category().add("bus", bus, { force: true });
}

export function providedBus(): BusServiceLike | undefined {
  return category().get("bus", undefined) as BusServiceLike | undefined;
}

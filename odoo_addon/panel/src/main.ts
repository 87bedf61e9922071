/**
 * Entry point of the copilot panel bundle (built into copilot/static/src/panel/copilot_panel.js,
 * the asset bundle `copilot.assets_panel`, loaded on first use by src/launcher/launcher.ts): one
 * store, shared by the systray button, the side panel — always mounted as a main component so it
 * stays open while the user moves between Odoo screens — and the full-page client action.
 */

import { reactive } from "@odoo/owl";
import { registry } from "@web/core/registry";

import { createCopilotApi } from "./api/copilot_api";
import { ChatPanel } from "./chat_panel/chat_panel";
import { fullPageAction } from "./full_page/full_page";
import { subscribeBus } from "./odoo/compat";
import { providedBus, providePanel } from "./odoo/lazy";
import { describeScreen } from "./odoo/screen";
import { createRpc } from "./odoo/rpc";
import { CopilotStore } from "./store/copilot_store";
import { sessionOpenState } from "./store/open_state";
import { systrayClick, systrayShortcut } from "./systray/systray_actions";

const rpc = createRpc();
// What the panel saw of the websocket, told to Odoo when it changes (Settings › Copilot shows it)
let reported: boolean | undefined;
const api = createCopilotApi(rpc, {
  // Odoo's bus (the launcher's service got it): a turn's events arrive there, or by polling
  listen: (type, onPayload) => subscribeBus(providedBus(), type, onPayload),
  onDelivery: (overBus) => {
    if (reported === overBus) return;
    reported = overBus;
    void rpc("/copilot/realtime", { ok: overBus }).catch(() => {});
  },
});
const store = reactive(new CopilotStore(api, sessionOpenState(() => window.sessionStorage, "copilot.panel.open"), { screen: () => describeScreen() }));
store.restore();

registry.category("main_components").add("copilot.panel", { Component: ChatPanel, props: { store } });
// For the launcher: the systray button's and the shortcut's actions, and the full page (same store)
providePanel({ store, FullPage: fullPageAction(store), click: () => systrayClick(store), shortcut: () => systrayShortcut(store) });

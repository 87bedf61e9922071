/**
 * Entry point of the copilot panel bundle (built into copilot/static/src/panel/copilot_panel.js):
 * one store, shared by the systray button, the side panel — always mounted as a main component
 * so it stays open while the user moves between Odoo screens — and the full-page client action.
 */

import { reactive } from "@odoo/owl";
import { registry } from "@web/core/registry";

import { createCopilotApi } from "./api/copilot_api";
import { ChatPanel } from "./chat_panel/chat_panel";
import { fullPageAction } from "./full_page/full_page";
import { FULL_PAGE_ACTION, subscribeBus, type BusServiceLike } from "./odoo/compat";
import { createRpc } from "./odoo/rpc";
import { CopilotStore, sessionOpenState } from "./store/copilot_store";
import { CopilotSystray } from "./systray/systray";

// Odoo's bus, once its service started: a turn's events arrive there (and by polling without it).
const bus: { service?: BusServiceLike } = {};
registry.category("services").add("copilot_bus", {
  dependencies: ["bus_service"],
  start(_env: unknown, services: { bus_service?: BusServiceLike }) {
    bus.service = services.bus_service;
  },
});

const rpc = createRpc();
// What the panel saw of the websocket, told to Odoo when it changes (Settings › Copilot shows it)
let reported: boolean | undefined;
const api = createCopilotApi(rpc, {
  listen: (type, onPayload) => subscribeBus(bus.service, type, onPayload),
  onDelivery: (overBus) => {
    if (reported === overBus) return;
    reported = overBus;
    void rpc("/copilot/realtime", { ok: overBus }).catch(() => {});
  },
});
const store = reactive(new CopilotStore(api, sessionOpenState(() => window.sessionStorage, "copilot.panel.open")));
store.restore();

// Systray items are shown right to left by ascending sequence: 30 sits left of Discuss (25).
registry.category("systray").add("copilot.systray", { Component: CopilotSystray, props: { store } }, { sequence: 30 });
registry.category("main_components").add("copilot.panel", { Component: ChatPanel, props: { store } });
// The full page (menu Copilot, ir.actions.client with this tag): the same store.
registry.category("actions").add(FULL_PAGE_ACTION, fullPageAction(store));

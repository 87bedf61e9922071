/** @odoo-module **/

// src/main.ts
import { reactive } from "@odoo/owl";
import { registry as registry3 } from "@web/core/registry";

// src/odoo/rpc.ts
var RpcError = class extends Error {
  kind;
  status;
  code;
  data;
  constructor(kind, message, details = {}) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.name = "RpcError";
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.data = details.data;
  }
  /**
   * The route does not exist on this server (an addon older than the panel): Odoo answers an
   * unknown URL with its HTML 404 page, or a JSON-RPC error naming werkzeug's NotFound.
   */
  get isMissingRoute() {
    if (this.kind === "http") {
      return this.status === 404;
    }
    return this.kind === "server" && (this.code === 404 || /NotFound/.test(this.data?.name ?? ""));
  }
  /** Odoo's answer when the session cookie is no longer valid. */
  get isSessionExpired() {
    return this.data?.name === "odoo.http.SessionExpiredException";
  }
};
function createRpc(options = {}) {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let nextId = 1;
  return async function rpc2(route, params = {}) {
    const body = JSON.stringify({ jsonrpc: "2.0", method: "call", id: nextId++, params });
    let response;
    try {
      response = await doFetch(baseUrl + route, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body
      });
    } catch (error) {
      throw new RpcError("network", `${route}: no answer from the server`, { cause: error });
    }
    let payload;
    if ((response.headers.get("content-type") ?? "").includes("json")) {
      payload = await response.json().catch(() => void 0);
    }
    if (!payload || typeof payload !== "object" || !("result" in payload || "error" in payload)) {
      throw new RpcError("http", `${route}: HTTP ${response.status}`, { status: response.status });
    }
    if (payload.error) {
      const { code, message, data } = payload.error;
      const text = typeof data?.message === "string" && data.message || message || "Odoo Server Error";
      throw new RpcError("server", text, {
        status: response.status,
        ...code === void 0 ? {} : { code },
        ...data === void 0 ? {} : { data }
      });
    }
    return payload.result;
  };
}

// src/api/turn_stream.ts
var TURN_BUS_TYPE = "copilot/turn";
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function toTurnEvent(event) {
  switch (event.type) {
    case "start":
      return typeof event.session_id === "string" ? { type: "start", session_id: event.session_id, turn_id: String(event.turn_id ?? "") } : void 0;
    case "text":
      return typeof event.text === "string" ? { type: "text", text: event.text } : void 0;
    case "tool":
      return typeof event.tool === "string" ? { type: "tool", tool: event.tool, status: String(event.status ?? "started"), ...typeof event.label === "string" ? { label: event.label } : {} } : void 0;
    case "action":
      return isObject(event.action) && typeof event.action.id === "string" ? { type: "action", action: event.action } : void 0;
    case "card":
      return isObject(event.card) && typeof event.card.tool === "string" ? { type: "card", card: { tool: event.card.tool, data: event.card.data } } : void 0;
    case "done":
      return isObject(event.result) ? { type: "done", result: event.result } : void 0;
    case "error":
      return { type: "error", code: String(event.code ?? "internal"), message: String(event.message ?? "") };
    default:
      return void 0;
  }
}
function createTurnStream(options) {
  const silenceMs = options.silenceMs ?? 1500;
  const firstLookMs = options.firstLookMs ?? 700;
  const start = (params) => options.rpc("/copilot/chat", {
    message: params.message,
    ...params.session_id ? { session_id: params.session_id } : {},
    ...params.client_message_id ? { client_message_id: params.client_message_id } : {},
    ...params.context && Object.keys(params.context).length ? { context: params.context } : {}
  });
  const follow = (turnId, after, onEvent, signal, firstLook) => new Promise((resolve, reject) => {
    let last = after;
    let ended = false;
    let asking = false;
    let askAgain = false;
    let timer;
    let failures = 0;
    let heard = 0;
    let polled = 0;
    const waiting = /* @__PURE__ */ new Map();
    const end = (error) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      stopListening();
      signal?.removeEventListener("abort", onAbort);
      if (error === void 0 && (heard || polled)) options.onDelivery?.(heard > 0);
      if (error === void 0) resolve();
      else reject(error);
    };
    const onAbort = () => end(signal?.reason ?? new DOMException("Aborted", "AbortError"));
    const arm = (ms) => {
      clearTimeout(timer);
      if (!ended) timer = setTimeout(() => void ask(), ms);
    };
    const take = (events) => {
      for (const event of events) {
        if (isObject(event) && typeof event.seq === "number" && event.seq > last) waiting.set(event.seq, event);
      }
      while (!ended && waiting.has(last + 1)) {
        const event = waiting.get(last + 1);
        waiting.delete(last + 1);
        last += 1;
        const decoded = toTurnEvent(event);
        if (decoded) onEvent(decoded);
        if (event.type === "done" || event.type === "error") end();
      }
    };
    const ask = async () => {
      if (ended) return;
      if (asking) {
        askAgain = true;
        return;
      }
      asking = true;
      try {
        const view = await options.rpc("/copilot/turn", { turn_id: turnId, after: last });
        failures = 0;
        const events = Array.isArray(view.events) ? view.events : [];
        if (events.some((event) => isObject(event) && typeof event.seq === "number" && event.seq > last)) polled += 1;
        take(events);
        if (!ended && view.status !== "running") {
          if (view.events?.length) askAgain = true;
          else if (view.result) {
            onEvent({ type: "done", result: view.result });
            end();
          } else end();
        }
      } catch (error) {
        failures += 1;
        const kind = error.kind;
        if (kind !== "network" && kind !== "http") return end(error);
        if (failures > 20) return end(error);
      } finally {
        asking = false;
      }
      if (ended) return;
      if (askAgain || waiting.size) {
        askAgain = false;
        void ask();
      } else arm(failures ? Math.min(1e4, silenceMs * 2 ** failures) : quiet());
    };
    const quiet = () => heard ? silenceMs * 4 : silenceMs;
    const stopListening = options.listen(TURN_BUS_TYPE, (payload) => {
      if (!isObject(payload) || payload.turn_id !== turnId || ended) return;
      heard += 1;
      const events = Array.isArray(payload.events) ? payload.events : [];
      take(events);
      if (ended) return;
      const lastSeq = typeof payload.last_seq === "number" ? payload.last_seq : last;
      if (waiting.size || lastSeq > last) void ask();
      else arm(quiet());
    });
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort);
    arm(firstLook);
  });
  const followTurn = (turnId, after, onEvent, signal) => follow(turnId, after, onEvent, signal, 0);
  const chatStream = async (params, onEvent, signal) => {
    const started = await start(params);
    if (signal?.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
    onEvent({ type: "start", session_id: started.session_id, turn_id: started.turn_id });
    if (started.status !== "running" && started.result) {
      onEvent({ type: "done", result: started.result });
      return;
    }
    await follow(started.turn_id, 0, onEvent, signal, firstLookMs);
  };
  return { chatStream, followTurn, start };
}

// src/api/copilot_api.ts
var PDF_ROUTE = "/copilot/export/pdf";
function createCopilotApi(rpc2, options = {}) {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const turns = createTurnStream({
    rpc: rpc2,
    listen: options.listen ?? (() => () => {
    }),
    ...options.silenceMs ? { silenceMs: options.silenceMs } : {},
    ...options.onDelivery ? { onDelivery: options.onDelivery } : {}
  });
  return {
    startTurn: turns.start,
    chatStream: turns.chatStream,
    followTurn: turns.followTurn,
    stop: (sessionId) => rpc2("/copilot/chat/stop", { session_id: sessionId }),
    confirmAction: (actionId) => rpc2("/copilot/action/confirm", { action_id: actionId }),
    rejectAction: (actionId) => rpc2("/copilot/action/reject", { action_id: actionId }),
    reviseAction: (actionId, quantities) => rpc2("/copilot/action/revise", { action_id: actionId, quantities }),
    undoAction: async (actionId) => {
      const result = await rpc2("/copilot/action/undo", { action_id: actionId });
      return { undone: Boolean(result?.undone), message: typeof result?.message === "string" ? result.message : "" };
    },
    sessions: (query) => rpc2("/copilot/sessions", query?.trim() ? { query: query.trim() } : {}),
    messages: (sessionId) => rpc2("/copilot/messages", { session_id: sessionId }),
    updateSession: (sessionId, changes) => rpc2("/copilot/sessions/update", { session_id: sessionId, ...changes }),
    deleteSession: (sessionId) => rpc2("/copilot/sessions/delete", { session_id: sessionId }),
    memories: () => rpc2("/copilot/memories", {}),
    deleteMemory: (memoryId) => rpc2("/copilot/memories/delete", { memory_id: memoryId }),
    exportHistory: () => rpc2("/copilot/history/export", {}),
    deleteHistory: () => rpc2("/copilot/history/delete", {}),
    exportPdf: async (sessionId) => {
      const route = `${PDF_ROUTE}?session_id=${encodeURIComponent(sessionId)}`;
      let response;
      try {
        response = await doFetch(baseUrl + route, { method: "GET", credentials: "same-origin" });
      } catch (error) {
        throw new RpcError("network", `${PDF_ROUTE}: no answer from the server`, { cause: error });
      }
      const type = response.headers.get("content-type") ?? "";
      if (response.ok && type.includes("pdf")) {
        return response.blob();
      }
      if (type.includes("json")) {
        const payload = await response.json().catch(() => void 0);
        const message = payload?.error?.data?.message || payload?.error?.message;
        if (message) {
          throw new RpcError("server", message, { status: response.status, ...payload?.error?.data ? { data: payload.error.data } : {} });
        }
      } else {
        void response.body?.cancel().catch(() => {
        });
      }
      throw new RpcError("http", `${PDF_ROUTE}: HTTP ${response.status}`, { status: response.status });
    }
  };
}

// src/chat_panel/chat_panel.ts
import { Component as Component21, onMounted as onMounted3, onWillUnmount as onWillUnmount5, useRef as useRef4, useState as useState7, xml as xml21 } from "@odoo/owl";
import { useService as useService6 } from "@web/core/utils/hooks";

// src/composer/composer.ts
import { Component as Component2, onMounted, onWillUnmount, useRef, useState, xml as xml2 } from "@odoo/owl";

// src/odoo/l10n.ts
import { _t } from "@web/core/l10n/translation";

// src/slash/menu_keys.ts
function menuKeydown(key2, active, count, modifiers = {}) {
  const current = count ? Math.min(Math.max(active, 0), count - 1) : 0;
  switch (key2) {
    case "ArrowDown":
      return count ? { handled: true, active: (current + 1) % count } : { handled: false, active: 0 };
    case "ArrowUp":
      return count ? { handled: true, active: (current - 1 + count) % count } : { handled: false, active: 0 };
    case "Enter":
      return count && !modifiers.shift ? { handled: true, active: current, pick: true } : { handled: false, active: current };
    case "Tab":
      return count && !modifiers.shift ? { handled: true, active: current, pick: true } : { handled: false, active: current };
    case "Escape":
      return { handled: true, active: current, close: true };
    default:
      return { handled: false, active: current };
  }
}

// src/generated/tool_catalog.ts
var DECLARED_COMMANDS = [
  {
    "tool": "create_quotation",
    "name": "quote",
    "frName": "devis",
    "argument": {
      "model": "res.partner",
      "suffix": ": "
    },
    "label": {
      "en": "Prepare a quotation for a customer",
      "fr": "Préparer un devis pour un client"
    },
    "usage": {
      "en": "customer: 3 Office Chair, 2 Office Lamp",
      "fr": "client : 3 Office Chair, 2 Office Lamp"
    }
  },
  {
    "tool": "get_stock",
    "name": "stock",
    "frName": "stock",
    "argument": {
      "model": "product.product",
      "suffix": ""
    },
    "label": {
      "en": "Stock of a product",
      "fr": "Stock d'un produit"
    },
    "usage": {
      "en": "product",
      "fr": "produit"
    }
  },
  {
    "tool": "project_summary",
    "name": "summarize_project",
    "frName": "résumer_projet",
    "argument": {
      "model": "project.project",
      "suffix": ""
    },
    "label": {
      "en": "Summary of a project",
      "fr": "Résumé d'un projet"
    },
    "usage": {
      "en": "project",
      "fr": "projet"
    }
  },
  {
    "tool": "create_task",
    "name": "create_task",
    "frName": "créer_tâche",
    "argument": {
      "model": "project.project",
      "suffix": ": "
    },
    "label": {
      "en": "Create a task in a project",
      "fr": "Créer une tâche dans un projet"
    },
    "usage": {
      "en": "project: task title",
      "fr": "projet : titre de la tâche"
    }
  },
  {
    "tool": "show_kit",
    "name": "show_kit",
    "frName": "afficher_kit",
    "argument": {
      "model": "product.product",
      "suffix": ""
    },
    "label": {
      "en": "Components of a kit",
      "fr": "Composants d'un kit"
    },
    "usage": {
      "en": "kit",
      "fr": "kit"
    }
  },
  {
    "tool": "get_partner",
    "name": "customer",
    "frName": "client",
    "argument": {
      "model": "res.partner",
      "suffix": ""
    },
    "label": {
      "en": "A customer at a glance",
      "fr": "Un client en un coup d'œil"
    },
    "usage": {
      "en": "customer",
      "fr": "client"
    }
  },
  {
    "tool": "export_pdf",
    "name": "export_pdf",
    "frName": "exporter_pdf",
    "label": {
      "en": "This conversation as a PDF",
      "fr": "Cette conversation en PDF"
    }
  },
  {
    "tool": "undo",
    "name": "undo",
    "frName": "annuler",
    "label": {
      "en": "Undo my last change",
      "fr": "Annuler ma dernière modification"
    }
  }
];

// src/store/session_groups.ts
var ORDER = ["pinned", "today", "yesterday", "week", "older"];
function startOfDay(now2, days = 0) {
  const day = new Date(now2.getFullYear(), now2.getMonth(), now2.getDate());
  day.setDate(day.getDate() - days);
  return day.getTime();
}
function activity(session) {
  const time = Date.parse(session.updated_at || session.created_at || "");
  return Number.isNaN(time) ? 0 : time;
}
function groupSessions(sessions, now2 = /* @__PURE__ */ new Date()) {
  const today = startOfDay(now2);
  const yesterday = startOfDay(now2, 1);
  const week = startOfDay(now2, 7);
  const groups = new Map(ORDER.map((key2) => [key2, []]));
  const sorted = [...sessions].sort((a, b) => activity(b) - activity(a));
  for (const session of sorted) {
    const time = activity(session);
    const key2 = session.pinned ? "pinned" : time >= today ? "today" : time >= yesterday ? "yesterday" : time >= week ? "week" : "older";
    groups.get(key2).push(session);
  }
  return ORDER.filter((key2) => groups.get(key2).length).map((key2) => ({ key: key2, sessions: groups.get(key2) }));
}
function sessionGroupLabel(key2) {
  switch (key2) {
    case "pinned":
      return _t("Pinned");
    case "today":
      return _t("Today");
    case "yesterday":
      return _t("Yesterday");
    case "week":
      return _t("Previous 7 days");
    case "older":
      return _t("Older");
  }
}
function normalizeText(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}
function filterSessions(sessions, query) {
  const words = normalizeText(query).split(" ").filter(Boolean);
  if (!words.length) {
    return [...sessions];
  }
  return sessions.filter((session) => {
    const title = normalizeText(session.title || "");
    return words.every((word) => title.includes(word));
  });
}

// src/slash/slash_commands.ts
var SLASH_COMMANDS = [
  ...DECLARED_COMMANDS,
  { name: "new", frName: "nouveau", local: true },
  { name: "help", frName: "aide" }
];
function slashLabel(command, lang) {
  if (command.label) {
    return isFrench(lang) ? command.label.fr : command.label.en;
  }
  switch (command.name) {
    case "new":
      return _t("Start a new conversation");
    case "help":
      return _t("What Copilot can do");
    default:
      return command.name;
  }
}
function slashUsage(command, lang) {
  return command.usage ? isFrench(lang) ? command.usage.fr : command.usage.en : "";
}
function isFrench(lang) {
  return /^fr\b/i.test(lang);
}
function displayName(command, lang) {
  return isFrench(lang) ? command.frName : command.name;
}
function otherName(command, lang) {
  const other = isFrench(lang) ? command.name : command.frName;
  return other === displayName(command, lang) ? "" : other;
}
var key = (name) => normalizeText(name).replace(/[\s-]+/g, "_");
function findCommand(word) {
  const typed = key(word);
  return SLASH_COMMANDS.find((command) => key(command.name) === typed || key(command.frName) === typed);
}
function filterCommands(query, lang) {
  const typed = key(query);
  if (!typed) {
    return [...SLASH_COMMANDS];
  }
  const rank = (command) => {
    const names2 = [key(displayName(command, lang)), key(otherName(command, lang) || command.name)];
    if (names2.some((name) => name.startsWith(typed))) {
      return 0;
    }
    if (names2.some((name) => name.includes(typed))) {
      return 1;
    }
    return typed.length >= 3 && normalizeText(slashLabel(command, lang)).includes(normalizeText(query)) ? 2 : 3;
  };
  return SLASH_COMMANDS.map((command, index) => ({ command, index, rank: rank(command) })).filter(({ rank: rank2 }) => rank2 < 3).sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ command }) => command);
}
function parseSlashInput(text) {
  const command = /^\/([^\s/]*)$/u.exec(text);
  if (command) {
    return { kind: "command", query: command[1] };
  }
  const withArgument2 = /^\/([^\s/]+)\s+([\s\S]*)$/u.exec(text);
  if (!withArgument2) {
    return null;
  }
  const found = findCommand(withArgument2[1]);
  const argument = withArgument2[2];
  if (!found?.argument || /[:\n]/.test(argument) || found.argument.suffix && /\s(?:avec|with)\s/i.test(argument)) {
    return null;
  }
  return { kind: "argument", command: found, typed: withArgument2[1], argument };
}
function withArgument(input, name) {
  return `/${input.typed} ${name}${input.command.argument?.suffix ?? ""}`;
}
function commandText(command, lang) {
  return `/${displayName(command, lang)}`;
}

// src/slash_menu/slash_menu.ts
import { Component, xml } from "@odoo/owl";
var SlashMenu = class extends Component {
  static template = xml`
    <div class="o_copilot_slash_menu dropdown-menu show" t-on-mousedown.prevent="() => {}">
      <div class="o_copilot_slash_title dropdown-header" t-esc="props.title"/>
      <ul t-att-id="props.id" class="o_copilot_slash_items list-unstyled mb-0" role="listbox" t-att-aria-label="props.title">
        <li t-foreach="props.items" t-as="item" t-key="item.key" role="option"
            t-att-id="props.id + '_' + item_index"
            class="dropdown-item o_copilot_slash_item" t-att-class="{ 'o_copilot_slash_item_active': item_index === props.active }"
            t-att-aria-selected="item_index === props.active ? 'true' : 'false'"
            t-on-mouseenter="() => props.onHover(item_index)" t-on-click="() => props.onPick(item_index)">
          <span class="o_copilot_slash_label" t-esc="item.label"/>
          <span t-if="item.alias" class="o_copilot_slash_alias" t-esc="item.alias"/>
          <span t-if="item.detail" class="o_copilot_slash_detail" t-esc="item.detail"/>
        </li>
      </ul>
      <div t-if="!props.items.length" class="o_copilot_slash_empty dropdown-item-text text-muted" role="status">
        <t t-if="props.loading">
          <i class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
          <t t-esc="props.loadingText"/>
        </t>
        <t t-else="" t-esc="props.emptyText"/>
      </div>
    </div>`;
  static props = {
    id: String,
    title: String,
    items: Array,
    active: Number,
    loading: Boolean,
    loadingText: String,
    emptyText: String,
    onPick: Function,
    onHover: Function
  };
};

// src/composer/composer.ts
var MAX_HEIGHT_PX = 200;
var SEARCH_DELAY_MS = 150;
var nextComposerId = 1;
var ContextChip = class extends Component2 {
  static template = xml2`
    <span t-attf-class="badge rounded-pill o_copilot_context_chip o_copilot_{{ props.kind }}_chip" t-att-title="props.title">
      <i t-attf-class="fa {{ props.icon }} me-1" aria-hidden="true"/>
      <span t-esc="props.label"/>
      <button type="button" class="btn btn-link o_copilot_context_clear"
              t-att-aria-label="props.clearLabel" t-att-title="props.clearLabel" t-on-click="() => props.onClear()">
        <i class="fa fa-times" aria-hidden="true"/>
      </button>
    </span>`;
  static props = { kind: String, icon: String, label: String, title: { type: String, optional: true }, clearLabel: String, onClear: Function };
};
var Composer = class extends Component2 {
  static components = { SlashMenu, ContextChip };
  static template = xml2`
    <form class="o_copilot_composer" t-on-submit.prevent="submit">
      <div t-if="props.project or props.screen" class="o_copilot_context">
        <ContextChip t-if="props.screen" kind="'screen'" icon="'fa-eye'" label="screenLabel" title="labels.screenHint"
                     clearLabel="labels.ignoreScreen" onClear="() => props.onIgnoreScreen and props.onIgnoreScreen()"/>
        <ContextChip t-if="props.project" kind="'project'" icon="'fa-folder-open-o'" label="projectLabel"
                     clearLabel="labels.clearProject" onClear="() => props.onClearProject and props.onClearProject()"/>
      </div>
      <div class="o_copilot_composer_box">
        <SlashMenu t-if="state.menu" id="menuId" title="menuTitle" items="state.items" active="state.active"
                   loading="state.loading" loadingText="labels.searching" emptyText="labels.noMatch"
                   onPick.bind="pick" onHover.bind="hover"/>
        <textarea t-ref="input" class="form-control o_copilot_input" rows="1"
                  t-att-placeholder="labels.placeholder" t-att-aria-label="labels.input"
                  t-att-aria-describedby="hintId"
                  role="combobox" aria-autocomplete="list" aria-haspopup="listbox"
                  t-att-aria-expanded="state.menu ? 'true' : 'false'"
                  t-att-aria-controls="state.menu ? menuId : false"
                  t-att-aria-activedescendant="state.menu and state.items.length ? menuId + '_' + state.active : false"
                  t-on-input="onInput" t-on-keydown="onKeydown" t-on-blur="onBlur"/>
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
      <div t-att-id="hintId" class="o_copilot_composer_hint text-muted" t-esc="labels.hint"/>
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
    lang: { type: String, optional: true },
    nameSearch: { type: Function, optional: true },
    onCommand: { type: Function, optional: true },
    project: { type: Object, optional: true },
    onClearProject: { type: Function, optional: true },
    screen: { type: Object, optional: true },
    onIgnoreScreen: { type: Function, optional: true }
  };
  setup() {
    this.input = useRef("input");
    this.state = useState({ hasText: Boolean(this.props.draft.trim()), menu: "", items: [], active: 0, loading: false });
    const id2 = nextComposerId++;
    this.menuId = `o_copilot_slash_menu_${id2}`;
    this.hintId = `o_copilot_composer_hint_${id2}`;
    this.choices = [];
    this.slash = null;
    this.pickedText = "";
    this.searchTimer = void 0;
    this.searchSeq = 0;
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
    onWillUnmount(() => clearTimeout(this.searchTimer));
  }
  get labels() {
    return {
      placeholder: _t("Ask Copilot… (/ for commands)"),
      input: _t("Message to Copilot"),
      send: _t("Send"),
      stop: _t("Stop"),
      hint: _t("Enter to send, Shift+Enter for a new line, / for commands"),
      commands: _t("Commands"),
      searching: _t("Searching…"),
      noMatch: _t("No match"),
      clearProject: _t("Stop talking about this project"),
      ignoreScreen: _t("Do not use this screen"),
      screenHint: _t('Copilot sees what is open or selected here: "this customer", "these tasks"')
    };
  }
  get lang() {
    return this.props.lang || "en-US";
  }
  get screenLabel() {
    const screen = this.props.screen;
    if (!screen) {
      return "";
    }
    return screen.selected === void 0 ? _t("On screen: %s", screen.name) : _t("On screen: %s (%s selected)", screen.name, String(screen.selected));
  }
  get projectLabel() {
    return this.props.project ? _t("Project: %s", this.props.project.name) : "";
  }
  get menuTitle() {
    const slash = this.slash;
    if (this.state.menu === "argument" && slash?.kind === "argument") {
      return `/${slash.typed} — ${slashUsage(slash.command, this.lang) || slashLabel(slash.command, this.lang)}`;
    }
    return this.labels.commands;
  }
  get canSend() {
    return this.state.hasText && !this.props.busy;
  }
  resize() {
    const el = this.input.el;
    if (!el) {
      return;
    }
    el.style.height = "auto";
    const height = Math.min(el.scrollHeight, MAX_HEIGHT_PX);
    el.style.height = `${height}px`;
    el.style.overflowY = el.scrollHeight > MAX_HEIGHT_PX ? "auto" : "hidden";
  }
  onInput() {
    const text = this.input.el?.value ?? "";
    this.state.hasText = Boolean(text.trim());
    this.props.onDraftChange(text);
    this.resize();
    this.updateMenu(text);
  }
  // ------------------------------------------------------------------------------------------
  // Slash menu
  // ------------------------------------------------------------------------------------------
  closeMenu() {
    clearTimeout(this.searchTimer);
    this.searchSeq++;
    this.slash = null;
    this.choices = [];
    Object.assign(this.state, { menu: "", items: [], active: 0, loading: false });
  }
  /** Opens, filters or closes the menu for the text now in the input. */
  updateMenu(text) {
    const slash = text === this.pickedText ? null : parseSlashInput(text);
    if (!slash) {
      this.closeMenu();
      return;
    }
    if (slash.kind === "command") {
      const commands = filterCommands(slash.query, this.lang);
      if (!commands.length) {
        this.closeMenu();
        return;
      }
      this.slash = slash;
      this.choices = commands;
      Object.assign(this.state, {
        menu: "command",
        loading: false,
        active: 0,
        items: commands.map((command) => ({
          key: command.name,
          label: `/${displayName(command, this.lang)}`,
          alias: otherName(command, this.lang) ? `/${otherName(command, this.lang)}` : "",
          detail: slashLabel(command, this.lang)
        }))
      });
      return;
    }
    const nameSearch = this.props.nameSearch;
    const model = slash.command.argument?.model;
    if (!nameSearch || !model) {
      this.closeMenu();
      return;
    }
    const sameCommand = this.state.menu === "argument" && this.slash?.kind === "argument" && this.slash.command === slash.command;
    this.slash = slash;
    if (!sameCommand) {
      this.choices = [];
      Object.assign(this.state, { menu: "argument", items: [], active: 0 });
    }
    this.state.loading = true;
    clearTimeout(this.searchTimer);
    const seq = ++this.searchSeq;
    this.searchTimer = setTimeout(async () => {
      let records = [];
      try {
        records = await nameSearch(model, slash.argument.trim());
      } catch {
        records = [];
      }
      if (seq !== this.searchSeq) {
        return;
      }
      this.choices = records.map((record) => record.name);
      Object.assign(this.state, {
        loading: false,
        active: 0,
        items: records.map((record) => ({ key: String(record.id), label: record.name, alias: "", detail: "" }))
      });
    }, SEARCH_DELAY_MS);
  }
  hover(index) {
    this.state.active = index;
  }
  /** Writes `text` in the input as if typed, caret at the end. */
  setText(text) {
    const el = this.input.el;
    if (!el) {
      return;
    }
    el.value = text;
    el.focus();
    el.setSelectionRange(text.length, text.length);
    this.onInput();
  }
  pick(index) {
    const choice = this.choices[index];
    const slash = this.slash;
    if (choice === void 0 || !slash) {
      return;
    }
    if (typeof choice === "string") {
      if (slash.kind === "argument") {
        this.pickedText = withArgument(slash, choice);
        this.setText(this.pickedText);
      }
      return;
    }
    if (choice.local) {
      this.pickedText = "";
      this.setText("");
      this.props.onCommand?.(choice.name);
      return;
    }
    if (!choice.argument) {
      this.setText(commandText(choice, this.lang));
      void this.submit();
      return;
    }
    const name = displayName(choice, this.lang);
    const project = this.props.project;
    if (project && choice.argument.model === "project.project") {
      this.pickedText = withArgument({ command: choice, typed: name }, project.name);
      this.setText(this.pickedText);
      return;
    }
    this.pickedText = "";
    this.setText(`/${name} `);
  }
  onBlur() {
    this.closeMenu();
  }
  onKeydown(ev) {
    if (this.state.menu && !ev.isComposing && !ev.altKey && !ev.ctrlKey && !ev.metaKey) {
      const result = menuKeydown(ev.key, this.state.active, this.state.items.length, { shift: ev.shiftKey });
      if (result.handled) {
        ev.preventDefault();
        ev.stopPropagation();
        this.state.active = result.active;
        if (result.pick) {
          this.pick(result.active);
        } else if (result.close) {
          this.pickedText = this.input.el?.value ?? "";
          this.closeMenu();
        }
        return;
      }
    }
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      void this.submit();
    } else if (ev.key === "ArrowUp" && !ev.shiftKey && !ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.isComposing) {
      this.recallLastMessage(ev);
    }
  }
  /** Up in the empty input: the last message sent, to edit and send again. */
  recallLastMessage(ev) {
    const el = this.input.el;
    if (!el || el.value !== "" || !this.props.lastMessage) {
      return;
    }
    ev.preventDefault();
    el.value = this.props.lastMessage;
    this.onInput();
    el.setSelectionRange(el.value.length, el.value.length);
  }
  async submit() {
    const el = this.input.el;
    if (!el) {
      return;
    }
    const text = el.value;
    const local = /^\/(\S+)\s*$/.exec(text.trim());
    const command = local ? findCommand(local[1]) : void 0;
    if (command?.local && this.state.hasText) {
      this.clear();
      this.props.onCommand?.(command.name);
      return;
    }
    if (!this.canSend) {
      return;
    }
    this.clear();
    el.focus();
    await this.props.onSend(text);
  }
  clear() {
    const el = this.input.el;
    if (el) {
      el.value = "";
    }
    this.pickedText = "";
    this.closeMenu();
    this.state.hasText = false;
    this.props.onDraftChange("");
    this.resize();
  }
};

// src/message_list/message_list.ts
import { Component as Component20, markup, onWillPatch, useEffect as useEffect2, useRef as useRef3, useState as useState6, xml as xml20 } from "@odoo/owl";

// src/api/types.ts
function isQuotationPreview(preview) {
  return preview?.kind === "quotation" && Array.isArray(preview.lines);
}
function isTaskPreview(preview) {
  return preview?.kind === "task" && typeof preview.title === "string";
}
function isNotePreview(preview) {
  return preview?.kind === "note" && typeof preview.body === "string";
}
function isRecordChangePreview(preview) {
  return preview?.kind === "record_change" && Array.isArray(preview.changes);
}

// src/cards/action_card/action_card.ts
import { Component as Component4, xml as xml4 } from "@odoo/owl";

// src/cards/action_footer/action_footer.ts
import { Component as Component3, xml as xml3 } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";

// src/odoo/compat.ts
import { useEnv } from "@odoo/owl";

// ../../agent-service/src/number-format.ts
var DEFAULT_NUMBER_FORMAT = Object.freeze({
  decimalPoint: ".",
  thousandsSep: ",",
  grouping: [3, 0]
});
var NBSP = " ";
function floatRound(value, digits) {
  if (value === 0 || !Number.isFinite(value)) {
    return value === 0 ? 0 : value;
  }
  const factor = 10 ** digits;
  const normalized = value * factor;
  const epsilon = 2 ** (Math.log2(Math.abs(normalized)) - 50);
  const shifted = normalized + Math.sign(normalized) * epsilon;
  return Math.sign(shifted) * Math.round(Math.abs(shifted)) / factor;
}
function groupDigits(digits, separator, grouping) {
  if (!separator || grouping.length === 0) {
    return digits;
  }
  const groups = [];
  let rest = digits;
  let size = 0;
  for (let i = 0; rest.length > 0; i++) {
    const next = grouping[i];
    if (next === void 0) {
      break;
    }
    if (next !== 0) {
      size = next;
    }
    if (size <= 0) {
      break;
    }
    groups.unshift(rest.slice(-size));
    rest = rest.slice(0, -size);
    if (next === 0) {
      i--;
    }
  }
  if (rest.length > 0) {
    groups.unshift(rest);
  }
  return groups.join(separator);
}
function formatNumber(value, options = {}, format = DEFAULT_NUMBER_FORMAT) {
  if (!Number.isFinite(value)) {
    return "";
  }
  const digits = options.digits ?? 2;
  const rounded = floatRound(value, digits);
  const [integerPart = "0", decimals = ""] = Math.abs(rounded).toFixed(digits).split(".");
  const fraction = options.trimZeros ? decimals.replace(/0+$/, "") : decimals;
  const sign = rounded < 0 ? "-" : "";
  const integer = groupDigits(integerPart, format.thousandsSep, format.grouping);
  return sign + integer + (fraction ? format.decimalPoint + fraction : "");
}
function formatMoney(amount, currency, format = DEFAULT_NUMBER_FORMAT) {
  const value = formatNumber(amount, { digits: currency.digits ?? 2 }, format);
  if (!currency.symbol) {
    return value;
  }
  return currency.position === "before" ? `${currency.symbol}${NBSP}${value}` : `${value}${NBSP}${currency.symbol}`;
}
function formatQuantity(quantity, format = DEFAULT_NUMBER_FORMAT) {
  return formatNumber(quantity, { digits: 3, trimZeros: true }, format);
}
function formatPercent(value, format = DEFAULT_NUMBER_FORMAT) {
  return `${formatNumber(value, { digits: 2, trimZeros: true }, format)}%`;
}

// src/odoo/compat.ts
function loadedModule(name) {
  try {
    return odoo.loader?.modules.get(name);
  } catch {
    return void 0;
  }
}
function hasUserModule() {
  return Boolean(loadedModule("@web/core/user")?.user);
}
function userObject(env) {
  const user = loadedModule("@web/core/user")?.user;
  return user ?? env?.services.user;
}
function toBcp47(lang) {
  if (!lang) {
    return "en-US";
  }
  return lang.split("@")[0].replace(/_/g, "-");
}
function currentUser(env) {
  const user = userObject(env);
  const lang = user?.lang || document.documentElement.lang || navigator.language;
  return {
    id: typeof user?.userId === "number" ? user.userId : null,
    lang: toBcp47(lang),
    name: typeof user?.name === "string" ? user.name : "",
    isSystem: Boolean(user?.isSystem)
  };
}
function languageName(lang) {
  try {
    const name = new Intl.DisplayNames([lang], { type: "language" }).of(lang);
    return name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : lang;
  } catch {
    return lang;
  }
}
function isAppInstalled(module) {
  try {
    const modules = odoo.loader?.modules;
    if (!modules) {
      return void 0;
    }
    const prefix = `@${module}/`;
    for (const name of modules.keys()) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  } catch {
    return void 0;
  }
}
function actionUrl(action) {
  return hasUserModule() ? `/odoo/action-${action}` : `/web#action=${encodeURIComponent(action)}`;
}
var SETTINGS_ACTION = "copilot.copilot_config_settings_action";
var FULL_PAGE_ACTION = "copilot.app";
function numberFormat() {
  const localization = loadedModule("@web/core/l10n/localization")?.localization;
  try {
    if (localization && typeof localization.decimalPoint === "string") {
      return {
        decimalPoint: localization.decimalPoint,
        thousandsSep: localization.thousandsSep ?? "",
        grouping: Array.isArray(localization.grouping) ? localization.grouping : [3, 0]
      };
    }
  } catch {
  }
  return DEFAULT_NUMBER_FORMAT;
}
function recordUrl(model, id2) {
  if (hasUserModule()) {
    return `/odoo/${encodeURIComponent(model)}/${id2}`;
  }
  return `/web#id=${id2}&model=${encodeURIComponent(model)}&view_type=form`;
}
function confirmationDialog() {
  return loadedModule("@web/core/confirmation_dialog/confirmation_dialog")?.ConfirmationDialog;
}
function useBusService() {
  return useEnv().services?.bus_service;
}
function subscribeBus(bus, type, onPayload) {
  if (!bus || typeof bus.subscribe !== "function") {
    return () => {
    };
  }
  let listening = true;
  const callback = (payload) => {
    if (listening) {
      onPayload(payload);
    }
  };
  bus.subscribe(type, callback);
  if (bus.isActive === false && typeof bus.start === "function") {
    void Promise.resolve(bus.start()).catch(() => {
    });
  }
  return () => {
    listening = false;
    if (typeof bus.unsubscribe === "function") {
      bus.unsubscribe(type, callback);
    }
  };
}

// src/cards/action_status.ts
function statusBadge(status) {
  switch (status) {
    case "proposed":
      return { label: _t("To confirm"), className: "text-bg-warning" };
    case "running":
      return { label: _t("In progress"), className: "text-bg-info" };
    case "done":
      return { label: _t("Done"), className: "text-bg-success" };
    case "rejected":
      return { label: _t("Cancelled"), className: "text-bg-secondary" };
    case "failed":
      return { label: _t("Failed"), className: "text-bg-danger" };
    default:
      return { label: String(status), className: "text-bg-light" };
  }
}
var actionCardProps = {
  action: Object,
  request: String,
  error: String,
  onConfirm: Function,
  onReject: Function,
  undo: { type: Object, optional: true },
  onUndo: { type: Function, optional: true },
  onRevise: { type: Function, optional: true },
  live: { type: Object, optional: true }
};
function canUndo(action) {
  return action.status === "done" && action.tool !== "undo";
}

// src/cards/open_record.ts
function openRecord(actionService, record, ev) {
  if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) {
    return;
  }
  ev.preventDefault();
  void actionService.doAction({
    type: "ir.actions.act_window",
    res_model: record.model,
    res_id: record.id,
    views: [[false, "form"]],
    target: "current"
  });
}

// src/cards/action_footer/action_footer.ts
var ActionFooter = class extends Component3 {
  static template = xml3`
    <div class="o_copilot_card_footer">
      <t t-if="props.action.status === 'proposed'">
        <div t-if="props.error" class="o_copilot_card_error text-danger" role="alert">
          <i class="fa fa-exclamation-triangle me-1" aria-hidden="true"/>
          <span t-esc="props.error"/>
        </div>
        <div class="o_copilot_card_buttons">
          <button type="button" class="btn btn-primary btn-sm o_copilot_confirm"
                  t-att-disabled="props.request or props.locked ? 'disabled' : false"
                  t-on-click="() => props.onConfirm(props.action.id)">
            <i t-if="props.request === 'confirm'" class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
            <t t-esc="labels.confirm"/>
          </button>
          <button type="button" class="btn btn-secondary btn-sm o_copilot_reject"
                  t-att-disabled="props.request or props.locked ? 'disabled' : false"
                  t-on-click="() => props.onReject(props.action.id)">
            <i t-if="props.request === 'reject'" class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
            <t t-esc="labels.cancel"/>
          </button>
        </div>
      </t>
      <t t-elif="props.action.status === 'done'">
        <div class="o_copilot_card_outcome o_copilot_card_done">
          <span class="o_copilot_card_done_text">
            <i class="fa fa-check-circle text-success me-1" aria-hidden="true"/>
            <t t-if="props.action.record">
              <t t-esc="doneParts[0]"/><a class="o_copilot_record_link" t-att-href="recordHref"
                 t-on-click="openRecord" t-esc="props.action.record.name"/><t t-esc="doneParts[1]"/>
            </t>
            <t t-else="" t-esc="labels.done"/>
          </span>
          <button t-if="showUndo" type="button" class="btn btn-link btn-sm o_copilot_undo"
                  t-att-disabled="undoState === 'running' ? 'disabled' : false"
                  t-att-title="labels.undoTitle" t-on-click="() => props.onUndo(props.action.id)">
            <i class="fa me-1" t-att-class="undoState === 'running' ? 'fa-circle-o-notch fa-spin' : 'fa-undo'" aria-hidden="true"/>
            <t t-esc="labels.undo"/>
          </button>
        </div>
        <div t-if="props.live" class="o_copilot_card_live text-muted small" role="status">
          <i class="fa me-1" t-att-class="props.live.deleted ? 'fa-trash-o' : 'fa-refresh'" aria-hidden="true"/>
          <t t-if="props.live.deleted" t-esc="labels.deleted"/>
          <t t-else="" t-esc="liveText"/>
        </div>
        <div t-if="props.undo and props.undo.message" class="o_copilot_undo_result" role="status"
             t-att-class="undoClass">
          <i class="fa me-1" t-att-class="undoState === 'undone' ? 'fa-undo' : 'fa-exclamation-triangle'" aria-hidden="true"/>
          <span t-esc="props.undo.message"/>
        </div>
      </t>
      <div t-elif="props.action.status === 'rejected'" class="o_copilot_card_outcome text-muted">
        <i class="fa fa-ban me-1" aria-hidden="true"/>
        <t t-esc="labels.cancelled"/>
      </div>
      <div t-elif="props.action.status === 'failed'" class="o_copilot_card_error text-danger" role="alert">
        <i class="fa fa-exclamation-triangle me-1" aria-hidden="true"/>
        <span t-esc="props.action.error or labels.failed"/>
      </div>
    </div>`;
  static props = { ...actionCardProps, doneText: String, locked: { type: Boolean, optional: true } };
  setup() {
    this.actionService = useService("action");
  }
  get labels() {
    return {
      confirm: _t("Confirm"),
      cancel: _t("Cancel"),
      done: _t("Done"),
      cancelled: _t("Cancelled"),
      failed: _t("This action failed."),
      undo: _t("Undo change"),
      undoTitle: _t("Reverse this change in Odoo, if nothing changed since"),
      deleted: _t("Deleted in Odoo")
    };
  }
  get liveText() {
    return _t("Now in Odoo: %s", this.props.live?.label ?? "");
  }
  get undoState() {
    return this.props.undo?.state ?? "";
  }
  /** Undo on a done change, until it is undone (a refusal or an error may be tried again). */
  get showUndo() {
    return Boolean(this.props.onUndo) && canUndo(this.props.action) && this.undoState !== "undone";
  }
  get undoClass() {
    switch (this.undoState) {
      case "undone":
        return "text-muted";
      case "refused":
        return "text-warning";
      default:
        return "text-danger";
    }
  }
  /** The text around the record's link: "Quotation %s created" → ["Quotation ", " created"]. */
  get doneParts() {
    const text = String(this.props.doneText);
    const at = text.indexOf("%s");
    return at === -1 ? [`${text} `, ""] : [text.slice(0, at), text.slice(at + 2)];
  }
  get recordHref() {
    const record = this.props.action.record;
    return record ? recordUrl(record.model, record.id) : "#";
  }
  openRecord(ev) {
    const record = this.props.action.record;
    if (record) {
      openRecord(this.actionService, record, ev);
    }
  }
};

// src/cards/action_card/action_card.ts
var ActionCard = class extends Component4 {
  static components = { ActionFooter };
  static template = xml4`
    <section class="o_copilot_card o_copilot_action_card" t-att-class="'o_copilot_card_' + props.action.status"
             t-att-aria-label="props.action.summary">
      <header class="o_copilot_card_header">
        <i class="fa fa-bolt o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="props.action.summary or props.action.tool"/>
        <span class="badge rounded-pill o_copilot_status" t-att-class="badge.className" t-esc="badge.label"/>
      </header>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject"
                    undo="props.undo" onUndo="props.onUndo" live="props.live" doneText="labels.done"/>
    </section>`;
  static props = actionCardProps;
  get badge() {
    return statusBadge(this.props.action.status);
  }
  get labels() {
    return { done: _t("Done: %s") };
  }
};

// src/cards/note_card/note_card.ts
import { Component as Component5, xml as xml5 } from "@odoo/owl";
var NoteCard = class extends Component5 {
  static components = { ActionFooter };
  static template = xml5`
    <section class="o_copilot_card o_copilot_note_card" t-att-class="'o_copilot_card_' + props.action.status"
             t-att-aria-label="props.action.summary">
      <header class="o_copilot_card_header">
        <i class="fa fa-sticky-note-o o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="props.action.summary or labels.note"/>
        <span class="badge rounded-pill o_copilot_status" t-att-class="badge.className" t-esc="badge.label"/>
      </header>
      <div class="o_copilot_card_body">
        <dl class="o_copilot_fields">
          <dt t-esc="labels.project"/>
          <dd t-esc="preview.project.name"/>
        </dl>
        <blockquote class="o_copilot_card_text o_copilot_note_body" t-esc="preview.body"/>
      </div>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject"
                    undo="props.undo" onUndo="props.onUndo" live="props.live" doneText="labels.logged"/>
    </section>`;
  static props = actionCardProps;
  get preview() {
    return this.props.action.preview;
  }
  get badge() {
    return statusBadge(this.props.action.status);
  }
  get labels() {
    return {
      note: _t("Internal note"),
      project: _t("Project"),
      logged: _t("Note logged on %s")
    };
  }
};

// src/cards/quotation_card/quotation_card.ts
import { Component as Component6, useEffect, useRef as useRef2, useState as useState2, xml as xml6 } from "@odoo/owl";
var QuotationCard = class extends Component6 {
  static components = { ActionFooter };
  static template = xml6`
    <section class="o_copilot_card o_copilot_quotation_card" t-att-class="'o_copilot_card_' + props.action.status"
             t-att-aria-label="props.action.summary">
      <header class="o_copilot_card_header">
        <i class="fa fa-file-text-o o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="props.action.summary or labels.quotation"/>
        <span class="badge rounded-pill o_copilot_status" t-att-class="badge.className" t-esc="badge.label"/>
      </header>
      <div class="o_copilot_card_body">
        <div class="o_copilot_quotation_customer">
          <span class="text-muted" t-esc="labels.customer"/>
          <strong t-esc="preview.customer.name"/>
        </div>
        <div class="o_copilot_table_scroll">
          <table class="table table-sm o_copilot_quotation_lines">
            <thead>
              <tr>
                <th scope="col" t-esc="labels.product"/>
                <th scope="col" class="text-end" t-esc="labels.quantity"/>
                <th scope="col" class="text-end" t-esc="labels.priceUnit"/>
                <th t-if="hasDiscount" scope="col" class="text-end" t-esc="labels.discount"/>
                <th scope="col" class="text-end" t-esc="labels.subtotal"/>
              </tr>
            </thead>
            <tbody>
              <tr t-foreach="lines" t-as="line" t-key="line.key">
                <td class="o_copilot_quotation_product">
                  <span t-if="line.code" class="text-muted">[<t t-esc="line.code"/>] </span>
                  <t t-esc="line.name"/>
                </td>
                <td t-if="state.editing" class="text-end text-nowrap o_copilot_quantity_cell">
                  <input type="number" min="0" step="any" inputmode="decimal"
                         class="form-control form-control-sm o_copilot_quantity_input"
                         t-att-value="state.quantities[line.index]" t-att-aria-label="quantityLabel(line)"
                         t-att-aria-invalid="state.error ? 'true' : 'false'"
                         t-att-disabled="props.request === 'revise' ? 'disabled' : false"
                         t-on-input="(ev) => this.onQuantityInput(line.index, ev)"
                         t-on-keydown="onQuantityKeydown"/>
                  <small t-if="line.uom" class="text-muted"> <t t-esc="line.uom"/></small>
                </td>
                <td t-else="" class="text-end text-nowrap">
                  <t t-esc="line.quantity"/>
                  <small t-if="line.uom" class="text-muted"> <t t-esc="line.uom"/></small>
                </td>
                <td class="text-end text-nowrap" t-esc="line.priceUnit"/>
                <td t-if="hasDiscount" class="text-end text-nowrap" t-esc="line.discount"/>
                <td class="text-end text-nowrap" t-esc="line.subtotal"/>
              </tr>
            </tbody>
          </table>
        </div>
        <table class="o_copilot_quotation_totals">
          <tbody>
            <tr>
              <th scope="row" t-esc="labels.untaxed"/>
              <td class="text-end text-nowrap" t-esc="money(preview.amount_untaxed)"/>
            </tr>
            <tr>
              <th scope="row" t-esc="labels.taxes"/>
              <td class="text-end text-nowrap" t-esc="money(preview.amount_tax)"/>
            </tr>
            <tr class="o_copilot_quotation_total">
              <th scope="row" t-esc="labels.total"/>
              <td class="text-end text-nowrap" t-esc="money(preview.amount_total)"/>
            </tr>
          </tbody>
        </table>
        <div t-if="canEdit" class="o_copilot_quotation_edit" t-ref="edit">
          <t t-if="state.editing">
            <div t-if="state.error" class="o_copilot_card_error o_copilot_revise_error text-danger" role="alert">
              <i class="fa fa-exclamation-triangle me-1" aria-hidden="true"/>
              <span t-esc="state.error"/>
            </div>
            <div class="o_copilot_card_buttons">
              <button type="button" class="btn btn-primary btn-sm o_copilot_revise_update"
                      t-att-disabled="props.request ? 'disabled' : false" t-on-click="update">
                <i t-if="props.request === 'revise'" class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
                <t t-esc="labels.update"/>
              </button>
              <button type="button" class="btn btn-secondary btn-sm o_copilot_revise_cancel"
                      t-att-disabled="props.request === 'revise' ? 'disabled' : false" t-on-click="() => this.stopEditing()"
                      t-esc="labels.cancelEditing"/>
            </div>
          </t>
          <button t-else="" type="button" class="btn btn-link btn-sm px-0 o_copilot_revise_start"
                  t-att-disabled="props.request ? 'disabled' : false" t-on-click="startEditing">
            <i class="fa fa-pencil me-1" aria-hidden="true"/>
            <t t-esc="labels.editQuantities"/>
          </button>
        </div>
      </div>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject"
                    undo="props.undo" onUndo="props.onUndo" live="props.live" doneText="labels.created"
                    locked="state.editing"/>
    </section>`;
  static props = actionCardProps;
  setup() {
    this.state = useState2({ editing: false, quantities: [], error: "" });
    this.editRef = useRef2("edit");
    this.focusNext = "";
    useEffect(
      () => {
        const target = this.focusNext;
        this.focusNext = "";
        const card = this.editRef.el?.closest("section");
        if (target === "input") {
          const input = card?.querySelector(".o_copilot_quantity_input");
          input?.focus();
          input?.select();
        } else if (target === "button") {
          card?.querySelector(".o_copilot_revise_start")?.focus();
        }
      },
      () => [this.state.editing]
    );
  }
  /** "Edit quantities" while the quotation waits for Confirm, if the panel can send them. */
  get canEdit() {
    return this.props.action.status === "proposed" && Boolean(this.props.onRevise) && this.preview.lines.length > 0;
  }
  startEditing() {
    this.state.quantities = this.preview.lines.map((line) => String(line.quantity));
    this.state.error = "";
    this.focusNext = "input";
    this.state.editing = true;
  }
  stopEditing() {
    this.state.error = "";
    this.focusNext = "button";
    this.state.editing = false;
  }
  onQuantityInput(index, ev) {
    this.state.quantities[index] = ev.target.value;
  }
  onQuantityKeydown(ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      void this.update();
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      ev.stopPropagation();
      if (this.props.request !== "revise") {
        this.stopEditing();
      }
    }
  }
  /** Sends the quantities; the card then shows the quotation Odoo priced again. */
  async update() {
    if (this.props.request || !this.props.onRevise) {
      return;
    }
    const quantities = this.state.quantities.map((value) => value.trim() === "" ? NaN : Number(value));
    if (quantities.some((quantity) => !Number.isFinite(quantity) || quantity < 0)) {
      this.state.error = _t("Enter a quantity of 0 or more for each line.");
      return;
    }
    this.state.error = "";
    const { revised, error } = await this.props.onRevise(this.props.action.id, quantities);
    if (revised) {
      this.stopEditing();
    } else if (error) {
      this.state.error = error;
    }
  }
  quantityLabel(line) {
    return _t("Quantity of %s", line.name);
  }
  get preview() {
    return this.props.action.preview;
  }
  get badge() {
    return statusBadge(this.props.action.status);
  }
  get labels() {
    return {
      quotation: _t("Quotation"),
      customer: _t("Customer"),
      product: _t("Product"),
      quantity: _t("Quantity"),
      priceUnit: _t("Unit Price"),
      discount: _t("Disc.%"),
      subtotal: _t("Subtotal"),
      untaxed: _t("Untaxed Amount"),
      taxes: _t("Taxes"),
      total: _t("Total"),
      created: _t("Quotation %s created"),
      editQuantities: _t("Edit quantities"),
      update: _t("Update"),
      cancelEditing: _t("Cancel editing")
    };
  }
  get currency() {
    const { symbol, position } = this.preview.currency;
    return { symbol, position };
  }
  money(amount) {
    return formatMoney(amount, this.currency, numberFormat());
  }
  get hasDiscount() {
    return this.preview.lines.some((line) => line.discount);
  }
  get lines() {
    const format = numberFormat();
    return this.preview.lines.map((line, index) => ({
      key: `${index}_${line.product.id}`,
      index,
      // A display_name already reads "[FURN_7777] Office Chair": do not show the code twice.
      code: line.product.code && !line.product.name.startsWith(`[${line.product.code}]`) ? line.product.code : "",
      name: line.product.name,
      quantity: formatQuantity(line.quantity, format),
      uom: line.uom ?? "",
      priceUnit: formatMoney(line.price_unit, this.currency, format),
      discount: line.discount ? formatPercent(line.discount, format) : "",
      subtotal: formatMoney(line.subtotal, this.currency, format)
    }));
  }
};

// src/cards/record_change_card/record_change_card.ts
import { Component as Component7, xml as xml7 } from "@odoo/owl";
import { useService as useService2 } from "@web/core/utils/hooks";
var RecordChangeCard = class extends Component7 {
  static components = { ActionFooter };
  static template = xml7`
    <section class="o_copilot_card o_copilot_record_change_card" t-att-class="'o_copilot_card_' + props.action.status"
             t-att-aria-label="props.action.summary">
      <header class="o_copilot_card_header">
        <i class="fa fa-pencil o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="props.action.summary or (preview.record and preview.record.name)"/>
        <span class="badge rounded-pill o_copilot_status" t-att-class="badge.className" t-esc="badge.label"/>
      </header>
      <div class="o_copilot_card_body">
        <div t-if="preview.record" class="o_copilot_change_record">
          <a class="o_copilot_change_record_link" t-att-href="recordHref" t-on-click="onRecordClick"
             t-esc="preview.record.name"/>
        </div>
        <ul class="o_copilot_changes">
          <li t-foreach="changes" t-as="change" t-key="change.key">
            <t t-if="change.text" t-esc="change.text"/>
            <t t-else="">
              <span class="o_copilot_change_field text-muted me-1" t-esc="change.field"/>
              <span class="o_copilot_change_from" t-esc="change.from"/>
              <i class="fa fa-long-arrow-right mx-1" role="img" t-att-aria-label="labels.becomes"/>
              <strong class="o_copilot_change_to" t-esc="change.to"/>
            </t>
          </li>
        </ul>
        <div t-if="totals" class="o_copilot_change_totals">
          <span class="o_copilot_change_field text-muted" t-esc="labels.total"/>
          <span class="o_copilot_change_from text-nowrap" t-esc="totals.before"/>
          <i class="fa fa-long-arrow-right mx-1" role="img" t-att-aria-label="labels.becomes"/>
          <strong class="o_copilot_change_to text-nowrap" t-esc="totals.after"/>
        </div>
      </div>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject"
                    undo="props.undo" onUndo="props.onUndo" live="props.live" doneText="labels.updated"/>
    </section>`;
  static props = actionCardProps;
  setup() {
    this.actionService = useService2("action");
  }
  get preview() {
    return this.props.action.preview;
  }
  get badge() {
    return statusBadge(this.props.action.status);
  }
  get labels() {
    return {
      total: _t("Total"),
      becomes: _t("becomes"),
      updated: _t("%s updated")
    };
  }
  /** The label of a changed field; the agent sends technical names. */
  fieldLabel(field) {
    switch (field) {
      case "state":
        return _t("Status");
      default:
        return field.replace(/_/g, " ");
    }
  }
  get changes() {
    return this.preview.changes.map(
      (change, index) => "text" in change ? { key: String(index), text: change.text, field: "", from: "", to: "" } : { key: String(index), text: "", field: this.fieldLabel(change.field), from: change.from, to: change.to }
    );
  }
  get totals() {
    const totals = this.preview.totals;
    if (!totals) {
      return null;
    }
    const currency = totals.currency ?? { symbol: "", position: "after" };
    const format = numberFormat();
    return {
      before: formatMoney(totals.before, currency, format),
      after: formatMoney(totals.after, currency, format)
    };
  }
  get recordHref() {
    const record = this.preview.record;
    return record ? recordUrl(record.model, record.id) : "";
  }
  onRecordClick(ev) {
    if (this.preview.record) {
      openRecord(this.actionService, this.preview.record, ev);
    }
  }
};

// src/cards/task_card/task_card.ts
import { Component as Component8, xml as xml8 } from "@odoo/owl";
var TaskCard = class extends Component8 {
  static components = { ActionFooter };
  static template = xml8`
    <section class="o_copilot_card o_copilot_task_card" t-att-class="'o_copilot_card_' + props.action.status"
             t-att-aria-label="props.action.summary">
      <header class="o_copilot_card_header">
        <i class="fa fa-tasks o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="props.action.summary or labels.task"/>
        <span class="badge rounded-pill o_copilot_status" t-att-class="badge.className" t-esc="badge.label"/>
      </header>
      <div class="o_copilot_card_body">
        <dl class="o_copilot_fields">
          <dt t-esc="labels.project"/>
          <dd t-esc="preview.project.name"/>
          <dt t-esc="labels.task"/>
          <dd class="o_copilot_task_title" t-esc="preview.title"/>
          <t t-if="preview.deadline">
            <dt t-esc="labels.deadline"/>
            <dd class="o_copilot_task_deadline" t-esc="preview.deadline"/>
          </t>
          <t t-if="preview.assignee">
            <dt t-esc="labels.assignee"/>
            <dd class="o_copilot_task_assignee" t-esc="assignee"/>
          </t>
        </dl>
        <div t-if="preview.description" class="o_copilot_card_text o_copilot_task_description" t-esc="preview.description"/>
      </div>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject"
                    undo="props.undo" onUndo="props.onUndo" live="props.live" doneText="labels.created"/>
    </section>`;
  static props = actionCardProps;
  get preview() {
    return this.props.action.preview;
  }
  get badge() {
    return statusBadge(this.props.action.status);
  }
  /** The agent writes "me" for the current user. */
  get assignee() {
    return this.preview.assignee === "me" ? _t("Me") : this.preview.assignee ?? "";
  }
  get labels() {
    return {
      task: _t("Task"),
      project: _t("Project"),
      deadline: _t("Deadline"),
      assignee: _t("Assigned to"),
      created: _t("Task %s created")
    };
  }
};

// src/cards/card_for_action.ts
function cardForAction(action) {
  const { preview } = action;
  if (isQuotationPreview(preview)) {
    return QuotationCard;
  }
  if (isTaskPreview(preview)) {
    return TaskCard;
  }
  if (isNotePreview(preview)) {
    return NoteCard;
  }
  if (isRecordChangePreview(preview)) {
    return RecordChangeCard;
  }
  return ActionCard;
}

// src/cards/choice_card/choice_card.ts
import { Component as Component9, xml as xml9 } from "@odoo/owl";
var ChoiceCard = class extends Component9 {
  static template = xml9`
    <section class="o_copilot_card o_copilot_choice_card" t-att-aria-label="labels.title">
      <header class="o_copilot_card_header">
        <i class="fa fa-question-circle o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="labels.title"/>
      </header>
      <div class="o_copilot_card_body">
        <div class="o_copilot_choice_query text-muted" t-esc="labels.matches"/>
        <div class="o_copilot_choice_options" role="group" t-att-aria-label="labels.title">
          <button t-foreach="props.choice.options" t-as="option" t-key="option.id" type="button"
                  class="btn btn-sm o_copilot_choice"
                  t-att-class="option.id === props.picked ? 'btn-primary' : 'btn-outline-primary'"
                  t-att-aria-pressed="option.id === props.picked ? 'true' : 'false'"
                  t-att-disabled="props.disabled ? 'disabled' : false"
                  t-on-click="() => props.onPick(option)" t-esc="option.label"/>
        </div>
      </div>
    </section>`;
  static props = {
    choice: Object,
    picked: Number,
    disabled: Boolean,
    onPick: Function
  };
  /** Several records matched, or one came close (a typo): "Did you mean?". */
  get labels() {
    const { query, options } = this.props.choice;
    return options.length > 1 ? { title: _t("Which one?"), matches: _t("Several records match “%s”:", query) } : { title: _t("Did you mean?"), matches: _t("Nothing matches “%s” exactly:", query) };
  }
};

// src/cards/read_cards/read_card.ts
import { Component as Component18, xml as xml18 } from "@odoo/owl";

// src/cards/read_cards/documents_card.ts
import { Component as Component11, xml as xml11 } from "@odoo/owl";

// src/cards/read_cards/card_header.ts
import { Component as Component10, xml as xml10 } from "@odoo/owl";

// src/cards/read_cards/record_link.ts
import { useService as useService3 } from "@web/core/utils/hooks";
function useRecordLinks() {
  const actionService = useService3("action");
  return {
    href: (record) => recordUrl(record.model, record.id),
    open: (record, ev) => openRecord(actionService, record, ev)
  };
}

// src/cards/read_cards/card_header.ts
var CardHeader = class extends Component10 {
  static template = xml10`
    <header class="o_copilot_card_header">
      <i t-att-class="'fa ' + props.icon + ' o_copilot_card_icon'" aria-hidden="true"/>
      <a t-if="props.record" class="o_copilot_card_title o_copilot_record_link" t-att-href="links.href(props.record)"
         t-on-click="(ev) => links.open(props.record, ev)" t-esc="props.title"/>
      <span t-else="" class="o_copilot_card_title" t-esc="props.title"/>
      <t t-slot="default"/>
    </header>`;
  static props = { icon: String, title: String, record: { type: Object, optional: true }, slots: { type: Object, optional: true } };
  setup() {
    this.links = useRecordLinks();
  }
};

// src/cards/read_cards/documents_card.ts
var DocumentsCard = class extends Component11 {
  static components = { CardHeader };
  static template = xml11`
    <section class="o_copilot_card o_copilot_read_card o_copilot_documents_card" t-att-class="'o_copilot_read_' + props.tool"
             t-att-aria-label="props.view.title">
      <CardHeader icon="props.view.icon" title="props.view.title"/>
      <div class="o_copilot_card_body">
        <div t-if="!props.view.items.length" class="text-muted o_copilot_read_empty" t-esc="labels.empty"/>
        <ul t-else="" class="list-unstyled mb-0 o_copilot_documents">
          <li t-foreach="props.view.items" t-as="item" t-key="item_index" class="o_copilot_document">
            <blockquote t-if="item.quote" class="o_copilot_citation mb-1">
              <span t-if="item.n" class="badge rounded-pill text-bg-light me-1" t-esc="item.n"/>
              <t t-esc="item.quote"/>
            </blockquote>
            <div class="o_copilot_document_source">
              <i class="fa me-1 text-muted" t-att-class="item.url ? 'fa-file-o' : 'fa-link'" aria-hidden="true"/>
              <a t-if="item.record" class="o_copilot_record_link" t-att-href="links.href(item.record)"
                 t-on-click="(ev) => links.open(item.record, ev)" t-esc="item.name"/>
              <a t-elif="item.url" class="o_copilot_record_link" t-att-href="item.url" target="_blank" rel="noopener" t-esc="item.name"/>
              <t t-else="" t-esc="item.name"/>
            </div>
          </li>
        </ul>
        <div t-if="props.view.more" class="o_copilot_read_more text-muted" t-esc="labels.more"/>
      </div>
    </section>`;
  static props = { view: Object, tool: String };
  setup() {
    this.links = useRecordLinks();
  }
  get labels() {
    return { empty: _t("Nothing found."), more: _t("Only the first results are shown.") };
  }
};

// src/cards/read_cards/facts_card.ts
import { Component as Component12, xml as xml12 } from "@odoo/owl";
var FactsCard = class extends Component12 {
  static components = { CardHeader };
  static template = xml12`
    <section class="o_copilot_card o_copilot_read_card o_copilot_facts_card" t-att-aria-label="props.view.title">
      <CardHeader icon="props.view.icon" title="props.view.title" record="props.view.record"/>
      <dl t-if="props.view.facts.length" class="o_copilot_card_body o_copilot_facts mb-0">
        <t t-foreach="props.view.facts" t-as="fact" t-key="fact_index">
          <dt class="text-muted" t-esc="fact.label"/>
          <dd class="mb-1" t-esc="fact.value"/>
        </t>
      </dl>
    </section>`;
  static props = { view: Object };
};

// src/cards/read_cards/project_card.ts
import { Component as Component13, xml as xml13 } from "@odoo/owl";
var ProjectCard = class extends Component13 {
  static components = { CardHeader };
  static template = xml13`
    <section class="o_copilot_card o_copilot_read_card o_copilot_project_card" t-att-aria-label="props.view.name">
      <CardHeader icon="'fa-puzzle-piece'" title="props.view.name" record="props.view.record">
        <span t-if="props.view.status" class="badge rounded-pill o_copilot_status" t-att-class="props.view.status.className"
              t-esc="props.view.status.label"/>
      </CardHeader>
      <div class="o_copilot_card_body">
        <div t-if="props.view.progress !== null" class="o_copilot_project_progress">
          <div class="progress" role="progressbar" t-att-aria-valuenow="props.view.progress" aria-valuemin="0" aria-valuemax="100"
               t-att-aria-label="labels.progress">
            <div class="progress-bar bg-success" t-att-style="'width: ' + props.view.progress + '%'"/>
          </div>
          <span class="o_copilot_project_percent" t-esc="props.view.progress + '%'"/>
        </div>
        <dl class="o_copilot_fields">
          <t t-if="props.view.manager">
            <dt t-esc="labels.manager"/>
            <dd t-esc="props.view.manager"/>
          </t>
          <t t-if="props.view.dates">
            <dt t-esc="labels.dates"/>
            <dd t-esc="props.view.dates"/>
          </t>
          <t t-if="props.view.total !== null">
            <dt t-esc="labels.tasks"/>
            <dd class="o_copilot_project_tasks" t-esc="tasksText"/>
          </t>
        </dl>
        <div t-if="props.view.overdue.length" class="o_copilot_project_overdue">
          <div class="fw-bold text-danger">
            <i class="fa fa-exclamation-triangle me-1" aria-hidden="true"/>
            <t t-esc="labels.overdue"/>
          </div>
          <ul class="o_copilot_deadlines">
            <li t-foreach="props.view.overdue" t-as="task" t-key="task_index">
              <a t-if="task.record" class="o_copilot_record_link" t-att-href="links.href(task.record)"
                 t-on-click="(ev) => links.open(task.record, ev)" t-esc="task.name"/>
              <t t-else="" t-esc="task.name"/>
              <span t-if="task.deadline" class="text-muted ms-1" t-esc="task.deadline"/>
            </li>
          </ul>
        </div>
        <div t-if="props.view.next.length" class="o_copilot_project_next">
          <div class="fw-bold" t-esc="labels.next"/>
          <ul class="o_copilot_deadlines">
            <li t-foreach="props.view.next" t-as="task" t-key="task_index">
              <a t-if="task.record" class="o_copilot_record_link" t-att-href="links.href(task.record)"
                 t-on-click="(ev) => links.open(task.record, ev)" t-esc="task.name"/>
              <t t-else="" t-esc="task.name"/>
              <span t-if="task.deadline" class="text-muted ms-1" t-esc="task.deadline"/>
            </li>
          </ul>
        </div>
      </div>
    </section>`;
  static props = { view: Object };
  setup() {
    this.links = useRecordLinks();
  }
  get tasksText() {
    const { open, total } = this.props.view;
    return open === null ? String(total) : _t("%s open of %s", String(open), String(total));
  }
  get labels() {
    return {
      progress: _t("Progress"),
      manager: _t("Manager"),
      dates: _t("Dates"),
      tasks: _t("Tasks"),
      overdue: _t("Overdue"),
      next: _t("Next deadlines")
    };
  }
};

// src/odoo/safe_url.ts
function safeUrl(raw) {
  const url = raw.trim();
  if (!url || /[\u0000-\u0020\u007f\\]/.test(url)) {
    return null;
  }
  if (/^https?:\/\/[^/?#]/i.test(url) || /^\/(?![/])/.test(url)) {
    return url;
  }
  return null;
}

// src/cards/read_cards/card_fields.ts
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function list(value) {
  return Array.isArray(value) ? value.filter(isObject2) : [];
}
function str(value) {
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    return String(value);
  }
  if (Array.isArray(value) && value.length === 2 && typeof value[1] === "string") {
    return value[1];
  }
  return "";
}
function num(value) {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}
function id(value) {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : void 0;
}
function ref(model, recordId, name) {
  const valid = id(recordId);
  return valid && model ? { model, id: valid, name } : void 0;
}
function names(value) {
  return Array.isArray(value) ? value.map(str).filter(Boolean).join(", ") : str(value);
}
function more(data) {
  return data.more === true;
}
function safeUrl2(value) {
  return safeUrl(str(value)) ?? void 0;
}
function formatDate(value, lang = "en-US") {
  const text = str(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) {
    return text;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return date.toLocaleDateString(lang, { timeZone: "UTC" });
  } catch {
    return match[0];
  }
}
function isPast(value, today) {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(str(value));
  return Boolean(match && match[0] < today);
}
function todayIso(now2 = /* @__PURE__ */ new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now2.getFullYear()}-${pad(now2.getMonth() + 1)}-${pad(now2.getDate())}`;
}
function cardFormat(options = {}) {
  const lang = options.lang ?? "en-US";
  const numbers = options.numbers ?? DEFAULT_NUMBER_FORMAT;
  return {
    today: options.today ?? todayIso(),
    date: (value) => formatDate(value, lang),
    qty: (value) => {
      const n = num(value);
      return n === null ? "" : formatQuantity(n, numbers);
    },
    amount: (value) => {
      const n = num(value);
      return n === null ? "" : formatNumber(n, { digits: 2 }, numbers);
    }
  };
}

// src/cards/read_cards/facts.ts
var MODEL = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
var ICON = /^fa-[a-z0-9-]+$/;
function factsView(data) {
  const card = data.card;
  if (!isObject2(card) || card.kind !== "facts") {
    return void 0;
  }
  const title = str(card.title);
  const facts = list(card.facts).map((fact) => ({ label: str(fact.label), value: str(fact.value) })).filter((fact) => fact.label && fact.value);
  if (!title) {
    return void 0;
  }
  const record = isObject2(card.record) && MODEL.test(str(card.record.model)) ? ref(str(card.record.model), card.record.id, title) : void 0;
  const icon = ICON.test(str(card.icon)) ? str(card.icon) : "fa-info-circle";
  return { kind: "facts", icon, title, ...record ? { record } : {}, facts };
}

// src/cards/read_cards/tools/customers.ts
function customersTable(data) {
  return {
    kind: "table",
    icon: "fa-user",
    title: _t("Customers"),
    nameLabel: _t("Customer"),
    columns: [{ label: _t("Email") }, { label: _t("City") }],
    rows: list(data.customers).map((c) => ({
      record: ref("res.partner", c.id, str(c.name)),
      name: str(c.name),
      cells: [{ text: str(c.email) }, { text: str(c.city) }]
    })),
    more: more(data)
  };
}

// src/cards/read_cards/tools/documents.ts
function documentsList(data) {
  return {
    kind: "documents",
    icon: "fa-paperclip",
    title: _t("Documents"),
    items: list(data.documents).map((doc) => {
      const url = safeUrl2(doc.url);
      return {
        name: str(doc.name),
        ...url ? { url } : {},
        ...url ? {} : { record: ref(str(doc.model), doc.id, str(doc.name)) }
      };
    }),
    more: more(data)
  };
}
function projectSources(data) {
  return {
    kind: "documents",
    icon: "fa-quote-left",
    title: str(data.project) ? _t("Sources in %s", str(data.project)) : _t("Sources"),
    items: list(data.passages).map((passage) => {
      const url = safeUrl2(passage.url);
      return {
        name: str(passage.source),
        quote: str(passage.text),
        ...num(passage.n) !== null ? { n: num(passage.n) } : {},
        ...url ? { url } : {}
      };
    }),
    more: false
  };
}

// src/cards/read_cards/tools/mapped_records.ts
function columnLabel(field) {
  const words = field.replace(/^x_(studio_)?/, "").replace(/_ids?$/, "").replace(/_/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : field;
}
function mappedTable(data, heading) {
  const model = str(data.model);
  const records = list(data.records);
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((key2) => key2 !== "id" && key2 !== "name");
  return {
    kind: "table",
    ...heading,
    columns: keys.map((key2) => ({ label: columnLabel(key2) })),
    rows: records.map((r) => ({
      record: ref(model, r.id, str(r.name)),
      name: str(r.name) || (id(r.id) ? `#${id(r.id)}` : ""),
      cells: keys.map((key2) => ({ text: str(r[key2]) }))
    })),
    more: more(data)
  };
}
function ticketsTable(data) {
  return mappedTable(data, { icon: "fa-life-ring", title: _t("Tickets"), nameLabel: _t("Ticket") });
}
function installationsTable(data) {
  return mappedTable(data, { icon: "fa-wrench", title: _t("Installations"), nameLabel: _t("Installation") });
}

// src/cards/read_cards/tools/products.ts
function isLowStock(onHand, forecast) {
  const have = num(onHand);
  const coming = num(forecast);
  return have !== null && have <= 0 || coming !== null && coming < 0;
}
function productsTable(data, format) {
  return {
    kind: "table",
    icon: "fa-cube",
    title: _t("Products"),
    nameLabel: _t("Product"),
    columns: [{ label: _t("Reference") }, { label: _t("Price"), numeric: true }],
    rows: list(data.products).map((p) => ({
      record: ref("product.product", p.id, str(p.name)),
      name: str(p.name),
      cells: [{ text: str(p.reference) }, { text: format.amount(p.price) }]
    })),
    more: more(data)
  };
}
function stockView(data, format) {
  if (Array.isArray(data.products)) {
    return {
      kind: "table",
      icon: "fa-cubes",
      title: _t("Stock"),
      nameLabel: _t("Product"),
      columns: [{ label: _t("On hand"), numeric: true }, { label: _t("Forecast"), numeric: true }, { label: _t("Unit") }],
      rows: list(data.products).map((p) => {
        const low = isLowStock(p.on_hand, p.forecast);
        return {
          record: ref("product.product", p.id, str(p.name)),
          name: str(p.name),
          cells: [{ text: format.qty(p.on_hand), className: low ? "o_copilot_low" : "" }, { text: format.qty(p.forecast) }, { text: str(p.uom) }],
          className: low ? "o_copilot_low_row" : ""
        };
      }),
      more: more(data)
    };
  }
  if (!str(data.name)) {
    return void 0;
  }
  return {
    kind: "stock",
    record: ref("product.product", data.id, str(data.name)),
    name: str(data.name),
    onHand: format.qty(data.on_hand),
    forecast: format.qty(data.forecast),
    uom: str(data.uom),
    low: isLowStock(data.on_hand, data.forecast)
  };
}
function kitTable(data, format) {
  const kit = str(data.product) || str(data.kit);
  return {
    kind: "table",
    icon: "fa-sitemap",
    title: kit ? _t("Components of %s", kit) : _t("Components"),
    nameLabel: _t("Component"),
    columns: [{ label: _t("Quantity"), numeric: true }, { label: _t("Unit") }, { label: _t("On hand"), numeric: true }],
    rows: list(data.components).map((c) => {
      const onHand = num(c.on_hand);
      const needed = num(c.quantity) ?? 0;
      const low = onHand !== null && onHand < needed;
      return {
        record: ref("product.product", c.id, str(c.product)),
        name: str(c.product),
        cells: [{ text: format.qty(c.quantity) }, { text: str(c.uom) }, { text: format.qty(c.on_hand), className: low ? "o_copilot_low" : "" }],
        className: low ? "o_copilot_low_row" : ""
      };
    }),
    more: false
  };
}

// src/cards/read_cards/state_labels.ts
var CLOSED_TASK_STATES = ["1_done", "1_canceled"];
var DONE_STATE = "1_done";
var REOPENED_STATE = "01_in_progress";
var COLOURS = {
  "project.project.last_update_status": {
    on_track: "text-bg-success",
    at_risk: "text-bg-warning",
    off_track: "text-bg-danger",
    on_hold: "text-bg-info",
    done: "text-bg-secondary"
  },
  "sale.order.state": {
    draft: "text-bg-info",
    sent: "text-bg-primary",
    sale: "text-bg-success",
    cancel: "text-bg-secondary"
  }
};
function badge(field, value, label) {
  if (typeof value !== "string" || !value || value === "to_define") {
    return void 0;
  }
  return { label: typeof label === "string" && label ? label : value, className: COLOURS[field]?.[value] ?? "text-bg-light" };
}
function projectStatus(status, label) {
  return badge("project.project.last_update_status", status, label);
}
function quotationStatus(state, label) {
  return badge("sale.order.state", state, label);
}
function badgeCell(badge2) {
  return badge2 ? { text: badge2.label, badge: badge2.className } : { text: "" };
}

// src/cards/read_cards/tools/projects.ts
function clampPercent(value) {
  return Math.max(0, Math.min(100, Math.round(value)));
}
function projectsTable(data, format) {
  return {
    kind: "table",
    icon: "fa-puzzle-piece",
    title: _t("Projects"),
    nameLabel: _t("Project"),
    columns: [
      { label: _t("Manager") },
      { label: _t("Progress"), numeric: true },
      { label: _t("Open tasks"), numeric: true },
      { label: _t("Deadline") },
      { label: _t("Status") }
    ],
    rows: list(data.projects).map((p) => {
      const progress = num(p.progress);
      return {
        record: ref("project.project", p.id, str(p.name)),
        name: str(p.name),
        cells: [
          { text: str(p.manager) },
          progress === null ? { text: "" } : { text: `${Math.round(progress)}%`, progress: clampPercent(progress) },
          { text: str(p.open_tasks) },
          { text: format.date(p.deadline), className: isPast(p.deadline, format.today) ? "text-danger" : "" },
          badgeCell(projectStatus(p.status, p.status_label))
        ]
      };
    }),
    more: more(data)
  };
}
function projectView(data, format) {
  if (!str(data.name)) {
    return void 0;
  }
  const tasks = isObject2(data.tasks) ? data.tasks : {};
  const dates = isObject2(data.dates) ? data.dates : {};
  const progress = num(data.progress);
  const deadlines = (value) => list(value).map((task) => ({
    record: ref("project.task", task.id, str(task.name)),
    name: str(task.name),
    deadline: format.date(task.deadline)
  }));
  const start = format.date(dates.start);
  const end = format.date(dates.end);
  return {
    kind: "project",
    record: ref("project.project", data.id, str(data.name)),
    name: str(data.name),
    manager: str(data.manager),
    dates: start && end ? `${start} → ${end}` : end || start,
    progress: progress === null ? null : clampPercent(progress),
    status: projectStatus(data.status, data.status_label),
    open: num(tasks.open),
    total: num(tasks.total),
    overdue: deadlines(data.overdue),
    next: deadlines(data.next_deadlines)
  };
}

// src/cards/read_cards/tools/quotations.ts
function quotationsTable(data, format) {
  return {
    kind: "table",
    icon: "fa-file-text-o",
    title: _t("Quotations"),
    nameLabel: _t("Number"),
    columns: [{ label: _t("Customer") }, { label: _t("Date") }, { label: _t("Total"), numeric: true }, { label: _t("Status") }],
    rows: list(data.quotations).map((q) => ({
      record: ref("sale.order", q.id, str(q.name)),
      name: str(q.name),
      cells: [{ text: str(q.customer) }, { text: format.date(q.date) }, { text: format.amount(q.amount_total) }, badgeCell(quotationStatus(q.state, q.state_label))]
    })),
    more: more(data)
  };
}
function quotationLinesTable(data, format) {
  const total = num(data.amount_total);
  const status = quotationStatus(data.state, data.state_label);
  const name = str(data.name);
  return {
    kind: "table",
    icon: "fa-file-text-o",
    title: [name, str(data.customer), status?.label ?? ""].filter(Boolean).join(" · ") || _t("Quotation"),
    record: ref("sale.order", data.id, name),
    nameLabel: _t("Product"),
    columns: [{ label: _t("Quantity"), numeric: true }, { label: _t("Unit Price"), numeric: true }, { label: _t("Subtotal"), numeric: true }],
    rows: list(data.lines).map((line) => ({
      name: str(line.product),
      cells: [{ text: format.qty(line.quantity) }, { text: format.amount(line.price_unit) }, { text: format.amount(line.subtotal) }]
    })),
    more: false,
    ...total === null ? {} : { footer: `${_t("Total")}: ${format.amount(total)}` }
  };
}

// src/cards/read_cards/tools/tasks.ts
function tasksTable(data, format) {
  const tasks = list(data.tasks);
  const projects = new Set(tasks.map((task) => str(task.project)));
  const showProject = projects.size > 1 || tasks.length === 1 && Boolean(str(tasks[0].project));
  return {
    kind: "table",
    icon: "fa-tasks",
    title: !showProject && tasks.length && str(tasks[0].project) ? _t("Tasks of %s", str(tasks[0].project)) : _t("Tasks"),
    nameLabel: _t("Task"),
    columns: [...showProject ? [{ label: _t("Project") }] : [], { label: _t("Stage") }, { label: _t("Assignees") }, { label: _t("Deadline") }],
    rows: tasks.map((task) => ({
      record: ref("project.task", task.id, str(task.name)),
      name: str(task.name),
      cells: [
        ...showProject ? [{ text: str(task.project) }] : [],
        { text: str(task.stage) },
        { text: names(task.assignees) },
        { text: format.date(task.deadline), className: isPast(task.deadline, format.today) ? "text-danger" : "" }
      ]
    })),
    more: more(data)
  };
}
function taskChecklist(data, format) {
  if (!str(data.name)) {
    return void 0;
  }
  return {
    kind: "checklist",
    record: ref("project.task", data.id, str(data.name)),
    name: str(data.name),
    project: str(data.project),
    stage: str(data.stage),
    deadline: format.date(data.deadline),
    assignees: names(data.assignees),
    subtasks: list(data.subtasks).filter((task) => id(task.id)).map((task) => ({
      id: id(task.id),
      name: str(task.name),
      state: str(task.state),
      done: typeof task.done === "boolean" ? task.done : CLOSED_TASK_STATES.includes(str(task.state)),
      assignees: names(task.assignees),
      deadline: format.date(task.deadline)
    }))
  };
}
function checklistProgress(subtasks) {
  return { done: subtasks.filter((task) => task.done).length, total: subtasks.length };
}

// src/cards/read_cards/read_card_registry.ts
var READ_CARDS = /* @__PURE__ */ new Map([
  ["search_customers", customersTable],
  ["search_products", productsTable],
  ["get_stock", stockView],
  ["show_kit", kitTable],
  ["list_quotations", quotationsTable],
  ["get_quotation", quotationLinesTable],
  ["list_projects", projectsTable],
  ["project_summary", projectView],
  ["list_tasks", tasksTable],
  ["get_task", taskChecklist],
  ["list_documents", documentsList],
  ["ask_project", projectSources],
  ["list_tickets", ticketsTable],
  ["list_installations", installationsTable]
]);
function readCardView(card, options = {}) {
  if (!isObject2(card) || !isObject2(card.data)) {
    return void 0;
  }
  return READ_CARDS.get(card.tool)?.(card.data, cardFormat(options)) ?? factsView(card.data);
}

// src/cards/read_cards/stock_card.ts
import { Component as Component14, xml as xml14 } from "@odoo/owl";
var StockCard = class extends Component14 {
  static components = { CardHeader };
  static template = xml14`
    <section class="o_copilot_card o_copilot_read_card o_copilot_stock_card" t-att-class="{ 'o_copilot_low_stock': props.view.low }"
             t-att-aria-label="props.view.name">
      <CardHeader icon="'fa-cubes'" title="props.view.name" record="props.view.record">
        <span t-if="props.view.low" class="badge rounded-pill text-bg-danger o_copilot_status" t-esc="labels.low"/>
      </CardHeader>
      <div class="o_copilot_card_body">
        <div class="o_copilot_stock_figures">
          <div class="o_copilot_stock_figure">
            <div class="text-muted" t-esc="labels.onHand"/>
            <div class="o_copilot_stock_value o_copilot_stock_on_hand" t-att-class="{ 'text-danger': props.view.low }">
              <t t-esc="props.view.onHand"/> <small class="text-muted" t-esc="props.view.uom"/>
            </div>
          </div>
          <div class="o_copilot_stock_figure">
            <div class="text-muted" t-esc="labels.forecast"/>
            <div class="o_copilot_stock_value o_copilot_stock_forecast">
              <t t-esc="props.view.forecast"/> <small class="text-muted" t-esc="props.view.uom"/>
            </div>
          </div>
        </div>
      </div>
    </section>`;
  static props = { view: Object };
  get labels() {
    return { onHand: _t("On hand"), forecast: _t("Forecast"), low: _t("Low stock") };
  }
};

// src/cards/read_cards/table_card.ts
import { Component as Component16, xml as xml16 } from "@odoo/owl";

// src/cards/read_cards/record_table.ts
import { Component as Component15, xml as xml15 } from "@odoo/owl";
var RecordTable = class extends Component15 {
  static template = xml15`
    <div class="o_copilot_table_scroll">
      <table class="table table-sm o_copilot_read_table mb-0">
        <thead>
          <tr>
            <th scope="col" t-esc="props.view.nameLabel"/>
            <th t-foreach="props.view.columns" t-as="column" t-key="column_index" scope="col"
                t-att-class="{ 'text-end': column.numeric }" t-esc="column.label"/>
          </tr>
        </thead>
        <tbody>
          <tr t-foreach="props.view.rows" t-as="row" t-key="row_index" class="o_copilot_read_row" t-att-class="row.className">
            <td class="o_copilot_read_name">
              <a t-if="row.record" class="o_copilot_record_link" t-att-href="links.href(row.record)"
                 t-on-click="(ev) => links.open(row.record, ev)" t-esc="row.name"/>
              <a t-elif="row.url" class="o_copilot_record_link" t-att-href="row.url" target="_blank" rel="noopener" t-esc="row.name"/>
              <t t-else="" t-esc="row.name"/>
            </td>
            <td t-foreach="row.cells" t-as="cell" t-key="cell_index"
                t-att-class="(props.view.columns[cell_index] and props.view.columns[cell_index].numeric ? 'text-end ' : '') + (cell.className or '')">
              <span t-if="cell.badge" class="badge rounded-pill" t-att-class="cell.badge" t-esc="cell.text"/>
              <t t-elif="cell.progress !== undefined">
                <span class="o_copilot_progress" aria-hidden="true">
                  <span class="o_copilot_progress_bar bg-success" t-att-style="'width: ' + cell.progress + '%'"/>
                </span>
                <t t-esc="cell.text"/>
              </t>
              <t t-else="" t-esc="cell.text"/>
            </td>
          </tr>
        </tbody>
      </table>
    </div>`;
  static props = { view: Object };
  setup() {
    this.links = useRecordLinks();
  }
};

// src/cards/read_cards/table_card.ts
var TableCard = class extends Component16 {
  static components = { CardHeader, RecordTable };
  static template = xml16`
    <section class="o_copilot_card o_copilot_read_card o_copilot_table_card" t-att-class="'o_copilot_read_' + props.tool"
             t-att-aria-label="props.view.title">
      <CardHeader icon="props.view.icon" title="props.view.title" record="props.view.record"/>
      <div class="o_copilot_card_body">
        <div t-if="!props.view.rows.length" class="text-muted o_copilot_read_empty" t-esc="labels.empty"/>
        <RecordTable t-else="" view="props.view"/>
        <div t-if="props.view.footer" class="o_copilot_read_footer text-end fw-bold" t-esc="props.view.footer"/>
        <div t-if="props.view.more" class="o_copilot_read_more text-muted" t-esc="labels.more"/>
      </div>
    </section>`;
  static props = { view: Object, tool: String };
  get labels() {
    return { empty: _t("Nothing found."), more: _t("Only the first results are shown.") };
  }
};

// src/cards/read_cards/task_checklist_card.ts
import { Component as Component17, useState as useState3, xml as xml17 } from "@odoo/owl";
import { useService as useService4 } from "@web/core/utils/hooks";
function errorMessage(error) {
  const data = error?.data;
  if (typeof data?.message === "string" && data.message) {
    return data.message;
  }
  return error instanceof Error && error.message ? error.message : "";
}
var TaskChecklistCard = class _TaskChecklistCard extends Component17 {
  static components = { CardHeader };
  static template = xml17`
    <section class="o_copilot_card o_copilot_read_card o_copilot_checklist_card" t-att-aria-label="props.view.name">
      <CardHeader icon="'fa-check-square-o'" title="props.view.name" record="props.view.record">
        <span t-if="state.subtasks.length" class="badge rounded-pill text-bg-light o_copilot_status o_copilot_checklist_progress"
              t-esc="progressText"/>
      </CardHeader>
      <div class="o_copilot_card_body">
        <dl class="o_copilot_fields">
          <t t-if="props.view.project">
            <dt t-esc="labels.project"/>
            <dd t-esc="props.view.project"/>
          </t>
          <t t-if="props.view.stage">
            <dt t-esc="labels.stage"/>
            <dd t-esc="props.view.stage"/>
          </t>
          <t t-if="props.view.deadline">
            <dt t-esc="labels.deadline"/>
            <dd t-esc="props.view.deadline"/>
          </t>
          <t t-if="props.view.assignees">
            <dt t-esc="labels.assignees"/>
            <dd t-esc="props.view.assignees"/>
          </t>
        </dl>
        <div t-if="!state.subtasks.length" class="text-muted o_copilot_read_empty" t-esc="labels.none"/>
        <ul t-else="" class="list-unstyled mb-0 o_copilot_checklist">
          <li t-foreach="state.subtasks" t-as="task" t-key="task.id" class="o_copilot_checklist_item"
              t-att-class="{ 'o_copilot_checklist_done': task.done }">
            <div class="form-check mb-0">
              <input type="checkbox" class="form-check-input" t-att-id="'o_copilot_subtask_' + uid + '_' + task.id"
                     t-att-checked="task.done" t-att-disabled="state.pending[task.id] ? 'disabled' : false"
                     t-on-change="() => this.toggle(task)"/>
              <label class="form-check-label" t-att-for="'o_copilot_subtask_' + uid + '_' + task.id">
                <t t-esc="task.name"/>
              </label>
              <a class="o_copilot_record_link ms-1" t-att-href="links.href(subtaskRef(task))" t-att-title="labels.open"
                 t-att-aria-label="labels.open" t-on-click="(ev) => links.open(subtaskRef(task), ev)">
                <i class="fa fa-external-link" aria-hidden="true"/>
              </a>
              <span t-if="task.assignees or task.deadline" class="text-muted ms-1 o_copilot_checklist_meta">
                <t t-esc="meta(task)"/>
              </span>
            </div>
            <div t-if="state.errors[task.id]" class="text-danger o_copilot_checklist_error" role="alert">
              <i class="fa fa-exclamation-circle me-1" aria-hidden="true"/>
              <t t-esc="state.errors[task.id]"/>
            </div>
          </li>
        </ul>
      </div>
    </section>`;
  static props = { view: Object };
  setup() {
    this.links = useRecordLinks();
    this.orm = useService4("orm");
    this.uid = ++_TaskChecklistCard.seq;
    this.state = useState3({
      subtasks: this.props.view.subtasks.map((task) => ({ ...task })),
      pending: {},
      errors: {}
    });
  }
  static seq = 0;
  get progressText() {
    const { done, total } = checklistProgress(this.state.subtasks);
    return _t("%s/%s done", String(done), String(total));
  }
  /** "Marc · 3/5/2026". */
  meta(task) {
    return [task.assignees, task.deadline].filter(Boolean).join(" · ");
  }
  subtaskRef(task) {
    return { model: "project.task", id: task.id, name: task.name };
  }
  async toggle(task) {
    if (this.state.pending[task.id]) {
      return;
    }
    const before = { done: task.done, state: task.state };
    const done = !task.done;
    const values = { state: done ? DONE_STATE : REOPENED_STATE };
    task.done = done;
    task.state = values.state;
    this.state.pending[task.id] = true;
    delete this.state.errors[task.id];
    try {
      if (typeof this.orm.write === "function") {
        await this.orm.write("project.task", [task.id], values);
      } else {
        await this.orm.call("project.task", "write", [[task.id], values]);
      }
    } catch (error) {
      task.done = before.done;
      task.state = before.state;
      const message = errorMessage(error);
      this.state.errors[task.id] = message ? _t("Not saved: %s", message) : _t("Not saved. Try again.");
    } finally {
      delete this.state.pending[task.id];
    }
  }
  get labels() {
    return {
      project: _t("Project"),
      stage: _t("Stage"),
      deadline: _t("Deadline"),
      assignees: _t("Assignees"),
      none: _t("No sub-tasks."),
      open: _t("Open in Odoo")
    };
  }
};

// src/cards/read_cards/read_card.ts
var ReadCard = class extends Component18 {
  static components = { DocumentsCard, FactsCard, ProjectCard, StockCard, TableCard, TaskChecklistCard };
  static template = xml18`
    <t t-set="view" t-value="cardView"/>
    <t t-if="view">
      <TableCard t-if="view.kind === 'table'" view="view" tool="props.card.tool"/>
      <StockCard t-elif="view.kind === 'stock'" view="view"/>
      <ProjectCard t-elif="view.kind === 'project'" view="view"/>
      <TaskChecklistCard t-elif="view.kind === 'checklist'" view="view"/>
      <DocumentsCard t-elif="view.kind === 'documents'" view="view" tool="props.card.tool"/>
      <FactsCard t-elif="view.kind === 'facts'" view="view"/>
    </t>`;
  static props = { card: Object };
  get cardView() {
    try {
      return readCardView(this.props.card, { lang: currentUser(this.env).lang, numbers: numberFormat() });
    } catch {
      return void 0;
    }
  }
};

// src/projects/live_refresh.ts
var RECORD_CHANGED = "copilot/record_changed";
var PROJECT_LIST_MODELS = /* @__PURE__ */ new Set(["project.project", "project.task"]);
var REFRESH_DELAY_MS = 500;
function parseRecordChanged(payload) {
  if (!payload || typeof payload !== "object") {
    return null;
  }
  const { model, ids } = payload;
  if (typeof model !== "string") {
    return null;
  }
  return { model, ids: Array.isArray(ids) ? ids.filter((id2) => typeof id2 === "number") : [] };
}
function concernsProjectList(payload) {
  const change = parseRecordChanged(payload);
  return change !== null && PROJECT_LIST_MODELS.has(change.model);
}
var globalTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle)
};
function createLiveRefresh(refresh, delay = REFRESH_DELAY_MS, timers = globalTimers) {
  let handle = null;
  let disposed = false;
  return {
    notify(payload) {
      if (disposed || !concernsProjectList(payload)) {
        return;
      }
      if (handle !== null) {
        timers.clearTimeout(handle);
      }
      handle = timers.setTimeout(() => {
        handle = null;
        if (!disposed) {
          refresh();
        }
      }, delay);
    },
    dispose() {
      disposed = true;
      if (handle !== null) {
        timers.clearTimeout(handle);
        handle = null;
      }
    },
    get pending() {
      return handle !== null;
    }
  };
}

// src/cards/live_records.ts
var LIVE_FIELDS = {
  "sale.order": ["name", "state", "amount_total", "currency_id"],
  "project.task": ["name", "stage_id", "state", "date_deadline"],
  "project.project": ["name", "last_update_status"]
};
function recordKey(model, id2) {
  return `${model},${id2}`;
}
function watchedRecords(actions) {
  const watched = /* @__PURE__ */ new Map();
  for (const action of actions) {
    const record = action.record;
    if (action.status !== "done" || !record || !(record.model in LIVE_FIELDS) || typeof record.id !== "number") {
      continue;
    }
    let ids = watched.get(record.model);
    if (!ids) {
      ids = /* @__PURE__ */ new Set();
      watched.set(record.model, ids);
    }
    ids.add(record.id);
  }
  return watched;
}
function concernedRecords(payload, watched) {
  const change = parseRecordChanged(payload);
  const shown2 = change && watched.get(change.model);
  if (!change || !shown2) {
    return null;
  }
  const ids = [...new Set(change.ids)].filter((id2) => shown2.has(id2));
  return ids.length ? { model: change.model, ids } : null;
}
function mergeReads(into, concerned) {
  let ids = into.get(concerned.model);
  if (!ids) {
    ids = /* @__PURE__ */ new Set();
    into.set(concerned.model, ids);
  }
  for (const id2 of concerned.ids) {
    ids.add(id2);
  }
}
function readCall(model, ids) {
  return [
    model,
    "search_read",
    [],
    { domain: [["id", "in", ids]], fields: [...LIVE_FIELDS[model] ?? ["name"]], context: { active_test: false } }
  ];
}
var LIVE_STATE_FIELD = {
  "sale.order": "state",
  "project.task": "state",
  "project.project": "last_update_status"
};
var TASK_STATES_SHOWN = /* @__PURE__ */ new Set(["1_done", "1_canceled"]);
function many2oneName(value) {
  return Array.isArray(value) && typeof value[1] === "string" ? value[1] : "";
}
function liveLabel(model, record, options = {}) {
  const parts = [];
  const name = typeof record.name === "string" ? record.name : "";
  const label = (value) => typeof value === "string" && value ? options.labels?.[value] ?? value : "";
  if (name && options.shownName !== void 0 && name !== options.shownName) {
    parts.push(name);
  }
  switch (model) {
    case "sale.order": {
      parts.push(label(record.state));
      if (typeof record.amount_total === "number") {
        const currency = options.currency ? { symbol: options.currency.symbol, position: options.currency.position } : { symbol: many2oneName(record.currency_id), position: "after" };
        parts.push(formatMoney(record.amount_total, currency, options.format));
      }
      break;
    }
    case "project.task": {
      parts.push(many2oneName(record.stage_id), typeof record.state === "string" && TASK_STATES_SHOWN.has(record.state) ? label(record.state) : "");
      if (typeof record.date_deadline === "string" && record.date_deadline) {
        const day = record.date_deadline.slice(0, 10);
        parts.push(_t("Due %s", options.formatDate ? options.formatDate(day) : day));
      }
      break;
    }
    case "project.project":
      parts.push(record.last_update_status === "to_define" ? "" : label(record.last_update_status));
      break;
  }
  const shown2 = [...new Set(parts.filter(Boolean))];
  return (shown2.length ? shown2 : [name]).join(" · ");
}

// src/cards/use_live_records.ts
import { onWillUnmount as onWillUnmount2, useState as useState4 } from "@odoo/owl";
import { useService as useService5 } from "@web/core/utils/hooks";

// ../../agent-service/src/odoo/selection-labels.ts
var TTL_MS = 10 * 6e4;
function selectionMap(selection) {
  return Object.fromEntries(
    (Array.isArray(selection) ? selection : []).filter((pair) => Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string")
  );
}

// src/odoo/selection_labels.ts
var cache = /* @__PURE__ */ new Map();
function selectionLabels(orm, model, field) {
  const key2 = `${model}.${field}`;
  let labels = cache.get(key2);
  if (!labels) {
    labels = orm.call(model, "fields_get", [[field]], { attributes: ["selection"] }).then((fields) => selectionMap(fields?.[field]?.selection)).catch(() => {
      cache.delete(key2);
      return {};
    });
    cache.set(key2, labels);
  }
  return labels;
}

// src/projects/projects.ts
var PROJECT_MODEL = "project.project";
var PROJECT_FIELDS = ["name", "task_completion_percentage", "date", "open_task_count", "last_update_status"];
var LIMIT = 40;
function numberOrNull(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function toProjectItem(record, statusLabels = {}) {
  const ratio = numberOrNull(record.task_completion_percentage);
  const status = typeof record.last_update_status === "string" ? record.last_update_status : null;
  return {
    id: Number(record.id),
    name: typeof record.name === "string" ? record.name : String(record.display_name ?? `#${record.id}`),
    progress: ratio === null ? null : Math.max(0, Math.min(100, Math.round(ratio * 100))),
    deadline: typeof record.date === "string" && /^\d{4}-\d{2}-\d{2}/.test(record.date) ? record.date.slice(0, 10) : null,
    openTasks: numberOrNull(record.open_task_count),
    status: status && status !== "to_define" ? status : null,
    ...status && statusLabels[status] ? { statusLabel: statusLabels[status] } : {}
  };
}
function localDay(now2 = /* @__PURE__ */ new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now2.getFullYear()}-${pad(now2.getMonth() + 1)}-${pad(now2.getDate())}`;
}
function isOverdue(project, today = localDay()) {
  return Boolean(project.deadline && project.deadline < today && project.status !== "done");
}
function formatDeadline(date, lang) {
  const [year, month, day] = date.split("-").map(Number);
  try {
    return new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric" }).format(new Date(year, month - 1, day));
  } catch {
    return date;
  }
}
function projectStatusBadge(status, label) {
  return projectStatus(status, label) ?? null;
}
async function loadProjects(orm, options = {}) {
  if (isAppInstalled("project") === false) {
    return { state: "unavailable" };
  }
  let available;
  try {
    available = await orm.call(PROJECT_MODEL, "fields_get", [[...PROJECT_FIELDS]], { attributes: ["type", "selection"] });
  } catch (error) {
    if (isUnknownModel(error)) {
      return { state: "unavailable" };
    }
    throw error;
  }
  const fields = PROJECT_FIELDS.filter((field) => field in (available ?? {}));
  const domain = options.mine && options.uid ? [["user_id", "=", options.uid]] : [];
  const records = await orm.call(PROJECT_MODEL, "search_read", [], { domain, fields, limit: LIMIT });
  const selection = available?.last_update_status?.selection;
  return { state: "ready", projects: (records ?? []).map((record) => toProjectItem(record, selectionMap(selection))) };
}
function isUnknownModel(error) {
  const data = error?.data;
  const text = `${data?.message ?? ""} ${error?.message ?? ""}`;
  return /KeyError|doesn't exist|does not exist|n'existe pas/i.test(`${data?.name ?? ""} ${text}`) && /project\.project/.test(text);
}

// src/cards/use_live_records.ts
function optionalService(name) {
  try {
    return useService5(name);
  } catch {
    return void 0;
  }
}
function* storeActions(store2) {
  for (const message of store2.messages) {
    yield* message.actions ?? [];
  }
}
function cardCurrency(actions, model, id2) {
  for (const action of actions) {
    if (action.record?.model !== model || action.record.id !== id2) {
      continue;
    }
    const preview = action.preview;
    const currency = preview?.currency ?? preview?.totals?.currency;
    if (currency?.symbol) {
      return currency;
    }
  }
  return void 0;
}
function useLiveRecords(store2, lang, delay = REFRESH_DELAY_MS) {
  const live = useState4({});
  const orm = optionalService("orm");
  const bus = useBusService();
  const toRead = /* @__PURE__ */ new Map();
  let timer;
  let disposed = false;
  async function readModel(model, ids) {
    const [name, method, args, kwargs] = readCall(model, ids);
    let records;
    let labels;
    try {
      [records, labels] = await Promise.all([
        orm.call(name, method, args, kwargs).then((rows) => rows ?? []),
        LIVE_STATE_FIELD[model] ? selectionLabels(orm, model, LIVE_STATE_FIELD[model]) : Promise.resolve({})
      ]);
    } catch {
      return;
    }
    if (disposed) {
      return;
    }
    const actions = [...storeActions(store2)];
    const format = numberFormat();
    for (const id2 of ids) {
      const record = records.find((candidate) => candidate.id === id2);
      const shown2 = actions.find((action) => action.record?.model === model && action.record.id === id2)?.record?.name;
      live[recordKey(model, id2)] = record ? {
        deleted: false,
        label: liveLabel(model, record, {
          shownName: shown2,
          currency: cardCurrency(actions, model, id2),
          format,
          labels,
          formatDate: (date) => formatDeadline(date, lang())
        })
      } : { deleted: true, label: "" };
    }
  }
  function flush() {
    timer = void 0;
    const reads = [...toRead].map(([model, ids]) => [model, [...ids].sort((a, b) => a - b)]);
    toRead.clear();
    for (const [model, ids] of reads) {
      void readModel(model, ids);
    }
  }
  if (orm && bus) {
    const stop = subscribeBus(bus, RECORD_CHANGED, (payload) => {
      const concerned = disposed ? null : concernedRecords(payload, watchedRecords(storeActions(store2)));
      if (!concerned) {
        return;
      }
      mergeReads(toRead, concerned);
      clearTimeout(timer);
      timer = setTimeout(flush, delay);
    });
    onWillUnmount2(() => {
      disposed = true;
      clearTimeout(timer);
      stop();
    });
  }
  return live;
}

// src/copy_button/copy_button.ts
import { Component as Component19, onWillUnmount as onWillUnmount3, useState as useState5, xml as xml19 } from "@odoo/owl";
var FEEDBACK_MS = 1500;
async function writeClipboard(text) {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
var CopyButton = class extends Component19 {
  static template = xml19`
    <button type="button" class="btn btn-link btn-sm o_copilot_copy"
            t-att-class="{ 'o_copilot_copied': state.copied }"
            t-att-aria-label="labels.copy" t-att-title="labels.copy" t-on-click="copy">
      <i class="fa" t-att-class="state.copied ? 'fa-check' : 'fa-clone'" aria-hidden="true"/>
      <span t-if="state.copied" class="ms-1" role="status" t-esc="labels.copied"/>
    </button>`;
  static props = { text: String };
  setup() {
    this.state = useState5({ copied: false });
    this.timer = void 0;
    onWillUnmount3(() => clearTimeout(this.timer));
  }
  get labels() {
    return { copy: _t("Copy"), copied: _t("Copied") };
  }
  async copy() {
    if (await writeClipboard(this.props.text)) {
      this.state.copied = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.state.copied = false, FEEDBACK_MS);
    }
  }
};

// src/markdown/markdown.ts
var ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}
function unescapeHtml(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}
function safeHref(escapedUrl) {
  const url = safeUrl(unescapeHtml(escapedUrl));
  return url === null ? null : escapeHtml(url);
}
var HOLE = "\0";
var HOLE_RE = /\u0000(\d+)\u0000/g;
var Holes = class {
  parts = [];
  hold(html) {
    this.parts.push(html);
    return `${HOLE}${this.parts.length - 1}${HOLE}`;
  }
  fill(text) {
    let result = text;
    for (let depth = 0; depth < 5 && result.includes(HOLE); depth++) {
      result = result.replace(HOLE_RE, (_match, index) => this.parts[Number(index)] ?? "");
    }
    return result;
  }
};
var CODE_SPAN_RE = /(`+)([\s\S]*?[^`])\1(?!`)/g;
var LINK_RE = /!?\[([^\]\n]*)\]\(\s*([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+&quot;[^\n]*?&quot;)?\s*\)/g;
var AUTOLINK_RE = /\bhttps?:\/\/(?:(?!&lt;|&gt;|&quot;|&#39;)[^\s\u0000])+/g;
function renderLink(label, href, holes) {
  if (href === null) {
    return label;
  }
  const external = /^https?:/i.test(href);
  const attributes = external ? ' target="_blank" rel="noopener noreferrer"' : "";
  return holes.hold(`<a href="${href}"${attributes}>${label}</a>`);
}
function emphasis(text) {
  return text.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>").replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, "$1<strong>$2</strong>").replace(/~~(?=\S)([\s\S]*?\S)~~/g, "<del>$1</del>").replace(/(^|[^*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?!\*)/g, "$1<em>$2</em>").replace(/(^|[^\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/g, "$1<em>$2</em>");
}
function renderInline(escaped) {
  const holes = new Holes();
  let text = escaped.replace(CODE_SPAN_RE, (_match, _ticks, code) => {
    const trimmed = /^ .* $/.test(code) ? code.slice(1, -1) : code;
    return holes.hold(`<code>${trimmed}</code>`);
  });
  text = text.replace(LINK_RE, (_match, label, url) => {
    const href = safeHref(url);
    if (href !== null && /^https?:/i.test(href) && label && label !== url) {
      return `${emphasis(label)} (${renderLink(url, href, holes)})`;
    }
    return renderLink(emphasis(label || url), href, holes);
  });
  text = text.replace(AUTOLINK_RE, (match) => {
    const url = match.replace(/[.,;:!?)\]]+$/, "");
    return renderLink(url, safeHref(url), holes) + match.slice(url.length);
  });
  return holes.fill(emphasis(text));
}
var FENCE_RE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)[^`]*$/;
var HEADING_RE = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
var RULE_RE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
var QUOTE_RE = /^ {0,3}&gt; ?/;
var LIST_RE = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)(.*)$/;
var TABLE_SEPARATOR_RE = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
function isBlank(line) {
  return line.trim() === "";
}
function indentOf(line) {
  return (/^\s*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}
function isTableStart(lines, index) {
  const header = lines[index];
  const separator = lines[index + 1];
  return header !== void 0 && separator !== void 0 && header.includes("|") && separator.includes("-") && (separator.includes("|") || header.trim().startsWith("|")) && TABLE_SEPARATOR_RE.test(separator);
}
function startsBlock(lines, index) {
  const line = lines[index] ?? "";
  return FENCE_RE.test(line) || HEADING_RE.test(line) || RULE_RE.test(line) || QUOTE_RE.test(line) || LIST_RE.test(line) || isTableStart(lines, index);
}
function splitRow(line) {
  let row = line.trim();
  if (row.startsWith("|")) {
    row = row.slice(1);
  }
  if (row.endsWith("|") && !row.endsWith("\\|")) {
    row = row.slice(0, -1);
  }
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}
function renderTable(lines) {
  const [headerLine = "", separatorLine = "", ...bodyLines] = lines;
  const header = splitRow(headerLine);
  const aligns = splitRow(separatorLine).map((cell2) => {
    const left = cell2.startsWith(":");
    const right = cell2.endsWith(":");
    return left && right ? "text-center" : right ? "text-end" : left ? "text-start" : "";
  });
  const cell = (tag, content, column) => {
    const align = aligns[column];
    const classAttribute = align ? ' class="' + align + '"' : "";
    return `<${tag}${classAttribute}>${renderInline(content)}</${tag}>`;
  };
  const head = header.map((content, column) => cell("th", content, column)).join("");
  const body = bodyLines.map((line) => {
    const cells = splitRow(line);
    const row = header.map((_unused, column) => cell("td", cells[column] ?? "", column));
    return `<tr>${row.join("")}</tr>`;
  }).join("");
  const tbody = body ? "<tbody>" + body + "</tbody>" : "";
  return `<div class="o_copilot_md_table"><table class="table table-sm table-bordered"><thead><tr>${head}</tr></thead>${tbody}</table></div>`;
}
function renderList(lines, start) {
  const first = LIST_RE.exec(lines[start] ?? "");
  if (!first) {
    return { html: "", next: start + 1 };
  }
  const indent = indentOf(first[1] ?? "");
  const ordered = /\d/.test(first[2] ?? "");
  const items = [];
  let i = start;
  while (i < lines.length) {
    const match = LIST_RE.exec(lines[i] ?? "");
    if (!match || indentOf(match[1] ?? "") !== indent || /\d/.test(match[2] ?? "") !== ordered) {
      break;
    }
    const contentIndent = indent + (match[2] ?? "").length + Math.min((match[3] ?? " ").length, 4);
    const item = { lines: [match[4] ?? ""], loose: false };
    i++;
    while (i < lines.length) {
      const line = lines[i] ?? "";
      if (isBlank(line)) {
        let next2 = i + 1;
        while (next2 < lines.length && isBlank(lines[next2] ?? "")) {
          next2++;
        }
        const following2 = lines[next2];
        if (following2 !== void 0 && indentOf(following2) > indent) {
          item.lines.push("");
          item.loose = true;
          i = next2;
          continue;
        }
        break;
      }
      const lineIndent = indentOf(line);
      if (lineIndent <= indent && LIST_RE.test(line)) {
        break;
      }
      if (lineIndent > indent) {
        item.lines.push(line.replace(/\t/g, "    ").slice(Math.min(lineIndent, contentIndent)));
        i++;
        continue;
      }
      if (!startsBlock(lines, i)) {
        item.lines.push(line.trim());
        i++;
        continue;
      }
      break;
    }
    items.push(item);
    let next = i;
    while (next < lines.length && isBlank(lines[next] ?? "")) {
      next++;
    }
    const following = LIST_RE.exec(lines[next] ?? "");
    if (next > i && following && indentOf(following[1] ?? "") === indent) {
      i = next;
    }
  }
  const tag = ordered ? "ol" : "ul";
  const startNumber = ordered ? Number.parseInt(first[2] ?? "1", 10) : 1;
  const startAttribute = ordered && startNumber !== 1 ? ` start="${startNumber}"` : "";
  const body = items.map((item) => `<li>${renderBlocks(item.lines, !item.loose)}</li>`).join("");
  return { html: `<${tag}${startAttribute}>${body}</${tag}>`, next: i };
}
function renderBlocks(lines, tight = false) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE_RE.exec(line);
    if (fence) {
      const marker = fence[1] ?? "```";
      const language = fence[2] ?? "";
      const body = [];
      i++;
      while (i < lines.length) {
        const current = lines[i] ?? "";
        const trimmed = current.trim();
        if (trimmed.startsWith(marker[0] ?? "`") && /^(`{3,}|~{3,})$/.test(trimmed) && trimmed.length >= marker.length) {
          i++;
          break;
        }
        body.push(current);
        i++;
      }
      const languageClass = language ? ` class="language-${language.replace(/[^\w+#.-]/g, "")}"` : "";
      out.push(`<pre><code${languageClass}>${body.join("\n")}</code></pre>`);
      continue;
    }
    const heading = HEADING_RE.exec(line);
    if (heading) {
      const level = Math.min((heading[1] ?? "#").length + 2, 6);
      out.push(`<h${level}>${renderInline(heading[2] ?? "")}</h${level}>`);
      i++;
      continue;
    }
    if (RULE_RE.test(line)) {
      out.push("<hr/>");
      i++;
      continue;
    }
    if (QUOTE_RE.test(line)) {
      const quoted = [];
      while (i < lines.length && QUOTE_RE.test(lines[i] ?? "")) {
        quoted.push((lines[i] ?? "").replace(QUOTE_RE, ""));
        i++;
      }
      out.push(`<blockquote>${renderBlocks(quoted)}</blockquote>`);
      continue;
    }
    if (isTableStart(lines, i)) {
      const rows = [line, lines[i + 1] ?? ""];
      i += 2;
      while (i < lines.length && !isBlank(lines[i] ?? "") && (lines[i] ?? "").includes("|")) {
        rows.push(lines[i] ?? "");
        i++;
      }
      out.push(renderTable(rows));
      continue;
    }
    if (LIST_RE.test(line)) {
      const list2 = renderList(lines, i);
      out.push(list2.html);
      i = list2.next;
      continue;
    }
    const paragraph = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i] ?? "") && !startsBlock(lines, i)) {
      paragraph.push((lines[i] ?? "").trim());
      i++;
    }
    const html = paragraph.map(renderInline).join("<br/>");
    out.push(tight ? html : `<p>${html}</p>`);
  }
  return out.join("");
}
function renderMarkdown(source) {
  const normalized = String(source ?? "").replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
  return renderBlocks(escapeHtml(normalized).split("\n"));
}

// src/markdown/strip_tables.ts
var FENCE_RE2 = /^\s*(```|~~~)/;
function withoutTables(source) {
  const lines = String(source ?? "").replace(/\r\n?/g, "\n").split("\n");
  const out = [];
  let fence = null;
  let removed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const opening = FENCE_RE2.exec(line)?.[1];
    if (fence) {
      if (opening === fence) {
        fence = null;
      }
      out.push(line);
      continue;
    }
    if (opening) {
      fence = opening;
      out.push(line);
      continue;
    }
    if (isTableStart(lines, i)) {
      i += 2;
      while (i < lines.length && (lines[i] ?? "").trim() !== "" && (lines[i] ?? "").includes("|")) {
        i++;
      }
      i--;
      removed = true;
      continue;
    }
    out.push(line);
  }
  return removed ? out.join("\n").replace(/\n{3,}/g, "\n\n").trim() : String(source ?? "");
}

// src/store/describe_error.ts
function describeError(error) {
  if (error instanceof RpcError) {
    if (error.isSessionExpired) {
      return _t("Your Odoo session has expired. Reload the page to sign in again.");
    }
    if (error.isMissingRoute) {
      return _t("This needs a newer version of the Copilot module on this Odoo server. Ask your administrator to upgrade it.");
    }
    switch (error.kind) {
      case "server":
        return error.message;
      case "network":
        return _t("Odoo cannot be reached. Check your connection and try again.");
      case "http":
        return _t("The Copilot route answered with an unexpected error (HTTP %s).", error.status ?? 0);
    }
  }
  return _t("Something went wrong: %s", error instanceof Error ? error.message : String(error));
}

// src/store/actions.ts
function applyAction(messages, action) {
  let found = false;
  for (const message of messages) {
    const actions = message.actions;
    if (!actions) {
      continue;
    }
    const index = actions.findIndex((candidate) => candidate.id === action.id);
    if (index !== -1) {
      actions[index] = action;
      found = true;
    }
  }
  return found;
}
async function runAction(store2, actionId, request) {
  if (store2.actionRequests[actionId]) {
    return;
  }
  const conversation = store2.conversation;
  store2.actionRequests[actionId] = request;
  delete store2.actionErrors[actionId];
  try {
    const { action } = request === "confirm" ? await store2.api.confirmAction(actionId) : await store2.api.rejectAction(actionId);
    if (conversation === store2.conversation) {
      applyAction(store2.messages, action);
    }
  } catch (error) {
    if (conversation === store2.conversation) {
      store2.actionErrors[actionId] = describeError(error);
    }
  } finally {
    if (conversation === store2.conversation) {
      delete store2.actionRequests[actionId];
    }
  }
}
async function reviseAction(store2, actionId, quantities) {
  if (store2.actionRequests[actionId]) {
    return { revised: false, error: "" };
  }
  const conversation = store2.conversation;
  store2.actionRequests[actionId] = "revise";
  delete store2.actionErrors[actionId];
  try {
    const { action } = await store2.api.reviseAction(actionId, quantities);
    if (conversation === store2.conversation) {
      applyAction(store2.messages, action);
    }
    return { revised: true, error: "" };
  } catch (error) {
    return { revised: false, error: describeError(error) };
  } finally {
    if (conversation === store2.conversation) {
      delete store2.actionRequests[actionId];
    }
  }
}
async function undoAction(store2, actionId) {
  if (store2.undoStates[actionId]?.state === "running") {
    return;
  }
  const conversation = store2.conversation;
  store2.undoStates[actionId] = { state: "running", message: "" };
  let state;
  try {
    const { undone, message } = await store2.api.undoAction(actionId);
    state = undone ? { state: "undone", message: message || _t("Undone.") } : { state: "refused", message: message || _t("This change cannot be undone.") };
  } catch (error) {
    const refused = error instanceof RpcError && error.kind === "server" && /UserError/.test(error.data?.name ?? "");
    state = { state: refused ? "refused" : "error", message: describeError(error) };
  }
  if (conversation === store2.conversation) {
    store2.undoStates[actionId] = state;
  }
}

// src/store/privacy.ts
async function loadMemories(store2) {
  store2.memoriesState = "loading";
  store2.memoriesError = "";
  try {
    const { memories } = await store2.api.memories();
    store2.memories = memories ?? [];
    store2.memoriesState = "ready";
  } catch (error) {
    store2.memoriesState = "error";
    store2.memoriesError = describeError(error);
  }
}
async function deleteMemory(store2, memoryId) {
  if (store2.memoryRequests[memoryId]) {
    return false;
  }
  store2.memoryRequests[memoryId] = true;
  store2.memoriesError = "";
  try {
    await store2.api.deleteMemory(memoryId);
    store2.memories = store2.memories.filter((memory) => memory.id !== memoryId);
    return true;
  } catch (error) {
    store2.memoriesError = describeError(error);
    return false;
  } finally {
    delete store2.memoryRequests[memoryId];
  }
}
async function exportHistory(store2) {
  if (store2.historyRequest) {
    return void 0;
  }
  store2.historyRequest = "export";
  store2.historyError = "";
  store2.historyNotice = "";
  try {
    return await store2.api.exportHistory();
  } catch (error) {
    store2.historyError = describeError(error);
    return void 0;
  } finally {
    store2.historyRequest = "";
  }
}
async function deleteHistory(store2) {
  if (store2.historyRequest) {
    return false;
  }
  store2.historyRequest = "delete";
  store2.historyError = "";
  store2.historyNotice = "";
  try {
    await store2.api.deleteHistory();
    store2.newConversation();
    store2.sessions = [];
    store2.memories = [];
    store2.historyNotice = _t("Your conversations and memories were deleted.");
    return true;
  } catch (error) {
    store2.historyError = describeError(error);
    return false;
  } finally {
    store2.historyRequest = "";
  }
}

// src/odoo/screen.ts
import { onMounted as onMounted2, onWillUnmount as onWillUnmount4 } from "@odoo/owl";
import { registry } from "@web/core/registry";
var SCREEN_MAX_IDS = 20;
function shown() {
  return registry.category("copilot").get("screen", void 0);
}
function screenKey(screen) {
  return `${screen.model}:${screen.ids.join(",")}`;
}
function describeScreen(action) {
  const state = shown();
  let controller;
  try {
    controller = (action ?? state?.action)?.currentController ?? void 0;
  } catch {
    return void 0;
  }
  if (!controller || !state || controller.action?.type !== "ir.actions.act_window") {
    return void 0;
  }
  const model = controller.props?.resModel ?? controller.action.res_model;
  const viewType = controller.view?.type;
  if (!model) {
    return void 0;
  }
  const mine = (list2) => [...list2].reverse().find((entry) => entry.model?.root?.resModel === model)?.model?.root;
  let ids = [];
  if (viewType === "form") {
    ids = [mine(state.form)?.resId];
  } else if (viewType === "list") {
    ids = (mine(state.list)?.selection ?? []).map((record) => record.resId);
  }
  const valid = ids.filter((id2) => Number.isInteger(id2) && id2 > 0).slice(0, SCREEN_MAX_IDS);
  if (!valid.length) {
    return void 0;
  }
  const name = String(controller.displayName || controller.action.display_name || controller.action.name || model);
  return {
    model,
    ids: valid,
    key: screenKey({ model, ids: valid }),
    name,
    ...viewType === "list" ? { selected: ids.length } : {}
  };
}

// src/store/turn_events.ts
function applyTurnEvent(store2, turn, event) {
  if (turn.conversation !== store2.conversation || turn.ended) {
    return;
  }
  const { reply } = turn;
  switch (event.type) {
    case "start":
      turn.sessionId = event.session_id;
      store2.sessionId = event.session_id;
      store2.openState?.saveSession?.(event.session_id);
      turn.user.pending = false;
      break;
    case "text":
      if (turn.newParagraph && reply.content && event.text) {
        reply.content += "\n\n";
      }
      turn.newParagraph = false;
      reply.content += event.text;
      break;
    case "tool": {
      const steps = reply.steps ??= [];
      const label = event.label ? { label: event.label } : {};
      if (event.status === "started") {
        steps.push({ tool: event.tool, status: "running", ...label });
        turn.newParagraph = true;
        break;
      }
      const running = [...steps].reverse().find((step) => step.tool === event.tool && step.status === "running");
      if (running) {
        running.status = event.status;
        if (event.label) running.label = event.label;
      } else {
        steps.push({ tool: event.tool, status: event.status, ...label });
      }
      break;
    }
    case "action":
      upsertAction(reply, event.action);
      break;
    case "card":
      (reply.cards ??= []).push(event.card);
      break;
    case "done":
      turn.ended = true;
      applyResult(store2, turn, event.result);
      break;
    case "error":
      turn.ended = true;
      turn.error = event.message || _t("The Copilot service could not answer. Try again.");
      break;
  }
}
function applyResult(store2, turn, result) {
  const { reply } = turn;
  if (result.session_id) {
    store2.sessionId = result.session_id;
    store2.openState?.saveSession?.(result.session_id);
  }
  if (result.message_id) {
    reply.id = result.message_id;
  }
  reply.content = result.reply || (result.stopped ? reply.content : "");
  reply.actions = result.actions ?? reply.actions ?? [];
  reply.stopped = Boolean(result.stopped);
  if (Array.isArray(result.cards)) {
    reply.cards = result.cards;
  }
  if (result.choices?.length) {
    reply.choices = result.choices;
  }
}
function upsertAction(message, action) {
  const actions = message.actions ??= [];
  const index = actions.findIndex((candidate) => candidate.id === action.id);
  if (index === -1) {
    actions.push(action);
  } else {
    actions[index] = action;
  }
}

// src/store/turn.ts
var STOP_GRACE_MS = 2e3;
function turnContext(project, screen) {
  if (!project && !screen) {
    return void 0;
  }
  return { ...project ? { project: { id: project.id, name: project.name } } : {}, ...screen ? { screen: { model: screen.model, ids: screen.ids } } : {} };
}
function screenToSend(store2) {
  const screen = store2.screen?.();
  return screen && screenKey(screen) !== store2.ignoredScreen ? screen : void 0;
}
function newClientMessageId() {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return "cm_" + Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
function now() {
  return (/* @__PURE__ */ new Date()).toISOString();
}
async function send(store2, text) {
  const trimmed = text.trim();
  if (!trimmed || store2.isBusy) {
    return false;
  }
  const id2 = `local_${++store2.localSeq}`;
  const context = turnContext(store2.projectContext, screenToSend(store2));
  store2.messages.push({ id: id2, role: "user", content: trimmed, created_at: now(), ...context ? { context } : {} });
  store2.draft = "";
  await deliver(store2, id2);
  return true;
}
async function retry(store2, messageId) {
  const index = store2.messages.findIndex((message2) => message2.id === messageId);
  const message = store2.messages[index];
  if (!message?.error || store2.isBusy) {
    return;
  }
  store2.messages.splice(index, 1);
  store2.messages.push(message);
  await deliver(store2, messageId);
}
async function regenerate(store2) {
  if (!store2.canRegenerate) {
    return false;
  }
  const question = [...store2.messages].reverse().find((message) => message.role === "user");
  const id2 = `local_${++store2.localSeq}`;
  store2.messages.push({ id: id2, role: "user", content: question.content, created_at: now(), ...question.context ? { context: question.context } : {} });
  await deliver(store2, id2);
  return true;
}
async function resume(store2, running) {
  if (store2.sending) {
    return;
  }
  const user = { id: `local_${++store2.localSeq}`, role: "user", content: running.message, created_at: now() };
  store2.messages.push(user);
  await receive(store2, user, (onEvent, signal) => store2.api.followTurn(running.turn_id, 0, onEvent, signal));
}
async function deliver(store2, messageId) {
  const user = store2.messages.find((candidate) => candidate.id === messageId);
  if (!user) {
    return;
  }
  user.pending = true;
  delete user.error;
  user.clientMessageId ??= newClientMessageId();
  await receive(
    store2,
    user,
    (onEvent, signal) => store2.api.chatStream(
      {
        ...store2.sessionId ? { session_id: store2.sessionId } : {},
        message: user.content,
        client_message_id: user.clientMessageId,
        ...user.context ? { context: user.context } : {}
      },
      onEvent,
      signal
    )
  );
}
async function receive(store2, user, stream) {
  store2.messages.push({
    id: `local_reply_${++store2.localSeq}`,
    role: "assistant",
    content: "",
    created_at: now(),
    actions: [],
    steps: [],
    streaming: true
  });
  const turn = {
    conversation: store2.conversation,
    user,
    reply: store2.messages[store2.messages.length - 1],
    sessionId: store2.sessionId,
    controller: new AbortController(),
    stopRequested: false,
    ended: false,
    error: "",
    newParagraph: false,
    stopTimer: void 0
  };
  store2.sending = true;
  store2.stopping = false;
  store2.stopRunning = () => requestStop(store2, turn);
  try {
    await stream((event) => applyTurnEvent(store2, turn, event), turn.controller.signal);
    if (!turn.ended && !turn.stopRequested) {
      turn.error = _t("The connection was lost before the answer was complete.");
    }
  } catch (error) {
    if (!turn.stopRequested) {
      turn.error = describeError(error);
    }
  } finally {
    clearTimeout(turn.stopTimer);
    endTurn(store2, turn);
  }
}
async function requestStop(store2, turn) {
  if (turn.stopRequested || turn.conversation !== store2.conversation) {
    return;
  }
  turn.stopRequested = true;
  store2.stopping = true;
  turn.reply.stopped = true;
  if (!turn.sessionId) {
    turn.controller.abort();
    return;
  }
  try {
    await store2.api.stop(turn.sessionId);
  } catch {
  }
  if (!turn.ended) {
    turn.stopTimer = setTimeout(() => turn.controller.abort(), store2.stopGraceMs);
  }
}
function endTurn(store2, turn) {
  if (turn.conversation !== store2.conversation) {
    return;
  }
  const { user, reply } = turn;
  store2.sending = false;
  store2.stopping = false;
  store2.stopRunning = null;
  user.pending = false;
  reply.streaming = false;
  delete reply.steps;
  if (turn.error) {
    user.error = turn.error;
    reply.stopped = false;
    if (!reply.actions?.length) {
      const index = store2.messages.findIndex((message) => message.id === reply.id);
      if (index !== -1) {
        store2.messages.splice(index, 1);
      }
    }
  } else if (!turn.ended) {
    reply.stopped = true;
  }
  if (store2.sessionsState !== "idle" || !turn.error && !store2.sessionTitle) {
    void store2.loadSessions();
  }
}

// src/store/conversations.ts
function mostRecentSession(sessions) {
  let latest;
  for (const session of sessions) {
    if (!latest || (session.updated_at || "") > (latest.updated_at || "")) {
      latest = session;
    }
  }
  return latest;
}
async function loadLastSession(store2) {
  const conversation = store2.conversation;
  store2.loadState = "loading";
  store2.loadError = "";
  try {
    const { sessions } = await store2.api.sessions();
    const remembered = store2.openState?.loadSession?.();
    const latest = (sessions ?? []).find((session) => session.id === remembered) ?? mostRecentSession(sessions ?? []);
    const history = latest ? await store2.api.messages(latest.id) : void 0;
    if (conversation !== store2.conversation) {
      return;
    }
    if (latest && history) {
      store2.sessionId = latest.id;
      store2.sessionTitle = latest.title;
      store2.messages = history.messages ?? [];
      store2.openState?.saveSession?.(latest.id);
    }
    store2.loadState = "ready";
    if (history?.running_turn) {
      void resume(store2, history.running_turn);
    }
  } catch (error) {
    if (conversation === store2.conversation) {
      store2.loadState = "error";
      store2.loadError = describeError(error);
    }
  }
}
function newConversation(store2) {
  store2.conversation++;
  store2.sessionId = null;
  store2.sessionTitle = "";
  store2.openState?.saveSession?.(null);
  store2.messages = [];
  store2.stopRunning = null;
  store2.sending = false;
  store2.stopping = false;
  store2.loadState = "ready";
  store2.loadError = "";
  store2.actionRequests = {};
  store2.actionErrors = {};
  store2.undoStates = {};
}
async function openSession(store2, sessionId) {
  if (sessionId === store2.sessionId && store2.loadState === "ready") {
    return;
  }
  newConversation(store2);
  const conversation = store2.conversation;
  const known = store2.sessions.find((session) => session.id === sessionId);
  store2.sessionId = sessionId;
  store2.openState?.saveSession?.(sessionId);
  store2.sessionTitle = known?.title ?? "";
  store2.loadState = "loading";
  try {
    const history = await store2.api.messages(sessionId);
    if (conversation === store2.conversation) {
      store2.messages = history.messages ?? [];
      store2.loadState = "ready";
      if (history.running_turn) {
        void resume(store2, history.running_turn);
      }
    }
  } catch (error) {
    if (conversation === store2.conversation) {
      store2.loadState = "error";
      store2.loadError = describeError(error);
    }
  }
}
function reload(store2) {
  const sessionId = store2.sessionId;
  if (sessionId) {
    store2.sessionId = null;
    return openSession(store2, sessionId);
  }
  return loadLastSession(store2);
}
async function loadSessions(store2, query) {
  const seq = ++store2.sessionsSeq;
  store2.sessionQuery = query;
  if (store2.sessionsState !== "ready") {
    store2.sessionsState = "loading";
  }
  try {
    const { sessions } = await store2.api.sessions(query);
    if (seq === store2.sessionsSeq) {
      store2.sessions = sessions ?? [];
      store2.sessionsState = "ready";
      store2.sessionsError = "";
      const current = store2.sessions.find((session) => session.id === store2.sessionId);
      if (current?.title) {
        store2.sessionTitle = current.title;
      }
    }
  } catch (error) {
    if (seq === store2.sessionsSeq) {
      store2.sessionsState = "error";
      store2.sessionsError = describeError(error);
    }
  }
}
async function updateSession(store2, sessionId, changes, request) {
  if (store2.sessionRequests[sessionId]) {
    return false;
  }
  store2.sessionRequests[sessionId] = request;
  store2.sessionsError = "";
  try {
    const { session } = await store2.api.updateSession(sessionId, changes);
    const updated = { ...store2.sessions.find((candidate) => candidate.id === sessionId), ...changes, ...session };
    store2.sessions = store2.sessions.map((candidate) => candidate.id === sessionId ? updated : candidate);
    if (store2.sessionId === sessionId) {
      store2.sessionTitle = updated.title;
    }
    return true;
  } catch (error) {
    store2.sessionsError = describeError(error);
    return false;
  } finally {
    delete store2.sessionRequests[sessionId];
  }
}
async function deleteSession(store2, sessionId) {
  if (store2.sessionRequests[sessionId]) {
    return false;
  }
  store2.sessionRequests[sessionId] = "delete";
  store2.sessionsError = "";
  try {
    await store2.api.deleteSession(sessionId);
    store2.sessions = store2.sessions.filter((session) => session.id !== sessionId);
    if (store2.sessionId === sessionId) {
      newConversation(store2);
    }
    return true;
  } catch (error) {
    store2.sessionsError = describeError(error);
    return false;
  } finally {
    delete store2.sessionRequests[sessionId];
  }
}
async function exportPdf(store2) {
  const sessionId = store2.sessionId;
  if (!sessionId || store2.pdfRequest) {
    return void 0;
  }
  store2.pdfRequest = true;
  store2.pdfError = "";
  try {
    return await store2.api.exportPdf(sessionId);
  } catch (error) {
    store2.pdfError = describeError(error);
    return void 0;
  } finally {
    store2.pdfRequest = false;
  }
}

// src/store/copilot_store.ts
var CopilotStore = class {
  isOpen = false;
  sessionId = null;
  sessionTitle = "";
  messages = [];
  loadState = "idle";
  loadError = "";
  /** An answer is being received (or the /copilot/chat fallback is running). */
  sending = false;
  /** Stop was pressed: the answer is ending. */
  stopping = false;
  /** The composer's text, kept while the panel is closed. */
  draft = "";
  /** Put the focus in the composer when the panel shows (not when it reopens by itself). */
  autofocus = true;
  /** Action id → the request running on it (buttons are disabled meanwhile). */
  actionRequests = {};
  /** Action id → why the last confirm/cancel failed. */
  actionErrors = {};
  /** Action id → what Undo did on it. */
  undoStates = {};
  /** The full-page Copilot is on screen: the side panel hides meanwhile (same conversation). */
  fullPage = false;
  /** The project picked in the full page, or null. */
  projectContext = null;
  /** The conversations column of the full page. */
  sessions = [];
  sessionsState = "idle";
  sessionsError = "";
  sessionQuery = "";
  /** Session id → the change running on it. */
  sessionRequests = {};
  /** The memories section of the full page. */
  memories = [];
  memoriesState = "idle";
  memoriesError = "";
  memoryRequests = {};
  /** The last "Export my history" / "Delete all my history": running, its error, or what it did. */
  historyRequest = "";
  historyError = "";
  historyNotice = "";
  /** The PDF of the conversation is being made; why it failed. */
  pdfRequest = false;
  pdfError = "";
  // What the store's modules keep between calls; no component reads it.
  /** Bumped by "New conversation": answers to requests of an older conversation are dropped. */
  conversation = 0;
  /** Numbers the messages shown before the server names them. */
  localSeq = 0;
  /** Bumped by each load of the conversations list: an older answer is dropped. */
  sessionsSeq = 0;
  /**
   * Stops the answer being received; null when none is. A function, not the turn itself: the
   * store is wrapped in owl's reactive(), which would wrap a plain object read from it too.
   */
  stopRunning = null;
  api;
  openState;
  stopGraceMs;
  /** What the user looks at, read when a message is sent (and by the side panel's chip). */
  screen;
  /** The screen the user set aside (its key, odoo/screen.ts): not sent until the screen changes. */
  ignoredScreen = "";
  constructor(api2, openState, options = {}) {
    this.api = api2;
    this.openState = openState;
    this.stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
    this.screen = options.screen;
  }
  /** Opens the panel again if it was open before the page was reloaded. */
  restore() {
    if (this.openState?.load()) {
      this.open();
      this.autofocus = false;
    }
  }
  get isBusy() {
    return this.sending || this.loadState === "loading";
  }
  /** The send button is a Stop button. */
  get canStop() {
    return this.sending && !this.stopping && this.stopRunning !== null;
  }
  /** The last answer can be asked for again: the conversation ends with it, nothing is running. */
  get canRegenerate() {
    const last = this.messages[this.messages.length - 1];
    return !this.isBusy && last?.role === "assistant" && !last.streaming && this.messages.some((message) => message.role === "user");
  }
  /** What Up in an empty composer brings back. */
  get lastUserMessage() {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const message = this.messages[i];
      if (message.role === "user") {
        return message.content;
      }
    }
    return "";
  }
  open() {
    this.isOpen = true;
    this.autofocus = true;
    this.openState?.save(true);
    if (this.loadState === "idle") {
      void this.loadLastSession();
    }
  }
  close() {
    this.isOpen = false;
    this.openState?.save(false);
  }
  toggle() {
    if (this.isOpen) {
      this.close();
    } else {
      this.open();
    }
  }
  // The turn: turn.ts -----------------------------------------------------------------------
  /** Shows the user's message at once, then the reply; false when nothing was sent. */
  send(text) {
    return send(this, text);
  }
  /** Sends a failed message again, moving it to the end of the conversation. */
  retry(messageId) {
    return retry(this, messageId);
  }
  /** Asks the last question again; the old answer stays. */
  regenerate() {
    return regenerate(this);
  }
  /** Sends an option of a choice card: the message that names the picked record. */
  pickChoice(option) {
    return this.send(option.message);
  }
  /** Stops the answer being written; what it said so far stays, marked "Stopped". */
  async stop() {
    await this.stopRunning?.();
  }
  setProjectContext(project) {
    this.projectContext = project ? { id: project.id, name: project.name } : null;
  }
  // Actions: actions.ts ---------------------------------------------------------------------
  confirmAction(actionId) {
    return runAction(this, actionId, "confirm");
  }
  rejectAction(actionId) {
    return runAction(this, actionId, "reject");
  }
  /** New quantities for a proposed quotation; the card shows what Odoo priced again. */
  reviseAction(actionId, quantities) {
    return reviseAction(this, actionId, quantities);
  }
  /** Reverses a done action; the addon's answer (done, or why not) shows on its card. */
  undoAction(actionId) {
    return undoAction(this, actionId);
  }
  // Conversations: conversations.ts ---------------------------------------------------------
  /** Reopens the conversation shown before a reload, else the user's most recent one. */
  loadLastSession() {
    return loadLastSession(this);
  }
  /** Forgets the current conversation; the next message starts a new session. */
  newConversation() {
    newConversation(this);
  }
  /** Shows a conversation of the list; an answer still running in the current one goes on there. */
  openSession(sessionId) {
    return openSession(this, sessionId);
  }
  /** Reloads what the panel shows: the open conversation, or the most recent one. */
  reload() {
    return reload(this);
  }
  /** The list as shown: filtered here too, in case the addon ignores `query`. */
  get visibleSessions() {
    return filterSessions(this.sessions, this.sessionQuery);
  }
  /** Loads the user's conversations, filtered by `query` (kept for the next loads). */
  loadSessions(query = this.sessionQuery) {
    return loadSessions(this, query);
  }
  renameSession(sessionId, title) {
    const clean = title.trim();
    if (!clean) {
      return Promise.resolve(false);
    }
    return updateSession(this, sessionId, { title: clean }, "rename");
  }
  togglePinned(sessionId) {
    const session = this.sessions.find((candidate) => candidate.id === sessionId);
    return updateSession(this, sessionId, { pinned: !session?.pinned }, "pin");
  }
  /** Deletes a conversation; deleting the open one starts a new conversation. */
  deleteSession(sessionId) {
    return deleteSession(this, sessionId);
  }
  /** The open conversation as a PDF, or undefined (the error is shown). */
  exportPdf() {
    return exportPdf(this);
  }
  // Memories and history: privacy.ts --------------------------------------------------------
  loadMemories() {
    return loadMemories(this);
  }
  deleteMemory(memoryId) {
    return deleteMemory(this, memoryId);
  }
  /** The user's whole history as the agent exports it, or undefined (the error is shown). */
  exportHistory() {
    return exportHistory(this);
  }
  /** Deletes every conversation and memory of the user (after the UI's confirmation). */
  deleteHistory() {
    return deleteHistory(this);
  }
};

// src/message_list/message_list.ts
var MAX_CACHED = 200;
var STICK_PX = 48;
var MessageList = class extends Component20 {
  static components = { ChoiceCard, CopyButton, ReadCard };
  static template = xml20`
    <div class="o_copilot_messages" t-ref="scroller" role="log" aria-live="polite"
         t-att-aria-label="labels.conversation">
      <div t-if="store.loadState === 'loading'" class="o_copilot_loading text-muted" role="status">
        <i class="fa fa-circle-o-notch fa-spin me-2" aria-hidden="true"/>
        <t t-esc="labels.loading"/>
      </div>
      <div t-elif="store.loadState === 'error'" class="alert alert-warning o_copilot_load_error" role="alert">
        <div t-esc="store.loadError"/>
        <button type="button" class="btn btn-sm btn-secondary mt-2 o_copilot_reload"
                t-on-click="() => store.reload()">
          <i class="fa fa-refresh me-1" aria-hidden="true"/>
          <t t-esc="labels.retry"/>
        </button>
      </div>
      <div t-if="isEmpty" class="o_copilot_empty">
        <div class="o_copilot_empty_icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="32" height="32" focusable="false">
            <path fill="currentColor" d="M12 2.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1-5.1-1.9 5.1-1.9z"/>
            <path fill="currentColor" d="M19 14l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"/>
            <path fill="currentColor" d="M5.5 15.5l.7 1.6 1.6.7-1.6.7-.7 1.6-.7-1.6-1.6-.7 1.6-.7z"/>
          </svg>
        </div>
        <h3 class="o_copilot_empty_title" t-esc="labels.emptyTitle"/>
        <p class="text-muted" t-esc="labels.emptyText"/>
      </div>
      <t t-foreach="store.messages" t-as="message" t-key="message.id">
        <div t-if="message.role === 'user'" class="o_copilot_message o_copilot_message_user"
             t-att-class="{ 'o_copilot_message_pending': message.pending }">
          <div class="o_copilot_bubble" t-esc="message.content"/>
          <div t-if="message.error" class="o_copilot_send_error" role="alert">
            <i class="fa fa-exclamation-circle me-1" aria-hidden="true"/>
            <span t-esc="message.error"/>
            <button type="button" class="btn btn-link btn-sm o_copilot_retry"
                    t-att-disabled="store.isBusy ? 'disabled' : false"
                    t-on-click="() => store.retry(message.id)">
              <i class="fa fa-repeat me-1" aria-hidden="true"/>
              <t t-esc="labels.retry"/>
            </button>
          </div>
        </div>
        <div t-else="" class="o_copilot_message o_copilot_message_assistant"
             t-att-class="{ 'o_copilot_message_streaming': message.streaming, 'o_copilot_message_stopped': message.stopped }"
             t-att-aria-busy="message.streaming ? 'true' : 'false'">
          <ul t-if="message.streaming and message.steps and message.steps.length" class="o_copilot_steps">
            <li t-foreach="message.steps" t-as="step" t-key="step_index" class="o_copilot_step"
                t-att-class="'o_copilot_step_' + step.status">
              <i t-if="step.status === 'running'" class="fa fa-circle-o-notch fa-spin" aria-hidden="true"/>
              <i t-elif="step.status === 'failed'" class="fa fa-exclamation-circle text-danger" aria-hidden="true"/>
              <i t-else="" class="fa fa-check text-success" aria-hidden="true"/>
              <span t-esc="step.label or workingLabel"/>
            </li>
          </ul>
          <div t-if="message.content" class="o_copilot_markdown" t-out="html(message)"/>
          <div t-elif="message.streaming and !isToolRunning(message)" class="o_copilot_typing" role="status">
            <span class="visually-hidden" t-esc="labels.typing"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
          </div>
          <t t-foreach="message.cards or []" t-as="card" t-key="card_index">
            <ReadCard card="card"/>
          </t>
          <t t-foreach="message.actions or []" t-as="action" t-key="action.id">
            <t t-component="cardFor(action)" action="action"
               request="store.actionRequests[action.id] or ''" error="store.actionErrors[action.id] or ''"
               undo="store.undoStates[action.id]" onConfirm.bind="confirm" onReject.bind="reject" onUndo.bind="undo"
               onRevise.bind="revise" live="liveFor(action)"/>
          </t>
          <t t-foreach="message.choices or []" t-as="choice" t-key="choice_index">
            <ChoiceCard choice="choice" picked="pickedOption(message_index, choice)"
                        disabled="store.isBusy or message_index !== store.messages.length - 1"
                        onPick.bind="pick"/>
          </t>
          <div t-if="!message.streaming and (message.content or message.stopped)" class="o_copilot_message_footer">
            <span t-if="message.stopped" class="o_copilot_stopped text-muted">
              <i class="fa fa-stop-circle-o me-1" aria-hidden="true"/>
              <t t-esc="labels.stopped"/>
            </span>
            <CopyButton t-if="message.content" text="message.content"/>
            <button t-if="message_index === store.messages.length - 1 and store.canRegenerate" type="button"
                    class="btn btn-link btn-sm o_copilot_regenerate" t-att-title="labels.regenerate"
                    t-att-aria-label="labels.regenerate" t-on-click="regenerate">
              <i class="fa fa-refresh" aria-hidden="true"/>
            </button>
          </div>
        </div>
      </t>
    </div>`;
  static props = { store: CopilotStore };
  setup() {
    this.store = useState6(this.props.store);
    this.scroller = useRef3("scroller");
    this.rendered = /* @__PURE__ */ new Map();
    this.stick = true;
    this.shownCount = 0;
    this.live = useLiveRecords(this.props.store, () => currentUser().lang);
    onWillPatch(() => {
      const el = this.scroller.el;
      this.stick = !el || el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    });
    useEffect2(
      (count) => {
        const el = this.scroller.el;
        if (el && (this.stick || count !== this.shownCount)) {
          el.scrollTop = el.scrollHeight;
        }
        this.shownCount = count;
      },
      () => [this.store.messages.length, this.store.loadState, this.lastMessageKey]
    );
  }
  get labels() {
    return {
      conversation: _t("Conversation with Copilot"),
      loading: _t("Loading the conversation…"),
      retry: _t("Retry"),
      typing: _t("Copilot is writing…"),
      stopped: _t("Stopped"),
      regenerate: _t("Ask again"),
      emptyTitle: _t("How can I help?"),
      emptyText: _t(
        "Ask about your customers, products and stock, or have a quotation prepared. Nothing is written in Odoo before you confirm it."
      )
    };
  }
  regenerate() {
    void this.store.regenerate();
  }
  get isEmpty() {
    return this.store.loadState === "ready" && this.store.messages.length === 0 && !this.store.sending;
  }
  /** Changes whenever the last message looks different: its text grows, a step or card comes. */
  get lastMessageKey() {
    const last = this.store.messages[this.store.messages.length - 1];
    if (!last) {
      return "";
    }
    const actions = (last.actions ?? []).map((action) => action.id + ":" + action.status).join(",");
    return [last.id, last.content.length, last.steps?.length ?? 0, last.choices?.length ?? 0, last.cards?.length ?? 0, last.streaming, actions].join("|");
  }
  /** A step whose tool the agent did not describe. */
  get workingLabel() {
    return _t("Working…");
  }
  isToolRunning(message) {
    return (message.steps ?? []).some((step) => step.status === "running");
  }
  /** The option of `choice` whose message the user sent right after this reply, or 0. */
  pickedOption(index, choice) {
    const next = this.store.messages[index + 1];
    if (next?.role !== "user") {
      return 0;
    }
    return choice.options.find((option) => option.message === next.content)?.id ?? 0;
  }
  pick(option) {
    void this.store.pickChoice(option);
  }
  html(message) {
    const content = message.cards?.length ? withoutTables(message.content) : message.content;
    if (message.streaming) {
      return markup(renderMarkdown(content));
    }
    let html = this.rendered.get(content);
    if (!html) {
      if (this.rendered.size >= MAX_CACHED) {
        this.rendered.clear();
      }
      html = markup(renderMarkdown(content));
      this.rendered.set(content, html);
    }
    return html;
  }
  cardFor(action) {
    return cardForAction(action);
  }
  confirm(actionId) {
    void this.store.confirmAction(actionId);
  }
  reject(actionId) {
    void this.store.rejectAction(actionId);
  }
  revise(actionId, quantities) {
    return this.store.reviseAction(actionId, quantities);
  }
  liveFor(action) {
    return action.record && action.status === "done" ? this.live[recordKey(action.record.model, action.record.id)] : void 0;
  }
  undo(actionId) {
    void this.store.undoAction(actionId);
  }
};

// src/odoo/name_search.ts
function createNameSearch(orm, limit = 8) {
  return async (model, name) => {
    const pairs = await orm.call(model, "name_search", [], { name, limit });
    return Array.isArray(pairs) ? pairs.filter((pair) => Array.isArray(pair) && typeof pair[0] === "number").map(([id2, label]) => ({ id: id2, name: String(label) })) : [];
  };
}

// src/chat_panel/chat_panel.ts
var ChatPanel = class _ChatPanel extends Component21 {
  static components = { Composer, MessageList };
  static template = xml21`
    <aside t-if="store.isOpen and !store.fullPage" id="o_copilot_panel" class="o_copilot_panel" t-ref="panel"
           role="complementary" t-att-aria-label="labels.title" t-on-keydown="onKeydown">
      <header class="o_copilot_header">
        <span class="o_copilot_header_icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="18" height="18" focusable="false">
            <path fill="currentColor" d="M12 2.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1-5.1-1.9 5.1-1.9z"/>
            <path fill="currentColor" d="M19 14l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"/>
          </svg>
        </span>
        <div class="o_copilot_header_text">
          <h2 class="o_copilot_title" t-esc="labels.title"/>
          <div t-if="store.sessionTitle" class="o_copilot_session_title text-muted"
               t-att-title="store.sessionTitle" t-esc="store.sessionTitle"/>
        </div>
        <button type="button" class="btn btn-link o_copilot_header_button o_copilot_new_conversation"
                t-att-aria-label="labels.newConversation" t-att-title="labels.newConversation"
                t-att-disabled="store.loadState === 'loading' or (!store.messages.length and !store.sessionId and store.loadState !== 'error')"
                t-on-click="onNewConversation">
          <i class="fa fa-pencil-square-o" aria-hidden="true"/>
        </button>
        <a class="btn btn-link o_copilot_header_button o_copilot_open_full_page" t-att-href="fullPageHref"
           role="button" t-att-aria-label="labels.fullPage" t-att-title="labels.fullPage" t-on-click="openFullPage">
          <i class="fa fa-expand" aria-hidden="true"/>
        </a>
        <button type="button" class="btn btn-link o_copilot_header_button o_copilot_close"
                t-att-aria-label="labels.close" t-att-title="labels.close" t-on-click="close">
          <i class="fa fa-times" aria-hidden="true"/>
        </button>
      </header>
      <MessageList store="props.store"/>
      <Composer draft="store.draft" busy="store.isBusy" canStop="store.canStop"
                lastMessage="store.lastUserMessage" autofocus="store.autofocus"
                lang="lang" nameSearch="nameSearch" onCommand.bind="onCommand"
                project="store.projectContext or undefined" onClearProject.bind="onClearProject"
                screen="screenChip" onIgnoreScreen.bind="onIgnoreScreen"
                onDraftChange.bind="onDraftChange" onSend.bind="onSend" onStop.bind="onStop"/>
    </aside>`;
  static props = { store: CopilotStore };
  /** How often the open panel looks at the screen behind it (the records its chip names), in ms. */
  static screenLookMs = 1e3;
  setup() {
    this.store = useState7(this.props.store);
    this.panel = useRef4("panel");
    this.actionService = useService6("action");
    this.nameSearch = createNameSearch(useService6("orm"));
    this.lang = currentUser(this.env).lang;
    this.seen = useState7({ screen: void 0 });
    let timer;
    const look = () => {
      const screen = this.props.store.isOpen ? this.props.store.screen?.() : void 0;
      if (screen?.key !== this.seen.screen?.key || screen?.name !== this.seen.screen?.name || screen?.selected !== this.seen.screen?.selected) {
        this.seen.screen = screen;
      }
    };
    onMounted3(() => {
      look();
      timer = setInterval(look, _ChatPanel.screenLookMs);
    });
    onWillUnmount5(() => clearInterval(timer));
  }
  /** The chip of the records the next message goes with; none once the user set them aside. */
  get screenChip() {
    const screen = this.seen.screen;
    if (!screen || screen.key === this.store.ignoredScreen) {
      return void 0;
    }
    return { name: screen.name, ...screen.selected === void 0 ? {} : { selected: screen.selected } };
  }
  onIgnoreScreen() {
    if (this.seen.screen) {
      this.store.ignoredScreen = this.seen.screen.key;
    }
    this.panel.el?.querySelector(".o_copilot_input")?.focus();
  }
  get labels() {
    return {
      title: _t("Copilot"),
      newConversation: _t("New conversation"),
      fullPage: _t("Open full page"),
      close: _t("Close")
    };
  }
  get fullPageHref() {
    return actionUrl(FULL_PAGE_ACTION);
  }
  onNewConversation() {
    this.store.newConversation();
    this.panel.el?.querySelector(".o_copilot_input")?.focus();
  }
  onCommand(name) {
    if (name === "new") {
      this.onNewConversation();
    }
  }
  onClearProject() {
    this.store.setProjectContext(null);
  }
  /** The same conversation in the full page; the panel closes (the page shows it now). */
  openFullPage(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) {
      return;
    }
    ev.preventDefault();
    this.store.close();
    void this.actionService.doAction(FULL_PAGE_ACTION, { clearBreadcrumbs: true });
  }
  onDraftChange(text) {
    this.store.draft = text;
  }
  onSend(text) {
    return this.store.send(text);
  }
  onStop() {
    void this.store.stop();
    this.panel.el?.querySelector(".o_copilot_input")?.focus();
  }
  close() {
    this.store.close();
    document.querySelector(".o_copilot_systray_button")?.focus();
  }
  onKeydown(ev) {
    if (ev.key === "Escape" && !ev.defaultPrevented) {
      ev.preventDefault();
      ev.stopPropagation();
      this.close();
    }
  }
};

// src/full_page/full_page.ts
import { Component as Component25, onMounted as onMounted5, onWillUnmount as onWillUnmount8, useRef as useRef7, useState as useState11, xml as xml25 } from "@odoo/owl";
import { useService as useService9 } from "@web/core/utils/hooks";

// src/odoo/download.ts
function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1e4);
}
function datedFilename(prefix, extension, now2 = /* @__PURE__ */ new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${prefix}-${now2.getFullYear()}-${pad(now2.getMonth() + 1)}-${pad(now2.getDate())}.${extension}`;
}

// src/privacy/privacy.ts
import { Component as Component22, onMounted as onMounted4, useRef as useRef5, useState as useState8, xml as xml22 } from "@odoo/owl";

// src/odoo/confirm.ts
import { useService as useService7 } from "@web/core/utils/hooks";
function useConfirm() {
  const dialog = useService7("dialog");
  return (options) => new Promise((resolve) => {
    const ConfirmationDialog = confirmationDialog();
    if (!dialog || !ConfirmationDialog) {
      resolve(window.confirm(`${options.title}

${options.body}`));
      return;
    }
    dialog.add(
      ConfirmationDialog,
      {
        title: options.title,
        body: options.body,
        confirmLabel: options.confirmLabel,
        cancelLabel: options.cancelLabel,
        confirmClass: "btn-danger",
        confirm: () => resolve(true),
        cancel: () => resolve(false)
      },
      { onClose: () => resolve(false) }
    );
  });
}

// src/privacy/privacy.ts
var Privacy = class extends Component22 {
  static template = xml22`
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
  setup() {
    this.store = useState8(this.props.store);
    this.confirm = useConfirm();
    this.title = useRef5("title");
    onMounted4(() => {
      this.title.el?.focus();
      void this.store.loadMemories();
    });
  }
  get labels() {
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
      delete: _t("Delete all my history")
    };
  }
  date(memory) {
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
  onKeydown(ev) {
    if (ev.key === "Escape" && !ev.defaultPrevented) {
      ev.preventDefault();
      this.props.onClose();
    }
  }
  /** Deletes a memory; the focus goes to the next one's button (or the title), not to the page. */
  async deleteMemory(memory) {
    const index = this.store.memories.findIndex((candidate) => candidate.id === memory.id);
    if (await this.store.deleteMemory(memory.id)) {
      for (let frame = 0; frame < 2; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const buttons = document.querySelectorAll(".o_copilot_privacy .o_copilot_memory_delete");
      (buttons[Math.min(index, buttons.length - 1)] ?? this.title.el)?.focus();
    }
  }
  async exportHistory() {
    const data = await this.store.exportHistory();
    if (data !== void 0) {
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      downloadBlob(blob, datedFilename("copilot-history", "json"));
    }
  }
  async deleteHistory() {
    const confirmed = await this.confirm({
      title: _t("Delete all your history?"),
      body: _t("Every conversation, with its cards, and everything Copilot remembers about you will be deleted. What was written in Odoo stays. This cannot be undone."),
      confirmLabel: _t("Delete everything"),
      cancelLabel: _t("Cancel")
    });
    if (confirmed) {
      await this.store.deleteHistory();
    }
  }
};

// src/project_list/project_list.ts
import { Component as Component23, onWillStart, onWillUnmount as onWillUnmount6, useState as useState9, xml as xml23 } from "@odoo/owl";
import { useService as useService8 } from "@web/core/utils/hooks";
var ProjectList = class extends Component23 {
  static template = xml23`
    <section class="o_copilot_projects" aria-labelledby="o_copilot_projects_title">
      <div class="o_copilot_sidebar_head">
        <h2 id="o_copilot_projects_title" class="o_copilot_sidebar_title" t-esc="labels.title"/>
        <div t-if="props.uid and state.status !== 'unavailable'" class="btn-group btn-group-sm o_copilot_projects_filter" role="group" t-att-aria-label="labels.filter">
          <button type="button" class="btn" t-att-class="state.mine ? 'btn-outline-secondary' : 'btn-secondary'"
                  t-att-aria-pressed="state.mine ? 'false' : 'true'" t-on-click="() => this.setMine(false)" t-esc="labels.all"/>
          <button type="button" class="btn o_copilot_projects_mine" t-att-class="state.mine ? 'btn-secondary' : 'btn-outline-secondary'"
                  t-att-aria-pressed="state.mine ? 'true' : 'false'" t-on-click="() => this.setMine(true)" t-esc="labels.mine"/>
        </div>
      </div>
      <div t-if="state.status === 'loading'" class="o_copilot_projects_loading text-muted" role="status">
        <i class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
        <t t-esc="labels.loading"/>
      </div>
      <p t-elif="state.status === 'unavailable'" class="o_copilot_projects_unavailable text-muted" t-esc="labels.unavailable"/>
      <div t-elif="state.status === 'error'" class="alert alert-warning o_copilot_projects_error" role="alert">
        <span t-esc="state.error"/>
        <button type="button" class="btn btn-link btn-sm p-0 ms-1 align-baseline" t-on-click="() => this.load()" t-esc="labels.retry"/>
      </div>
      <p t-elif="!state.projects.length" class="o_copilot_projects_empty text-muted" t-esc="labels.empty"/>
      <ul t-else="" class="o_copilot_project_items list-unstyled">
        <li t-foreach="state.projects" t-as="project" t-key="project.id">
          <button type="button" class="o_copilot_project" t-att-class="{ 'o_copilot_project_active': isActive(project) }"
                  t-att-aria-pressed="isActive(project) ? 'true' : 'false'" t-att-title="labels.pick"
                  t-on-click="() => this.pick(project)">
            <span class="o_copilot_project_line">
              <span class="o_copilot_project_name" t-esc="project.name"/>
              <span t-if="badge(project)" class="badge rounded-pill o_copilot_project_status"
                    t-att-class="badge(project).className" t-esc="badge(project).label"/>
            </span>
            <span t-if="project.progress !== null" class="o_copilot_project_progress">
              <span class="progress" role="progressbar" t-att-aria-label="labels.progress"
                    t-att-aria-valuenow="project.progress" aria-valuemin="0" aria-valuemax="100">
                <span class="progress-bar" t-att-style="'width: ' + project.progress + '%'"/>
              </span>
              <span class="o_copilot_project_percent" t-esc="project.progress + ' %'"/>
            </span>
            <span class="o_copilot_project_meta text-muted">
              <span t-if="project.deadline" class="o_copilot_project_deadline" t-att-class="{ 'text-danger': overdue(project) }">
                <i class="fa fa-calendar-o me-1" aria-hidden="true"/>
                <t t-esc="deadline(project)"/>
              </span>
              <span t-if="project.openTasks !== null" class="o_copilot_project_tasks">
                <i class="fa fa-tasks me-1" aria-hidden="true"/>
                <t t-esc="openTasks(project)"/>
              </span>
            </span>
          </button>
        </li>
      </ul>
    </section>`;
  static props = { store: CopilotStore, lang: String, uid: { type: Number, optional: true }, onPicked: Function };
  setup() {
    this.store = useState9(this.props.store);
    this.state = useState9({ status: "loading", projects: [], error: "", mine: false });
    this.orm = useService8("orm");
    this.loadSeq = 0;
    onWillStart(() => {
      void this.load();
    });
    const live = createLiveRefresh(() => void this.load({ quiet: true }));
    const stop = subscribeBus(useBusService(), RECORD_CHANGED, (payload) => live.notify(payload));
    onWillUnmount6(() => {
      stop();
      live.dispose();
    });
  }
  get labels() {
    return {
      title: _t("Projects"),
      filter: _t("Which projects"),
      all: _t("All"),
      mine: _t("Mine"),
      loading: _t("Loading the projects…"),
      unavailable: _t("The Project app is not installed."),
      empty: _t("No project to show."),
      retry: _t("Retry"),
      pick: _t("Talk about this project"),
      progress: _t("Tasks done")
    };
  }
  /** `quiet`: a live refresh keeps the list on screen while it reloads (no spinner). */
  async load(options = {}) {
    const seq = ++this.loadSeq;
    const quiet = options.quiet && this.state.status === "ready";
    if (!quiet) {
      this.state.status = "loading";
    }
    try {
      const result = await loadProjects(this.orm, { mine: this.state.mine, uid: this.props.uid });
      if (seq !== this.loadSeq) {
        return;
      }
      if (result.state === "unavailable") {
        this.state.status = "unavailable";
      } else {
        this.state.projects = result.projects;
        this.state.status = "ready";
      }
    } catch (error) {
      if (seq !== this.loadSeq || quiet) {
        return;
      }
      const data = error.data;
      this.state.error = data?.message || (error instanceof Error ? error.message : String(error));
      this.state.status = "error";
    }
  }
  setMine(mine) {
    if (this.state.mine !== mine) {
      this.state.mine = mine;
      void this.load();
    }
  }
  isActive(project) {
    return this.store.projectContext?.id === project.id;
  }
  badge(project) {
    return projectStatusBadge(project.status, project.statusLabel);
  }
  overdue(project) {
    return isOverdue(project);
  }
  deadline(project) {
    return project.deadline ? formatDeadline(project.deadline, this.props.lang) : "";
  }
  openTasks(project) {
    return project.openTasks === 1 ? _t("1 open task") : _t("%s open tasks", project.openTasks ?? 0);
  }
  pick(project) {
    this.store.setProjectContext(this.isActive(project) ? null : { id: project.id, name: project.name });
    this.props.onPicked();
  }
};

// src/session_list/session_list.ts
import { Component as Component24, onWillUnmount as onWillUnmount7, useEffect as useEffect3, useRef as useRef6, useState as useState10, xml as xml24 } from "@odoo/owl";
var SEARCH_DELAY_MS2 = 250;
var SessionList = class extends Component24 {
  static template = xml24`
    <section class="o_copilot_sessions" aria-labelledby="o_copilot_sessions_title">
      <div class="o_copilot_sidebar_head">
        <h2 id="o_copilot_sessions_title" class="o_copilot_sidebar_title" t-esc="labels.title"/>
        <button type="button" class="btn btn-primary btn-sm o_copilot_session_new" t-on-click="onNew">
          <i class="fa fa-plus me-1" aria-hidden="true"/>
          <t t-esc="labels.new"/>
        </button>
      </div>
      <div class="o_copilot_session_search_box">
        <i class="fa fa-search o_copilot_session_search_icon" aria-hidden="true"/>
        <input type="search" class="form-control form-control-sm o_copilot_session_search"
               t-att-placeholder="labels.search" t-att-aria-label="labels.search"
               t-att-value="store.sessionQuery" t-on-input="onSearch"/>
      </div>
      <div t-if="store.sessionsError" class="alert alert-warning o_copilot_sessions_error" role="alert">
        <span t-esc="store.sessionsError"/>
        <button t-if="store.sessionsState === 'error'" type="button" class="btn btn-link btn-sm p-0 ms-1 align-baseline"
                t-on-click="() => store.loadSessions()" t-esc="labels.retry"/>
      </div>
      <div t-if="store.sessionsState === 'loading'" class="o_copilot_sessions_loading text-muted" role="status">
        <i class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
        <t t-esc="labels.loading"/>
      </div>
      <p t-elif="store.sessionsState === 'ready' and !groups.length" class="o_copilot_sessions_empty text-muted"
         t-esc="store.sessionQuery.trim() ? labels.noMatch : labels.empty"/>
      <div class="o_copilot_session_groups">
        <t t-foreach="groups" t-as="group" t-key="group.key">
          <h3 class="o_copilot_session_group" t-att-id="'o_copilot_session_group_' + group.key" t-esc="groupLabel(group)"/>
          <ul class="o_copilot_session_items list-unstyled" t-att-aria-labelledby="'o_copilot_session_group_' + group.key">
            <li t-foreach="group.sessions" t-as="session" t-key="session.id" class="o_copilot_session"
                t-att-class="{ 'o_copilot_session_active': session.id === store.sessionId, 'o_copilot_session_busy': store.sessionRequests[session.id] }">
              <input t-if="state.renaming === session.id" t-ref="rename" type="text"
                     class="form-control form-control-sm o_copilot_session_rename_input"
                     t-att-value="session.title" t-att-aria-label="labels.renameInput" maxlength="120"
                     t-on-keydown="(ev) => this.onRenameKeydown(ev, session)" t-on-blur="(ev) => this.saveRename(ev, session)"/>
              <t t-else="">
                <button type="button" class="o_copilot_session_open" t-att-title="session.title"
                        t-att-aria-current="session.id === store.sessionId ? 'true' : false"
                        t-on-click="() => this.open(session)">
                  <i t-if="session.pinned" class="fa fa-thumb-tack o_copilot_session_pin_mark" aria-hidden="true"/>
                  <span class="o_copilot_session_title" t-esc="session.title or labels.untitled"/>
                </button>
                <div class="o_copilot_session_actions">
                  <button type="button" class="btn btn-link btn-sm o_copilot_session_rename" t-att-data-session-id="session.id"
                          t-att-aria-label="labels.rename + ': ' + (session.title or labels.untitled)" t-att-title="labels.rename"
                          t-att-disabled="store.sessionRequests[session.id] ? 'disabled' : false"
                          t-on-click="() => this.startRename(session)">
                    <i class="fa fa-pencil" aria-hidden="true"/>
                  </button>
                  <button type="button" class="btn btn-link btn-sm o_copilot_session_pin"
                          t-att-aria-label="(session.pinned ? labels.unpin : labels.pin) + ': ' + (session.title or labels.untitled)"
                          t-att-title="session.pinned ? labels.unpin : labels.pin"
                          t-att-aria-pressed="session.pinned ? 'true' : 'false'"
                          t-att-disabled="store.sessionRequests[session.id] ? 'disabled' : false"
                          t-on-click="() => store.togglePinned(session.id)">
                    <i class="fa fa-thumb-tack" t-att-class="{ 'o_copilot_pinned': session.pinned }" aria-hidden="true"/>
                  </button>
                  <button type="button" class="btn btn-link btn-sm o_copilot_session_delete"
                          t-att-aria-label="labels.delete + ': ' + (session.title or labels.untitled)" t-att-title="labels.delete"
                          t-att-disabled="store.sessionRequests[session.id] ? 'disabled' : false"
                          t-on-click="() => this.delete(session)">
                    <i class="fa fa-trash-o" aria-hidden="true"/>
                  </button>
                </div>
              </t>
            </li>
          </ul>
        </t>
      </div>
    </section>`;
  static props = { store: CopilotStore, onOpened: Function };
  setup() {
    this.store = useState10(this.props.store);
    this.state = useState10({ renaming: "" });
    this.renameInput = useRef6("rename");
    this.confirm = useConfirm();
    this.searchTimer = void 0;
    this.refocusId = "";
    useEffect3(
      (renaming) => {
        const el = this.renameInput.el;
        if (renaming && el) {
          el.focus();
          el.select();
        } else if (!renaming && this.refocusId) {
          const id2 = this.refocusId;
          this.refocusId = "";
          document.querySelector(`.o_copilot_session_rename[data-session-id="${CSS.escape(id2)}"]`)?.focus();
        }
      },
      () => [this.state.renaming]
    );
    onWillUnmount7(() => clearTimeout(this.searchTimer));
  }
  get labels() {
    return {
      title: _t("Conversations"),
      new: _t("New conversation"),
      search: _t("Search conversations"),
      loading: _t("Loading the conversations…"),
      empty: _t("No conversation yet."),
      noMatch: _t("No conversation matches."),
      retry: _t("Retry"),
      untitled: _t("New conversation"),
      rename: _t("Rename"),
      renameInput: _t("Title of the conversation"),
      pin: _t("Pin"),
      unpin: _t("Unpin"),
      delete: _t("Delete")
    };
  }
  get groups() {
    return groupSessions(this.store.visibleSessions);
  }
  groupLabel(group) {
    return sessionGroupLabel(group.key);
  }
  onNew() {
    this.store.newConversation();
    this.props.onOpened();
  }
  onSearch(ev) {
    const query = ev.target.value;
    this.store.sessionQuery = query;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.store.loadSessions(query), SEARCH_DELAY_MS2);
  }
  async open(session) {
    const opening = this.store.openSession(session.id);
    this.props.onOpened();
    await opening;
  }
  startRename(session) {
    this.state.renaming = session.id;
  }
  onRenameKeydown(ev, session) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      void this.saveRename(ev, session, true);
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      ev.stopPropagation();
      this.endRename(session, true);
    }
  }
  /** Saves the title typed (Enter, or leaving the input: then the focus stays where it went). */
  async saveRename(ev, session, refocus = false) {
    if (this.state.renaming !== session.id) {
      return;
    }
    const title = ev.target.value.trim();
    this.endRename(session, refocus);
    if (title && title !== session.title) {
      await this.store.renameSession(session.id, title);
    }
  }
  /** Back to the list; from the keyboard, the focus goes back to the conversation's Rename button. */
  endRename(session, refocus) {
    this.refocusId = refocus ? session.id : "";
    this.state.renaming = "";
  }
  async delete(session) {
    const confirmed = await this.confirm({
      title: _t("Delete this conversation?"),
      body: _t("“%s” and its messages will be deleted. This cannot be undone.", session.title || this.labels.untitled),
      confirmLabel: _t("Delete"),
      cancelLabel: _t("Cancel")
    });
    if (confirmed) {
      await this.store.deleteSession(session.id);
    }
  }
};

// src/full_page/full_page.ts
var FullPage = class extends Component25 {
  static components = { Composer, MessageList, Privacy, ProjectList, SessionList };
  static template = xml25`
    <div class="o_copilot_app" t-ref="root" t-att-class="{ 'o_copilot_app_sidebar_open': state.sidebarOpen }">
      <header class="o_copilot_app_topbar">
        <button type="button" class="btn btn-link o_copilot_app_sidebar_toggle"
                t-att-aria-label="labels.sidebar" t-att-title="labels.sidebar"
                t-att-aria-expanded="state.sidebarOpen ? 'true' : 'false'" aria-controls="o_copilot_app_sidebar"
                t-on-click="toggleSidebar">
          <i class="fa fa-bars" aria-hidden="true"/>
        </button>
        <span class="o_copilot_header_icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
            <path fill="currentColor" d="M12 2.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1-5.1-1.9 5.1-1.9z"/>
            <path fill="currentColor" d="M19 14l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"/>
          </svg>
        </span>
        <h1 class="o_copilot_app_title" t-esc="labels.title"/>
        <span class="o_copilot_app_conversation text-muted" t-att-title="conversationTitle" t-esc="conversationTitle"/>
        <div class="o_copilot_app_tools">
          <button t-if="store.sessionId" type="button" class="btn btn-link o_copilot_app_tool o_copilot_export_pdf"
                  t-att-disabled="store.pdfRequest ? 'disabled' : false" t-att-title="labels.pdf" t-on-click="exportPdf">
            <i class="fa" t-att-class="store.pdfRequest ? 'fa-circle-o-notch fa-spin' : 'fa-file-pdf-o'" aria-hidden="true"/>
            <span class="o_copilot_app_tool_label" t-esc="labels.pdfShort"/>
          </button>
          <button type="button" class="btn btn-link o_copilot_app_tool o_copilot_open_privacy"
                  t-att-aria-pressed="state.view === 'privacy' ? 'true' : 'false'" t-att-title="labels.privacy"
                  t-on-click="togglePrivacy">
            <i class="fa fa-user-secret" aria-hidden="true"/>
            <span class="o_copilot_app_tool_label" t-esc="labels.privacyShort"/>
          </button>
          <a t-if="user.isSystem" class="btn btn-link o_copilot_app_tool o_copilot_settings_link" t-att-href="settingsHref"
             t-att-title="labels.settings" t-on-click="openSettings">
            <i class="fa fa-cog" aria-hidden="true"/>
            <span class="o_copilot_app_tool_label" t-esc="labels.settingsShort"/>
          </a>
          <div class="o_copilot_app_user" t-att-title="user.name">
            <span class="o_copilot_app_avatar" aria-hidden="true" t-esc="initials"/>
            <span class="o_copilot_app_user_text">
              <span class="o_copilot_app_user_name" t-esc="user.name"/>
              <span class="o_copilot_app_user_lang text-muted" t-att-lang="user.lang" t-esc="language"/>
            </span>
          </div>
        </div>
      </header>
      <div t-if="store.pdfError" class="alert alert-warning o_copilot_app_alert" role="alert">
        <span t-esc="store.pdfError"/>
        <button type="button" class="btn-close ms-2" t-att-aria-label="labels.dismiss" t-on-click="dismissPdfError"/>
      </div>
      <div class="o_copilot_app_body">
        <nav id="o_copilot_app_sidebar" class="o_copilot_app_sidebar" t-att-aria-label="labels.sidebar">
          <SessionList store="props.store" onOpened.bind="onOpened"/>
          <ProjectList store="props.store" lang="user.lang" uid="user.id or undefined" onPicked.bind="onOpened"/>
        </nav>
        <main class="o_copilot_app_main" t-att-aria-label="labels.chat">
          <Privacy t-if="state.view === 'privacy'" store="props.store" lang="user.lang" onClose.bind="closePrivacy"/>
          <t t-else="">
            <MessageList store="props.store"/>
            <Composer draft="store.draft" busy="store.isBusy" canStop="store.canStop"
                      lastMessage="store.lastUserMessage" autofocus="true"
                      lang="user.lang" nameSearch="nameSearch" onCommand.bind="onCommand"
                      project="store.projectContext or undefined" onClearProject.bind="onClearProject"
                      onDraftChange.bind="onDraftChange" onSend.bind="onSend" onStop.bind="onStop"/>
          </t>
        </main>
      </div>
    </div>`;
  static props = { store: CopilotStore };
  setup() {
    this.store = useState11(this.props.store);
    this.state = useState11({ view: "chat", sidebarOpen: false });
    this.root = useRef7("root");
    this.user = currentUser(this.env);
    this.actionService = useService9("action");
    this.nameSearch = createNameSearch(useService9("orm"));
    this.env.config?.setDisplayName?.(_t("Copilot"));
    onMounted5(() => {
      this.store.fullPage = true;
      if (this.store.loadState === "idle") {
        void this.store.loadLastSession();
      }
      void this.store.loadSessions();
    });
    onWillUnmount8(() => {
      this.store.fullPage = false;
    });
  }
  get labels() {
    return {
      title: _t("Copilot"),
      sidebar: _t("Conversations and projects"),
      chat: _t("Conversation with Copilot"),
      pdf: _t("Download this conversation as a PDF"),
      pdfShort: _t("PDF"),
      privacy: _t("Memories and privacy"),
      privacyShort: _t("Memories"),
      settings: _t("Copilot settings"),
      settingsShort: _t("Copilot settings"),
      dismiss: _t("Close")
    };
  }
  get conversationTitle() {
    return this.store.sessionTitle || (this.store.sessionId ? "" : _t("New conversation"));
  }
  get language() {
    return languageName(this.user.lang);
  }
  get initials() {
    const words = this.user.name.trim().split(/\s+/).filter(Boolean);
    return ((words[0]?.[0] ?? "") + (words.length > 1 ? words[words.length - 1][0] : "")).toUpperCase() || "?";
  }
  get settingsHref() {
    return actionUrl(SETTINGS_ACTION);
  }
  focusInput() {
    this.root.el?.querySelector(".o_copilot_input")?.focus();
  }
  /** A conversation was opened or a project picked: back to the chat, its input focused. */
  onOpened() {
    this.state.sidebarOpen = false;
    if (this.state.view !== "chat") {
      this.state.view = "chat";
    } else {
      this.focusInput();
    }
  }
  toggleSidebar() {
    this.state.sidebarOpen = !this.state.sidebarOpen;
  }
  dismissPdfError() {
    this.store.pdfError = "";
  }
  togglePrivacy() {
    this.state.view = this.state.view === "privacy" ? "chat" : "privacy";
  }
  closePrivacy() {
    this.state.view = "chat";
  }
  onCommand(name) {
    if (name === "new") {
      this.store.newConversation();
      this.focusInput();
    }
  }
  onClearProject() {
    this.store.setProjectContext(null);
    this.focusInput();
  }
  onDraftChange(text) {
    this.store.draft = text;
  }
  onSend(text) {
    return this.store.send(text);
  }
  onStop() {
    void this.store.stop();
    this.focusInput();
  }
  openSettings(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) {
      return;
    }
    ev.preventDefault();
    void this.actionService.doAction(SETTINGS_ACTION);
  }
  async exportPdf() {
    const blob = await this.store.exportPdf();
    if (blob) {
      downloadBlob(blob, datedFilename("copilot-conversation", "pdf"));
    }
  }
};
function fullPageAction(store2) {
  return class CopilotApp extends Component25 {
    static components = { FullPage };
    static template = xml25`<FullPage store="store"/>`;
    static props = ["*"];
    setup() {
      this.store = store2;
    }
  };
}

// src/odoo/lazy.ts
import { registry as registry2 } from "@web/core/registry";
function category() {
  return registry2.category("copilot");
}
function providePanel(panel) {
  category().add("panel", panel, { force: true });
}
function providedBus() {
  return category().get("bus", void 0);
}

// src/store/open_state.ts
function sessionOpenState(getStorage, key2) {
  const sessionKey = `${key2}.session`;
  return {
    loadSession: () => {
      try {
        return getStorage()?.getItem(sessionKey) || null;
      } catch {
        return null;
      }
    },
    saveSession: (sessionId) => {
      try {
        const storage = getStorage();
        if (sessionId) {
          storage?.setItem(sessionKey, sessionId);
        } else {
          storage?.removeItem(sessionKey);
        }
      } catch {
      }
    },
    load: () => {
      try {
        return getStorage()?.getItem(key2) === "1";
      } catch {
        return false;
      }
    },
    save: (open) => {
      try {
        const storage = getStorage();
        if (open) {
          storage?.setItem(key2, "1");
        } else {
          storage?.removeItem(key2);
        }
      } catch {
      }
    }
  };
}

// src/systray/systray_actions.ts
function focusInput(root) {
  const input = root?.querySelector(".o_copilot_input");
  input?.focus();
  return Boolean(input);
}
function systrayClick(store2) {
  if (store2.fullPage && focusInput(document.querySelector(".o_copilot_app"))) {
    return;
  }
  store2.toggle();
}
function systrayShortcut(store2) {
  if (store2.fullPage && focusInput(document.querySelector(".o_copilot_app"))) {
    return;
  }
  if (!store2.isOpen) {
    store2.open();
    return;
  }
  const panel = document.getElementById("o_copilot_panel");
  if (panel && !panel.contains(document.activeElement) && focusInput(panel)) {
    return;
  }
  store2.close();
  document.querySelector(".o_copilot_systray_button")?.focus();
}

// src/main.ts
var rpc = createRpc();
var reported;
var api = createCopilotApi(rpc, {
  // Odoo's bus (the launcher's service got it): a turn's events arrive there, or by polling
  listen: (type, onPayload) => subscribeBus(providedBus(), type, onPayload),
  onDelivery: (overBus) => {
    if (reported === overBus) return;
    reported = overBus;
    void rpc("/copilot/realtime", { ok: overBus }).catch(() => {
    });
  }
});
var store = reactive(new CopilotStore(api, sessionOpenState(() => window.sessionStorage, "copilot.panel.open"), { screen: () => describeScreen() }));
store.restore();
registry3.category("main_components").add("copilot.panel", { Component: ChatPanel, props: { store } });
providePanel({ store, FullPage: fullPageAction(store), click: () => systrayClick(store), shortcut: () => systrayShortcut(store) });

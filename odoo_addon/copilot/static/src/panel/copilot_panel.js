/** @odoo-module **/

// src/main.ts
import { reactive } from "@odoo/owl";
import { registry } from "@web/core/registry";

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
  /** Odoo's answer when the session cookie is no longer valid. */
  get isSessionExpired() {
    return this.data?.name === "odoo.http.SessionExpiredException";
  }
};
function createRpc(options = {}) {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let nextId = 1;
  return async function rpc(route, params = {}) {
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

// src/api/sse.ts
function createSseParser(onEvent) {
  let buffer = "";
  let started = false;
  let eventName = "";
  let data = [];
  function dispatch() {
    if (data.length) {
      onEvent({ event: eventName || "message", data: data.join("\n") });
    }
    eventName = "";
    data = [];
  }
  function line(text) {
    if (text === "") {
      dispatch();
      return;
    }
    if (text.startsWith(":")) {
      return;
    }
    const colon = text.indexOf(":");
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) {
      value = value.slice(1);
    }
    if (field === "event") {
      eventName = value;
    } else if (field === "data") {
      data.push(value);
    }
  }
  function drain(final) {
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer[i];
      if (ch !== "\n" && ch !== "\r") {
        continue;
      }
      if (ch === "\r" && i === buffer.length - 1 && !final) {
        break;
      }
      line(buffer.slice(start, i));
      if (ch === "\r" && buffer[i + 1] === "\n") {
        i++;
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
  }
  return {
    push(chunk) {
      if (!started && chunk) {
        started = true;
        chunk = chunk.replace(/^\uFEFF/, "");
      }
      buffer += chunk;
      drain(false);
    },
    end() {
      drain(true);
      buffer = "";
      eventName = "";
      data = [];
    }
  };
}
async function readSse(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser(onEvent);
  try {
    for (; ; ) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}

// src/api/chat_stream.ts
var STREAM_ROUTE = "/copilot/chat/stream";
function shouldFallBack(response) {
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return type !== "text/event-stream";
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function toTurnEvent({ event, data }) {
  let payload;
  try {
    payload = JSON.parse(data);
  } catch {
    return void 0;
  }
  if (!isObject(payload)) {
    return void 0;
  }
  switch (event) {
    case "start":
      return typeof payload.session_id === "string" ? { type: "start", session_id: payload.session_id, turn_id: String(payload.turn_id ?? "") } : void 0;
    case "text":
      return typeof payload.text === "string" ? { type: "text", text: payload.text } : void 0;
    case "tool":
      return typeof payload.tool === "string" ? { type: "tool", tool: payload.tool, status: String(payload.status ?? "started") } : void 0;
    case "action":
      return isObject(payload.action) && typeof payload.action.id === "string" ? { type: "action", action: payload.action } : void 0;
    case "done":
      return { type: "done", result: payload };
    case "error":
      return { type: "error", code: String(payload.code ?? "internal"), message: String(payload.message ?? "") };
    default:
      return void 0;
  }
}
function createChatStream(options) {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async function chatStream(params, onEvent, signal) {
    const body = { message: params.message, client_message_id: params.client_message_id };
    if (params.session_id) {
      body.session_id = params.session_id;
    }
    let response;
    try {
      response = await doFetch(baseUrl + STREAM_ROUTE, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "text/event-stream",
          "X-CSRF-Token": options.csrfToken()
        },
        credentials: "same-origin",
        body: JSON.stringify(body),
        ...signal ? { signal } : {}
      });
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new RpcError("network", `${STREAM_ROUTE}: no answer from the server`, { cause: error });
    }
    if (shouldFallBack(response) || !response.body) {
      void response.body?.cancel().catch(() => {
      });
      const result = await options.chat(params.session_id ? { session_id: params.session_id, message: params.message } : { message: params.message });
      onEvent({ type: "done", result: { steps: [], stopped: false, choices: [], ...result } });
      return;
    }
    try {
      await readSse(response.body, (sse) => {
        const event = toTurnEvent(sse);
        if (event) {
          onEvent(event);
        }
      });
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new RpcError("network", `${STREAM_ROUTE}: the connection was lost`, { cause: error });
    }
  };
}

// src/api/copilot_api.ts
function createCopilotApi(rpc, stream = { csrfToken: () => "" }) {
  const chat = ({ session_id, message }) => rpc("/copilot/chat", session_id ? { session_id, message } : { message });
  return {
    chat,
    chatStream: createChatStream({ ...stream, chat }),
    stop: (sessionId) => rpc("/copilot/chat/stop", { session_id: sessionId }),
    confirmAction: (actionId) => rpc("/copilot/action/confirm", { action_id: actionId }),
    rejectAction: (actionId) => rpc("/copilot/action/reject", { action_id: actionId }),
    sessions: () => rpc("/copilot/sessions", {}),
    messages: (sessionId) => rpc("/copilot/messages", { session_id: sessionId })
  };
}

// src/chat_panel/chat_panel.ts
import { Component as Component11, useRef as useRef3, useState as useState4, xml as xml11 } from "@odoo/owl";

// src/composer/composer.ts
import { Component, onMounted, useRef, useState, xml } from "@odoo/owl";

// src/odoo/l10n.ts
import { _t } from "@web/core/l10n/translation";

// src/composer/composer.ts
var MAX_HEIGHT_PX = 200;
var Composer = class extends Component {
  static template = xml`
    <form class="o_copilot_composer" t-on-submit.prevent="submit">
      <div class="o_copilot_composer_box">
        <textarea t-ref="input" class="form-control o_copilot_input" rows="1"
                  t-att-placeholder="labels.placeholder" t-att-aria-label="labels.input"
                  aria-describedby="o_copilot_composer_hint"
                  t-on-input="onInput" t-on-keydown="onKeydown"/>
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
      <div id="o_copilot_composer_hint" class="o_copilot_composer_hint text-muted" t-esc="labels.hint"/>
    </form>`;
  static props = {
    draft: String,
    busy: Boolean,
    canStop: Boolean,
    lastMessage: String,
    autofocus: Boolean,
    onDraftChange: Function,
    onSend: Function,
    onStop: Function
  };
  setup() {
    this.input = useRef("input");
    this.state = useState({ hasText: Boolean(this.props.draft.trim()) });
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
  }
  get labels() {
    return {
      placeholder: _t("Ask Copilot…"),
      input: _t("Message to Copilot"),
      send: _t("Send"),
      stop: _t("Stop"),
      hint: _t("Enter to send, Shift+Enter for a new line")
    };
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
  }
  onKeydown(ev) {
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
    if (!el || !this.canSend) {
      return;
    }
    const text = el.value;
    el.value = "";
    this.state.hasText = false;
    this.props.onDraftChange("");
    this.resize();
    el.focus();
    await this.props.onSend(text);
  }
};

// src/message_list/message_list.ts
import { Component as Component10, markup, onWillPatch, useEffect, useRef as useRef2, useState as useState3, xml as xml10 } from "@odoo/owl";

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
import { Component as Component3, xml as xml3 } from "@odoo/owl";

// src/cards/action_footer/action_footer.ts
import { Component as Component2, xml as xml2 } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";

// src/format/money.ts
var DEFAULT_NUMBER_FORMAT = Object.freeze({
  decimalPoint: ".",
  thousandsSep: ",",
  grouping: [3, 0]
});
var NBSP = " ";
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
function roundTo(value, digits) {
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * factor + Number.EPSILON * factor) / factor;
  return Math.sign(value) * rounded;
}
function formatNumber(value, options = {}, format = DEFAULT_NUMBER_FORMAT) {
  if (!Number.isFinite(value)) {
    return "";
  }
  const digits = options.digits ?? 2;
  const rounded = roundTo(value, digits);
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
function recordUrl(model, id) {
  if (hasUserModule()) {
    return `/odoo/${encodeURIComponent(model)}/${id}`;
  }
  return `/web#id=${id}&model=${encodeURIComponent(model)}&view_type=form`;
}
function csrfToken() {
  try {
    return typeof odoo.csrf_token === "string" ? odoo.csrf_token : "";
  } catch {
    return "";
  }
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
  onReject: Function
};

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
var ActionFooter = class extends Component2 {
  static template = xml2`
    <div class="o_copilot_card_footer">
      <t t-if="props.action.status === 'proposed'">
        <div t-if="props.error" class="o_copilot_card_error text-danger" role="alert">
          <i class="fa fa-exclamation-triangle me-1" aria-hidden="true"/>
          <span t-esc="props.error"/>
        </div>
        <div class="o_copilot_card_buttons">
          <button type="button" class="btn btn-primary btn-sm o_copilot_confirm"
                  t-att-disabled="props.request ? 'disabled' : false"
                  t-on-click="() => props.onConfirm(props.action.id)">
            <i t-if="props.request === 'confirm'" class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
            <t t-esc="labels.confirm"/>
          </button>
          <button type="button" class="btn btn-secondary btn-sm o_copilot_reject"
                  t-att-disabled="props.request ? 'disabled' : false"
                  t-on-click="() => props.onReject(props.action.id)">
            <i t-if="props.request === 'reject'" class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
            <t t-esc="labels.cancel"/>
          </button>
        </div>
      </t>
      <div t-elif="props.action.status === 'done'" class="o_copilot_card_outcome o_copilot_card_done">
        <i class="fa fa-check-circle text-success me-1" aria-hidden="true"/>
        <t t-if="props.action.record">
          <t t-esc="doneParts[0]"/><a class="o_copilot_record_link" t-att-href="recordHref"
             t-on-click="openRecord" t-esc="props.action.record.name"/><t t-esc="doneParts[1]"/>
        </t>
        <t t-else="" t-esc="labels.done"/>
      </div>
      <div t-elif="props.action.status === 'rejected'" class="o_copilot_card_outcome text-muted">
        <i class="fa fa-ban me-1" aria-hidden="true"/>
        <t t-esc="labels.cancelled"/>
      </div>
      <div t-elif="props.action.status === 'failed'" class="o_copilot_card_error text-danger" role="alert">
        <i class="fa fa-exclamation-triangle me-1" aria-hidden="true"/>
        <span t-esc="props.action.error or labels.failed"/>
      </div>
    </div>`;
  static props = { ...actionCardProps, doneText: String };
  setup() {
    this.actionService = useService("action");
  }
  get labels() {
    return {
      confirm: _t("Confirm"),
      cancel: _t("Cancel"),
      done: _t("Done"),
      cancelled: _t("Cancelled"),
      failed: _t("This action failed.")
    };
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
var ActionCard = class extends Component3 {
  static components = { ActionFooter };
  static template = xml3`
    <section class="o_copilot_card o_copilot_action_card" t-att-class="'o_copilot_card_' + props.action.status"
             t-att-aria-label="props.action.summary">
      <header class="o_copilot_card_header">
        <i class="fa fa-bolt o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="props.action.summary or props.action.tool"/>
        <span class="badge rounded-pill o_copilot_status" t-att-class="badge.className" t-esc="badge.label"/>
      </header>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject" doneText="labels.done"/>
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
import { Component as Component4, xml as xml4 } from "@odoo/owl";
var NoteCard = class extends Component4 {
  static components = { ActionFooter };
  static template = xml4`
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
                    onConfirm="props.onConfirm" onReject="props.onReject" doneText="labels.logged"/>
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
import { Component as Component5, xml as xml5 } from "@odoo/owl";
var QuotationCard = class extends Component5 {
  static components = { ActionFooter };
  static template = xml5`
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
                <td class="text-end text-nowrap">
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
      </div>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject" doneText="labels.created"/>
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
      created: _t("Quotation %s created")
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
import { Component as Component6, xml as xml6 } from "@odoo/owl";
import { useService as useService2 } from "@web/core/utils/hooks";
var RecordChangeCard = class extends Component6 {
  static components = { ActionFooter };
  static template = xml6`
    <section class="o_copilot_card o_copilot_record_change_card" t-att-class="'o_copilot_card_' + props.action.status"
             t-att-aria-label="props.action.summary">
      <header class="o_copilot_card_header">
        <i class="fa fa-pencil o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="props.action.summary or preview.record.name"/>
        <span class="badge rounded-pill o_copilot_status" t-att-class="badge.className" t-esc="badge.label"/>
      </header>
      <div class="o_copilot_card_body">
        <div class="o_copilot_change_record">
          <a class="o_copilot_change_record_link" t-att-href="recordHref" t-on-click="onRecordClick"
             t-esc="preview.record.name"/>
        </div>
        <ul class="o_copilot_changes">
          <li t-foreach="changes" t-as="change" t-key="change.key">
            <t t-if="change.text" t-esc="change.text"/>
            <t t-else="">
              <span class="o_copilot_change_field text-muted me-1" t-esc="change.field"/>
              <span class="o_copilot_change_from" t-esc="change.from"/>
              <i class="fa fa-long-arrow-right mx-1" t-att-aria-label="labels.becomes"/>
              <strong class="o_copilot_change_to" t-esc="change.to"/>
            </t>
          </li>
        </ul>
        <div t-if="totals" class="o_copilot_change_totals">
          <span class="o_copilot_change_field text-muted" t-esc="labels.total"/>
          <span class="o_copilot_change_from text-nowrap" t-esc="totals.before"/>
          <i class="fa fa-long-arrow-right mx-1" t-att-aria-label="labels.becomes"/>
          <strong class="o_copilot_change_to text-nowrap" t-esc="totals.after"/>
        </div>
      </div>
      <ActionFooter action="props.action" request="props.request" error="props.error"
                    onConfirm="props.onConfirm" onReject="props.onReject" doneText="labels.updated"/>
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
    const { model, id } = this.preview.record;
    return recordUrl(model, id);
  }
  onRecordClick(ev) {
    openRecord(this.actionService, this.preview.record, ev);
  }
};

// src/cards/task_card/task_card.ts
import { Component as Component7, xml as xml7 } from "@odoo/owl";
var TaskCard = class extends Component7 {
  static components = { ActionFooter };
  static template = xml7`
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
                    onConfirm="props.onConfirm" onReject="props.onReject" doneText="labels.created"/>
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
import { Component as Component8, xml as xml8 } from "@odoo/owl";
var ChoiceCard = class extends Component8 {
  static template = xml8`
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

// src/copy_button/copy_button.ts
import { Component as Component9, onWillUnmount, useState as useState2, xml as xml9 } from "@odoo/owl";
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
var CopyButton = class extends Component9 {
  static template = xml9`
    <button type="button" class="btn btn-link btn-sm o_copilot_copy"
            t-att-class="{ 'o_copilot_copied': state.copied }"
            t-att-aria-label="labels.copy" t-att-title="labels.copy" t-on-click="copy">
      <i class="fa" t-att-class="state.copied ? 'fa-check' : 'fa-clone'" aria-hidden="true"/>
      <span t-if="state.copied" class="ms-1" role="status" t-esc="labels.copied"/>
    </button>`;
  static props = { text: String };
  setup() {
    this.state = useState2({ copied: false });
    this.timer = void 0;
    onWillUnmount(() => clearTimeout(this.timer));
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
  const url = unescapeHtml(escapedUrl).trim();
  if (/[\u0000-\u0020\u007f\\]/.test(url)) {
    return null;
  }
  if (/^https?:\/\/[^/?#]/i.test(url) || /^\/(?![/])/.test(url)) {
    return escapeHtml(url);
  }
  return null;
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
  text = text.replace(
    LINK_RE,
    (_match, label, url) => renderLink(emphasis(label || url), safeHref(url), holes)
  );
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
      const list = renderList(lines, i);
      out.push(list.html);
      i = list.next;
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

// src/store/describe_error.ts
function describeError(error) {
  if (error instanceof RpcError) {
    if (error.isSessionExpired) {
      return _t("Your Odoo session has expired. Reload the page to sign in again.");
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

// src/store/copilot_store.ts
var STOP_GRACE_MS = 2e3;
function sessionOpenState(getStorage, key) {
  return {
    load: () => {
      try {
        return getStorage()?.getItem(key) === "1";
      } catch {
        return false;
      }
    },
    save: (open) => {
      try {
        const storage = getStorage();
        if (open) {
          storage?.setItem(key, "1");
        } else {
          storage?.removeItem(key);
        }
      } catch {
      }
    }
  };
}
function mostRecentSession(sessions) {
  let latest;
  for (const session of sessions) {
    if (!latest || (session.updated_at || "") > (latest.updated_at || "")) {
      latest = session;
    }
  }
  return latest;
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
function now() {
  return (/* @__PURE__ */ new Date()).toISOString();
}
function newClientMessageId() {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return "cm_" + Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
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
  /** Bumped by "New conversation": answers to requests of an older conversation are dropped. */
  conversation = 0;
  localSeq = 0;
  /**
   * Stops the answer being received; null when none is. A function, not the turn itself: the
   * store is wrapped in owl's reactive(), which would wrap a plain object read from it too.
   */
  stopRunning = null;
  api;
  openState;
  stopGraceMs;
  constructor(api, openState, options = {}) {
    this.api = api;
    this.openState = openState;
    this.stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
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
  /** Reopens the user's most recent conversation, so it survives a page reload. */
  async loadLastSession() {
    const conversation = this.conversation;
    this.loadState = "loading";
    this.loadError = "";
    try {
      const { sessions } = await this.api.sessions();
      const latest = mostRecentSession(sessions ?? []);
      const history = latest ? await this.api.messages(latest.id) : void 0;
      if (conversation !== this.conversation) {
        return;
      }
      if (latest && history) {
        this.sessionId = latest.id;
        this.sessionTitle = latest.title;
        this.messages = history.messages ?? [];
      }
      this.loadState = "ready";
    } catch (error) {
      if (conversation === this.conversation) {
        this.loadState = "error";
        this.loadError = describeError(error);
      }
    }
  }
  /** Forgets the current conversation; the next message starts a new session. */
  newConversation() {
    this.conversation++;
    this.sessionId = null;
    this.sessionTitle = "";
    this.messages = [];
    this.stopRunning = null;
    this.sending = false;
    this.stopping = false;
    this.loadState = "ready";
    this.loadError = "";
    this.actionRequests = {};
    this.actionErrors = {};
  }
  /** Shows the user's message at once, then the reply; false when nothing was sent. */
  async send(text) {
    const content = text.trim();
    if (!content || this.isBusy) {
      return false;
    }
    const id = `local_${++this.localSeq}`;
    this.messages.push({ id, role: "user", content, created_at: now() });
    this.draft = "";
    await this.deliver(id);
    return true;
  }
  /** Sends a failed message again, moving it to the end of the conversation. */
  async retry(messageId) {
    const index = this.messages.findIndex((message2) => message2.id === messageId);
    const message = this.messages[index];
    if (!message?.error || this.isBusy) {
      return;
    }
    this.messages.splice(index, 1);
    this.messages.push(message);
    await this.deliver(messageId);
  }
  /** Sends an option of a choice card: the message that names the picked record. */
  pickChoice(option) {
    return this.send(option.message);
  }
  /** Stops the answer being written; what it said so far stays, marked "Stopped". */
  async stop() {
    await this.stopRunning?.();
  }
  /**
   * Sends a user message and receives the answer as it is written: an assistant message
   * shows at once and grows with the turn's events, then takes the final state of `done`.
   */
  async deliver(messageId) {
    const user = this.messages.find((candidate) => candidate.id === messageId);
    if (!user) {
      return;
    }
    user.pending = true;
    delete user.error;
    user.clientMessageId ??= newClientMessageId();
    this.messages.push({
      id: `local_reply_${++this.localSeq}`,
      role: "assistant",
      content: "",
      created_at: now(),
      actions: [],
      steps: [],
      streaming: true
    });
    const turn = {
      conversation: this.conversation,
      user,
      reply: this.messages[this.messages.length - 1],
      sessionId: this.sessionId,
      controller: new AbortController(),
      stopRequested: false,
      ended: false,
      error: "",
      newParagraph: false,
      stopTimer: void 0
    };
    this.sending = true;
    this.stopping = false;
    this.stopRunning = () => this.requestStop(turn);
    try {
      await this.api.chatStream(
        {
          ...this.sessionId ? { session_id: this.sessionId } : {},
          message: user.content,
          client_message_id: user.clientMessageId
        },
        (event) => this.onTurnEvent(turn, event),
        turn.controller.signal
      );
      if (!turn.ended && !turn.stopRequested) {
        turn.error = _t("The connection was lost before the answer was complete.");
      }
    } catch (error) {
      if (!turn.stopRequested) {
        turn.error = describeError(error);
      }
    } finally {
      clearTimeout(turn.stopTimer);
      this.endTurn(turn);
    }
  }
  onTurnEvent(turn, event) {
    if (turn.conversation !== this.conversation || turn.ended) {
      return;
    }
    const { reply } = turn;
    switch (event.type) {
      case "start":
        turn.sessionId = event.session_id;
        this.sessionId = event.session_id;
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
        if (event.status === "started") {
          steps.push({ tool: event.tool, status: "running" });
          turn.newParagraph = true;
          break;
        }
        const running = [...steps].reverse().find((step) => step.tool === event.tool && step.status === "running");
        if (running) {
          running.status = event.status;
        } else {
          steps.push({ tool: event.tool, status: event.status });
        }
        break;
      }
      case "action":
        upsertAction(reply, event.action);
        break;
      case "done":
        turn.ended = true;
        this.applyResult(turn, event.result);
        break;
      case "error":
        turn.ended = true;
        turn.error = event.message || _t("The Copilot service could not answer. Try again.");
        break;
    }
  }
  /** The final state of the answer, as the server stored it. */
  applyResult(turn, result) {
    const { reply } = turn;
    if (result.session_id) {
      this.sessionId = result.session_id;
    }
    if (result.message_id) {
      reply.id = result.message_id;
    }
    reply.content = result.reply || (result.stopped ? reply.content : "");
    reply.actions = result.actions ?? reply.actions ?? [];
    reply.stopped = Boolean(result.stopped);
    if (result.choices?.length) {
      reply.choices = result.choices;
    }
  }
  async requestStop(turn) {
    if (turn.stopRequested || turn.conversation !== this.conversation) {
      return;
    }
    turn.stopRequested = true;
    this.stopping = true;
    turn.reply.stopped = true;
    if (!turn.sessionId) {
      turn.controller.abort();
      return;
    }
    try {
      await this.api.stop(turn.sessionId);
    } catch {
    }
    if (!turn.ended) {
      turn.stopTimer = setTimeout(() => turn.controller.abort(), this.stopGraceMs);
    }
  }
  endTurn(turn) {
    if (turn.conversation !== this.conversation) {
      return;
    }
    const { user, reply } = turn;
    this.sending = false;
    this.stopping = false;
    this.stopRunning = null;
    user.pending = false;
    reply.streaming = false;
    delete reply.steps;
    if (turn.error) {
      user.error = turn.error;
      reply.stopped = false;
      if (!reply.actions?.length) {
        const index = this.messages.findIndex((message) => message.id === reply.id);
        if (index !== -1) {
          this.messages.splice(index, 1);
        }
      }
    } else if (!turn.ended) {
      reply.stopped = true;
    }
  }
  confirmAction(actionId) {
    return this.runAction(actionId, "confirm");
  }
  rejectAction(actionId) {
    return this.runAction(actionId, "reject");
  }
  async runAction(actionId, request) {
    if (this.actionRequests[actionId]) {
      return;
    }
    const conversation = this.conversation;
    this.actionRequests[actionId] = request;
    delete this.actionErrors[actionId];
    try {
      const { action } = request === "confirm" ? await this.api.confirmAction(actionId) : await this.api.rejectAction(actionId);
      if (conversation === this.conversation) {
        applyAction(this.messages, action);
      }
    } catch (error) {
      if (conversation === this.conversation) {
        this.actionErrors[actionId] = describeError(error);
      }
    } finally {
      if (conversation === this.conversation) {
        delete this.actionRequests[actionId];
      }
    }
  }
};

// src/message_list/tool_label.ts
function toolLabel(tool) {
  switch (tool) {
    case "search_customers":
      return _t("Searching customers…");
    case "search_products":
      return _t("Searching products…");
    case "get_stock":
      return _t("Reading stock…");
    case "create_quotation":
      return _t("Preparing the quotation…");
    case "list_quotations":
      return _t("Reading quotations…");
    case "get_quotation":
      return _t("Reading the quotation…");
    case "update_quotation":
      return _t("Preparing the changes to the quotation…");
    case "confirm_quotation":
      return _t("Preparing the confirmation of the quotation…");
    case "send_quotation":
      return _t("Preparing to send the quotation…");
    case "list_projects":
      return _t("Reading projects…");
    case "project_summary":
      return _t("Summarizing the project…");
    case "list_tasks":
      return _t("Reading tasks…");
    case "create_task":
      return _t("Preparing the task…");
    case "update_task":
      return _t("Preparing the changes to the task…");
    case "log_project_note":
      return _t("Preparing the note…");
    case "show_kit":
      return _t("Reading the kit's components…");
    case "list_documents":
      return _t("Reading documents…");
    default:
      return _t("Working…");
  }
}

// src/message_list/message_list.ts
var MAX_CACHED = 200;
var STICK_PX = 48;
var MessageList = class extends Component10 {
  static components = { ChoiceCard, CopyButton };
  static template = xml10`
    <div class="o_copilot_messages" t-ref="scroller" role="log" aria-live="polite"
         t-att-aria-label="labels.conversation">
      <div t-if="store.loadState === 'loading'" class="o_copilot_loading text-muted" role="status">
        <i class="fa fa-circle-o-notch fa-spin me-2" aria-hidden="true"/>
        <t t-esc="labels.loading"/>
      </div>
      <div t-elif="store.loadState === 'error'" class="alert alert-warning o_copilot_load_error" role="alert">
        <div t-esc="store.loadError"/>
        <button type="button" class="btn btn-sm btn-secondary mt-2 o_copilot_reload"
                t-on-click="() => store.loadLastSession()">
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
              <span t-esc="toolLabel(step.tool)"/>
            </li>
          </ul>
          <div t-if="message.content" class="o_copilot_markdown" t-out="html(message)"/>
          <div t-elif="message.streaming and !isToolRunning(message)" class="o_copilot_typing" role="status">
            <span class="visually-hidden" t-esc="labels.typing"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
            <span class="o_copilot_typing_dot" aria-hidden="true"/>
          </div>
          <t t-foreach="message.actions or []" t-as="action" t-key="action.id">
            <t t-component="cardFor(action)" action="action"
               request="store.actionRequests[action.id] or ''" error="store.actionErrors[action.id] or ''"
               onConfirm.bind="confirm" onReject.bind="reject"/>
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
          </div>
        </div>
      </t>
    </div>`;
  static props = { store: CopilotStore };
  setup() {
    this.store = useState3(this.props.store);
    this.scroller = useRef2("scroller");
    this.rendered = /* @__PURE__ */ new Map();
    this.stick = true;
    this.shownCount = 0;
    onWillPatch(() => {
      const el = this.scroller.el;
      this.stick = !el || el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    });
    useEffect(
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
      emptyTitle: _t("How can I help?"),
      emptyText: _t(
        "Ask about your customers, products and stock, or have a quotation prepared. Nothing is written in Odoo before you confirm it."
      )
    };
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
    return [last.id, last.content.length, last.steps?.length ?? 0, last.choices?.length ?? 0, last.streaming, actions].join("|");
  }
  toolLabel(tool) {
    return toolLabel(tool);
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
    const content = message.content;
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
};

// src/chat_panel/chat_panel.ts
var ChatPanel = class extends Component11 {
  static components = { Composer, MessageList };
  static template = xml11`
    <aside t-if="store.isOpen" id="o_copilot_panel" class="o_copilot_panel" t-ref="panel"
           t-att-aria-label="labels.title" t-on-keydown="onKeydown">
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
        <button type="button" class="btn btn-link o_copilot_header_button o_copilot_close"
                t-att-aria-label="labels.close" t-att-title="labels.close" t-on-click="close">
          <i class="fa fa-times" aria-hidden="true"/>
        </button>
      </header>
      <MessageList store="props.store"/>
      <Composer draft="store.draft" busy="store.isBusy" canStop="store.canStop"
                lastMessage="store.lastUserMessage" autofocus="store.autofocus"
                onDraftChange.bind="onDraftChange" onSend.bind="onSend" onStop.bind="onStop"/>
    </aside>`;
  static props = { store: CopilotStore };
  setup() {
    this.store = useState4(this.props.store);
    this.panel = useRef3("panel");
  }
  get labels() {
    return {
      title: _t("Copilot"),
      newConversation: _t("New conversation"),
      close: _t("Close")
    };
  }
  onNewConversation() {
    this.store.newConversation();
    this.panel.el?.querySelector(".o_copilot_input")?.focus();
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

// src/systray/systray.ts
import { Component as Component12, useState as useState5, xml as xml12 } from "@odoo/owl";
var CopilotSystray = class extends Component12 {
  static template = xml12`
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
  setup() {
    this.store = useState5(this.props.store);
  }
  get label() {
    return this.store.isOpen ? _t("Close Copilot") : _t("Open Copilot");
  }
};

// src/main.ts
var store = reactive(
  new CopilotStore(createCopilotApi(createRpc(), { csrfToken }), sessionOpenState(() => window.sessionStorage, "copilot.panel.open"))
);
store.restore();
registry.category("systray").add("copilot.systray", { Component: CopilotSystray, props: { store } }, { sequence: 30 });
registry.category("main_components").add("copilot.panel", { Component: ChatPanel, props: { store } });

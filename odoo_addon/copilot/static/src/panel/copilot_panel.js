/** @odoo-module **/

// src/main.ts
import { reactive } from "@odoo/owl";
import { registry } from "@web/core/registry";

// src/api/copilot_api.ts
function createCopilotApi(rpc) {
  return {
    chat: ({ session_id, message }) => rpc("/copilot/chat", session_id ? { session_id, message } : { message }),
    confirmAction: (actionId) => rpc("/copilot/action/confirm", { action_id: actionId }),
    rejectAction: (actionId) => rpc("/copilot/action/reject", { action_id: actionId }),
    sessions: () => rpc("/copilot/sessions", {}),
    messages: (sessionId) => rpc("/copilot/messages", { session_id: sessionId })
  };
}

// src/chat_panel/chat_panel.ts
import { Component as Component6, useRef as useRef3, useState as useState3, xml as xml6 } from "@odoo/owl";

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
        <button type="submit" class="btn btn-primary o_copilot_send" t-att-disabled="!canSend"
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
    autofocus: Boolean,
    onDraftChange: Function,
    onSend: Function
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
    }
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
import { Component as Component5, markup, useEffect, useRef as useRef2, useState as useState2, xml as xml5 } from "@odoo/owl";

// src/api/types.ts
function isQuotationPreview(preview) {
  return preview?.kind === "quotation" && Array.isArray(preview.lines);
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

// src/cards/action_status.ts
function statusBadge(status) {
  switch (status) {
    case "proposed":
      return { label: _t("To confirm"), className: "text-bg-warning" };
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
    if (!record || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) {
      return;
    }
    ev.preventDefault();
    void this.actionService.doAction({
      type: "ir.actions.act_window",
      res_model: record.model,
      res_id: record.id,
      views: [[false, "form"]],
      target: "current"
    });
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

// src/cards/quotation_card/quotation_card.ts
import { Component as Component4, xml as xml4 } from "@odoo/owl";
var QuotationCard = class extends Component4 {
  static components = { ActionFooter };
  static template = xml4`
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

// src/cards/card_for_action.ts
function cardForAction(action) {
  if (action.tool === "create_quotation" && isQuotationPreview(action.preview)) {
    return QuotationCard;
  }
  return ActionCard;
}

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
var CopilotStore = class {
  isOpen = false;
  sessionId = null;
  sessionTitle = "";
  messages = [];
  loadState = "idle";
  loadError = "";
  /** A /copilot/chat request is running. */
  sending = false;
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
  api;
  openState;
  constructor(api, openState) {
    this.api = api;
    this.openState = openState;
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
    this.sending = false;
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
  async deliver(messageId) {
    const message = this.messages.find((candidate) => candidate.id === messageId);
    if (!message) {
      return;
    }
    const conversation = this.conversation;
    message.pending = true;
    delete message.error;
    this.sending = true;
    try {
      const result = await this.api.chat(
        this.sessionId ? { session_id: this.sessionId, message: message.content } : { message: message.content }
      );
      if (conversation !== this.conversation) {
        return;
      }
      this.sessionId = result.session_id;
      message.pending = false;
      this.messages.push({
        id: result.message_id || `reply_${messageId}`,
        role: "assistant",
        content: result.reply ?? "",
        created_at: now(),
        actions: result.actions ?? []
      });
    } catch (error) {
      if (conversation === this.conversation) {
        message.pending = false;
        message.error = describeError(error);
      }
    } finally {
      if (conversation === this.conversation) {
        this.sending = false;
      }
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

// src/message_list/message_list.ts
var MAX_CACHED = 200;
var MessageList = class extends Component5 {
  static template = xml5`
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
        <div t-else="" class="o_copilot_message o_copilot_message_assistant">
          <div class="o_copilot_markdown" t-out="html(message.content)"/>
          <t t-foreach="message.actions or []" t-as="action" t-key="action.id">
            <t t-component="cardFor(action)" action="action"
               request="store.actionRequests[action.id] or ''" error="store.actionErrors[action.id] or ''"
               onConfirm.bind="confirm" onReject.bind="reject"/>
          </t>
        </div>
      </t>
      <div t-if="store.sending" class="o_copilot_typing" role="status">
        <span class="visually-hidden" t-esc="labels.typing"/>
        <span class="o_copilot_typing_dot" aria-hidden="true"/>
        <span class="o_copilot_typing_dot" aria-hidden="true"/>
        <span class="o_copilot_typing_dot" aria-hidden="true"/>
      </div>
    </div>`;
  static props = { store: CopilotStore };
  setup() {
    this.store = useState2(this.props.store);
    this.scroller = useRef2("scroller");
    this.rendered = /* @__PURE__ */ new Map();
    useEffect(
      () => {
        const el = this.scroller.el;
        if (el) {
          el.scrollTop = el.scrollHeight;
        }
      },
      () => [this.store.messages.length, this.store.sending, this.store.loadState, this.lastActionsKey]
    );
  }
  get labels() {
    return {
      conversation: _t("Conversation with Copilot"),
      loading: _t("Loading the conversation…"),
      retry: _t("Retry"),
      typing: _t("Copilot is writing…"),
      emptyTitle: _t("How can I help?"),
      emptyText: _t(
        "Ask about your customers, products and stock, or have a quotation prepared. Nothing is written in Odoo before you confirm it."
      )
    };
  }
  get isEmpty() {
    return this.store.loadState === "ready" && this.store.messages.length === 0 && !this.store.sending;
  }
  get lastActionsKey() {
    const last = this.store.messages[this.store.messages.length - 1];
    return (last?.actions ?? []).map((action) => `${action.id}:${action.status}`).join(",");
  }
  html(content) {
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
var ChatPanel = class extends Component6 {
  static components = { Composer, MessageList };
  static template = xml6`
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
      <Composer draft="store.draft" busy="store.isBusy" autofocus="store.autofocus"
                onDraftChange.bind="onDraftChange" onSend.bind="onSend"/>
    </aside>`;
  static props = { store: CopilotStore };
  setup() {
    this.store = useState3(this.props.store);
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
import { Component as Component7, useState as useState4, xml as xml7 } from "@odoo/owl";
var CopilotSystray = class extends Component7 {
  static template = xml7`
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
    this.store = useState4(this.props.store);
  }
  get label() {
    return this.store.isOpen ? _t("Close Copilot") : _t("Open Copilot");
  }
};

// src/main.ts
var store = reactive(
  new CopilotStore(createCopilotApi(createRpc()), sessionOpenState(() => window.sessionStorage, "copilot.panel.open"))
);
store.restore();
registry.category("systray").add("copilot.systray", { Component: CopilotSystray, props: { store } }, { sequence: 30 });
registry.category("main_components").add("copilot.panel", { Component: ChatPanel, props: { store } });

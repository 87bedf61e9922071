import { Component, xml } from "@odoo/owl";
import { useService, type ActionService } from "@web/core/utils/hooks";

import type { RecordChange, RecordChangePreview } from "../../api/types";
import { formatMoney } from "../../format/money";
import { numberFormat, recordUrl } from "../../odoo/compat";
import { _t } from "../../odoo/l10n";
import { ActionFooter } from "../action_footer/action_footer";
import { actionCardProps, statusBadge, type ActionCardProps } from "../action_status";
import { openRecord } from "../open_record";

interface ChangeRow {
  key: string;
  /** A whole translated line, or "" when the change is a field going from → to. */
  text: string;
  field: string;
  from: string;
  to: string;
}

/**
 * A change to an existing record (copilot.RecordChangeCard): update_quotation, confirm_quotation,
 * send_quotation, update_task. The record, each change, and the totals before and after.
 */
export class RecordChangeCard extends Component<ActionCardProps> {
  static components = { ActionFooter };
  static template = xml`
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

  declare actionService: ActionService;

  setup(): void {
    this.actionService = useService("action");
  }

  get preview(): RecordChangePreview {
    return this.props.action.preview as RecordChangePreview;
  }

  get badge() {
    return statusBadge(this.props.action.status);
  }

  get labels(): Record<string, string> {
    return {
      total: _t("Total"),
      becomes: _t("becomes"),
      updated: _t("%s updated"),
    };
  }

  /** The label of a changed field; the agent sends technical names. */
  fieldLabel(field: string): string {
    switch (field) {
      case "state":
        return _t("Status");
      default:
        return field.replace(/_/g, " ");
    }
  }

  get changes(): ChangeRow[] {
    return this.preview.changes.map((change: RecordChange, index) =>
      "text" in change
        ? { key: String(index), text: change.text, field: "", from: "", to: "" }
        : { key: String(index), text: "", field: this.fieldLabel(change.field), from: change.from, to: change.to },
    );
  }

  get totals(): { before: string; after: string } | null {
    const totals = this.preview.totals;
    if (!totals) {
      return null;
    }
    const currency = totals.currency ?? { symbol: "", position: "after" as const };
    const format = numberFormat();
    return {
      before: formatMoney(totals.before, currency, format),
      after: formatMoney(totals.after, currency, format),
    };
  }

  get recordHref(): string {
    // an undo of a change whose record is not known has none (the contract: `record` is optional)
    const record = this.preview.record;
    return record ? recordUrl(record.model, record.id) : "";
  }

  onRecordClick(ev: MouseEvent): void {
    if (this.preview.record) {
      openRecord(this.actionService, this.preview.record, ev);
    }
  }
}

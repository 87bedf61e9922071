import { Component, xml } from "@odoo/owl";
import { useService, type ActionService } from "@web/core/utils/hooks";

import { recordUrl } from "../../odoo/compat";
import { _t } from "../../odoo/l10n";
import { actionCardProps, type ActionCardProps } from "../action_status";
import { openRecord } from "../open_record";

export interface ActionFooterProps extends ActionCardProps {
  /** The line shown once done, with `%s` where the record's link goes. */
  doneText: string;
}

/**
 * The bottom of every action card (copilot.ActionFooter): Confirm / Cancel while proposed,
 * then the outcome — a link to the written record, "Cancelled", or the error.
 */
export class ActionFooter extends Component<ActionFooterProps> {
  static template = xml`
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

  declare actionService: ActionService;

  setup(): void {
    this.actionService = useService("action");
  }

  get labels(): Record<string, string> {
    return {
      confirm: _t("Confirm"),
      cancel: _t("Cancel"),
      done: _t("Done"),
      cancelled: _t("Cancelled"),
      failed: _t("This action failed."),
    };
  }

  /** The text around the record's link: "Quotation %s created" → ["Quotation ", " created"]. */
  get doneParts(): [string, string] {
    const text = String(this.props.doneText);
    const at = text.indexOf("%s");
    return at === -1 ? [`${text} `, ""] : [text.slice(0, at), text.slice(at + 2)];
  }

  get recordHref(): string {
    const record = this.props.action.record;
    return record ? recordUrl(record.model, record.id) : "#";
  }

  openRecord(ev: MouseEvent): void {
    const record = this.props.action.record;
    if (record) {
      openRecord(this.actionService, record, ev);
    }
  }
}

import { Component, xml } from "@odoo/owl";
import { useService, type ActionService } from "@web/core/utils/hooks";

import { recordUrl } from "../../odoo/compat";
import { _t } from "../../odoo/l10n";
import { actionCardProps, canUndo, type ActionCardProps } from "../action_status";
import { openRecord } from "../open_record";

export interface ActionFooterProps extends ActionCardProps {
  /** The line shown once done, with `%s` where the record's link goes. */
  doneText: string;
  /** Confirm and Cancel wait (the card's quantities are being edited). */
  locked?: boolean;
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
      undo: _t("Undo change"),
      undoTitle: _t("Reverse this change in Odoo, if nothing changed since"),
      deleted: _t("Deleted in Odoo"),
    };
  }

  get liveText(): string {
    return _t("Now in Odoo: %s", this.props.live?.label ?? "");
  }

  get undoState(): string {
    return this.props.undo?.state ?? "";
  }

  /** Undo on a done change, until it is undone (a refusal or an error may be tried again). */
  get showUndo(): boolean {
    return Boolean(this.props.onUndo) && canUndo(this.props.action) && this.undoState !== "undone";
  }

  get undoClass(): string {
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

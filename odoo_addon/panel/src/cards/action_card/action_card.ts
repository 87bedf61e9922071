import { Component, xml } from "@odoo/owl";

import { _t } from "../../odoo/l10n";
import { ActionFooter } from "../action_footer/action_footer";
import { actionCardProps, statusBadge, type ActionCardProps } from "../action_status";

/** Any action without a dedicated card (copilot.ActionCard): its summary and status. */
export class ActionCard extends Component<ActionCardProps> {
  static components = { ActionFooter };
  static template = xml`
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

  get labels(): Record<string, string> {
    return { done: _t("Done: %s") };
  }
}

import { Component, xml } from "@odoo/owl";

import type { TaskPreview } from "../../api/types";
import { _t } from "../../odoo/l10n";
import { ActionFooter } from "../action_footer/action_footer";
import { actionCardProps, statusBadge, type ActionCardProps } from "../action_status";

/** The task a `create_task` action will create (copilot.TaskCard): project, title, deadline, assignee, description. */
export class TaskCard extends Component<ActionCardProps> {
  static components = { ActionFooter };
  static template = xml`
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

  get preview(): TaskPreview {
    return this.props.action.preview as TaskPreview;
  }

  get badge() {
    return statusBadge(this.props.action.status);
  }

  /** The agent writes "me" for the current user. */
  get assignee(): string {
    return this.preview.assignee === "me" ? _t("Me") : (this.preview.assignee ?? "");
  }

  get labels(): Record<string, string> {
    return {
      task: _t("Task"),
      project: _t("Project"),
      deadline: _t("Deadline"),
      assignee: _t("Assigned to"),
      created: _t("Task %s created"),
    };
  }
}

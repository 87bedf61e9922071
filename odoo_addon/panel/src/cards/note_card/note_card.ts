import { Component, xml } from "@odoo/owl";

import type { NotePreview } from "../../api/types";
import { _t } from "../../odoo/l10n";
import { ActionFooter } from "../action_footer/action_footer";
import { actionCardProps, statusBadge, type ActionCardProps } from "../action_status";

/** The internal note a `log_project_note` action will log on a project (copilot.NoteCard). */
export class NoteCard extends Component<ActionCardProps> {
  static components = { ActionFooter };
  static template = xml`
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

  get preview(): NotePreview {
    return this.props.action.preview as NotePreview;
  }

  get badge() {
    return statusBadge(this.props.action.status);
  }

  get labels(): Record<string, string> {
    return {
      note: _t("Internal note"),
      project: _t("Project"),
      logged: _t("Note logged on %s"),
    };
  }
}

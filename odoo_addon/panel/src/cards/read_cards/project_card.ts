import { Component, xml } from "@odoo/owl";

import { _t } from "../../odoo/l10n";
import { CardHeader } from "./card_header";
import type { ProjectView } from "./read_card_views";
import { useRecordLinks, type RecordLinks } from "./record_link";

/** A project's summary (copilot.ProjectCard): progress, status, tasks, overdue ones and the next deadlines. */
export class ProjectCard extends Component<{ view: ProjectView }> {
  static components = { CardHeader };
  static template = xml`
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

  declare links: RecordLinks;

  setup(): void {
    this.links = useRecordLinks();
  }

  get tasksText(): string {
    const { open, total } = this.props.view;
    return open === null ? String(total) : _t("%s open of %s", String(open), String(total));
  }

  get labels(): Record<string, string> {
    return {
      progress: _t("Progress"),
      manager: _t("Manager"),
      dates: _t("Dates"),
      tasks: _t("Tasks"),
      overdue: _t("Overdue"),
      next: _t("Next deadlines"),
    };
  }
}

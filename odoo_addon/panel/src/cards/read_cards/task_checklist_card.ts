import { Component, useState, xml } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";

import { _t } from "../../odoo/l10n";
import { CardHeader } from "./card_header";
import type { ChecklistView, SubtaskView } from "./read_card_views";
import { useRecordLinks, type RecordLinks } from "./record_link";
import { DONE_STATE, REOPENED_STATE } from "./state_labels";
import { checklistProgress } from "./tools/tasks";

/** What the checklist needs of `useService("orm")` (17, 18 and 19). */
export interface OrmWriter {
  write?(model: string, ids: number[], values: Record<string, unknown>): Promise<unknown>;
  call(model: string, method: string, args?: unknown[], kwargs?: Record<string, unknown>): Promise<unknown>;
}

/** Odoo's RPC errors carry the server's message in `data.message`. */
function errorMessage(error: unknown): string {
  const data = (error as { data?: { message?: unknown } } | undefined)?.data;
  if (typeof data?.message === "string" && data.message) {
    return data.message;
  }
  return error instanceof Error && error.message ? error.message : "";
}

/**
 * A task and its sub-tasks as a checklist (copilot.TaskChecklistCard). Ticking a sub-task is
 * the user's own click on their own data: it is written at once through the ORM, as the user
 * (state "1_done", or "01_in_progress" when unticked), shown before the server answers and put
 * back with the error beside it if the write fails.
 */
export class TaskChecklistCard extends Component<{ view: ChecklistView }> {
  static components = { CardHeader };
  static template = xml`
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

  declare links: RecordLinks;
  declare orm: OrmWriter;
  declare uid: number;
  declare state: { subtasks: SubtaskView[]; pending: Record<number, boolean>; errors: Record<number, string> };

  setup(): void {
    this.links = useRecordLinks();
    this.orm = useService("orm") as OrmWriter;
    this.uid = ++TaskChecklistCard.seq;
    this.state = useState({
      subtasks: this.props.view.subtasks.map((task) => ({ ...task })),
      pending: {},
      errors: {},
    });
  }

  static seq = 0;

  get progressText(): string {
    const { done, total } = checklistProgress(this.state.subtasks);
    return _t("%s/%s done", String(done), String(total));
  }

  /** "Marc · 3/5/2026". */
  meta(task: SubtaskView): string {
    return [task.assignees, task.deadline].filter(Boolean).join(" · ");
  }

  subtaskRef(task: SubtaskView) {
    return { model: "project.task", id: task.id, name: task.name };
  }

  async toggle(task: SubtaskView): Promise<void> {
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
      this.state.errors[task.id] = message
        ? _t("Not saved: %s", message)
        : _t("Not saved. Try again.");
    } finally {
      delete this.state.pending[task.id];
    }
  }

  get labels(): Record<string, string> {
    return {
      project: _t("Project"),
      stage: _t("Stage"),
      deadline: _t("Deadline"),
      assignees: _t("Assignees"),
      none: _t("No sub-tasks."),
      open: _t("Open in Odoo"),
    };
  }
}

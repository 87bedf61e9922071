/** The task tools: list_tasks, and get_task (a task and its subtasks, as a checklist). */

import { _t } from "../../../odoo/l10n";
import { id, isPast, list, more, names, ref, str, type CardFormat, type Data } from "../card_fields";
import type { ChecklistView, SubtaskView, TableView } from "../read_card_views";
import { CLOSED_TASK_STATES } from "../state_labels";

export function tasksTable(data: Data, format: CardFormat): TableView {
  const tasks = list(data.tasks);
  // Tasks of one project (the usual question): its name on every row says nothing.
  const projects = new Set(tasks.map((task) => str(task.project)));
  const showProject = projects.size > 1 || (tasks.length === 1 && Boolean(str(tasks[0]!.project)));
  return {
    kind: "table",
    icon: "fa-tasks",
    title: !showProject && tasks.length && str(tasks[0]!.project) ? _t("Tasks of %s", str(tasks[0]!.project)) : _t("Tasks"),
    nameLabel: _t("Task"),
    columns: [...(showProject ? [{ label: _t("Project") }] : []), { label: _t("Stage") }, { label: _t("Assignees") }, { label: _t("Deadline") }],
    rows: tasks.map((task) => ({
      record: ref("project.task", task.id, str(task.name)),
      name: str(task.name),
      cells: [
        ...(showProject ? [{ text: str(task.project) }] : []),
        { text: str(task.stage) },
        { text: names(task.assignees) },
        { text: format.date(task.deadline), className: isPast(task.deadline, format.today) ? "text-danger" : "" },
      ],
    })),
    more: more(data),
  };
}

/** A task and its subtasks, each done from its `done`, else from a closed state. */
export function taskChecklist(data: Data, format: CardFormat): ChecklistView | undefined {
  if (!str(data.name)) {
    return undefined;
  }
  return {
    kind: "checklist",
    record: ref("project.task", data.id, str(data.name)),
    name: str(data.name),
    project: str(data.project),
    stage: str(data.stage),
    deadline: format.date(data.deadline),
    assignees: names(data.assignees),
    subtasks: list(data.subtasks)
      .filter((task) => id(task.id))
      .map((task) => ({
        id: id(task.id)!,
        name: str(task.name),
        state: str(task.state),
        done: typeof task.done === "boolean" ? task.done : CLOSED_TASK_STATES.includes(str(task.state)),
        assignees: names(task.assignees),
        deadline: format.date(task.deadline),
      })),
  };
}

/** "2/5 done". */
export function checklistProgress(subtasks: readonly Pick<SubtaskView, "done">[]): { done: number; total: number } {
  return { done: subtasks.filter((task) => task.done).length, total: subtasks.length };
}

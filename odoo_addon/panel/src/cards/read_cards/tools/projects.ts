/** The project tools: list_projects, and project_summary (one project's card). */

import { _t } from "../../../odoo/l10n";
import { isObject, isPast, list, more, num, ref, str, type CardFormat, type Data } from "../card_fields";
import type { DeadlineItem, ProjectView, TableView } from "../read_card_views";
import { badgeCell, projectStatus } from "../state_labels";

function clampPercent(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

export function projectsTable(data: Data, format: CardFormat): TableView {
  return {
    kind: "table",
    icon: "fa-puzzle-piece",
    title: _t("Projects"),
    nameLabel: _t("Project"),
    columns: [
      { label: _t("Manager") },
      { label: _t("Progress"), numeric: true },
      { label: _t("Open tasks"), numeric: true },
      { label: _t("Deadline") },
      { label: _t("Status") },
    ],
    rows: list(data.projects).map((p) => {
      const progress = num(p.progress);
      return {
        record: ref("project.project", p.id, str(p.name)),
        name: str(p.name),
        cells: [
          { text: str(p.manager) },
          progress === null ? { text: "" } : { text: `${Math.round(progress)}%`, progress: clampPercent(progress) },
          { text: str(p.open_tasks) },
          { text: format.date(p.deadline), className: isPast(p.deadline, format.today) ? "text-danger" : "" },
          badgeCell(projectStatus(p.status, p.status_label)),
        ],
      };
    }),
    more: more(data),
  };
}

/** One project: its progress, status, open tasks, overdue and next deadlines. */
export function projectView(data: Data, format: CardFormat): ProjectView | undefined {
  if (!str(data.name)) {
    return undefined;
  }
  const tasks = isObject(data.tasks) ? data.tasks : {};
  const dates = isObject(data.dates) ? data.dates : {};
  const progress = num(data.progress);
  const deadlines = (value: unknown): DeadlineItem[] =>
    list(value).map((task) => ({
      record: ref("project.task", task.id, str(task.name)),
      name: str(task.name),
      deadline: format.date(task.deadline),
    }));
  const start = format.date(dates.start);
  const end = format.date(dates.end);
  return {
    kind: "project",
    record: ref("project.project", data.id, str(data.name)),
    name: str(data.name),
    manager: str(data.manager),
    dates: start && end ? `${start} → ${end}` : end || start,
    progress: progress === null ? null : clampPercent(progress),
    status: projectStatus(data.status, data.status_label),
    open: num(tasks.open),
    total: num(tasks.total),
    overdue: deadlines(data.overdue),
    next: deadlines(data.next_deadlines),
  };
}

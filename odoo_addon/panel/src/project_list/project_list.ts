import { Component, onWillStart, onWillUnmount, useState, xml } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";

import { subscribeBus, useBusService } from "../odoo/compat";
import { _t } from "../odoo/l10n";
import { createLiveRefresh, RECORD_CHANGED } from "../projects/live_refresh";
import {
  formatDeadline,
  isOverdue,
  loadProjects,
  projectStatusBadge,
  type OrmLike,
  type ProjectItem,
  type StatusBadge,
} from "../projects/projects";
import { CopilotStore } from "../store/copilot_store";

export interface ProjectListProps {
  store: CopilotStore;
  /** The user's language (BCP 47), for the deadlines. */
  lang: string;
  /** The user's id, for "Mine"; undefined when unknown (the filter is then hidden). */
  uid?: number;
  /** A project became the chat's context: the page puts the focus in the input. */
  onPicked: () => void;
}

interface ProjectListState {
  status: "loading" | "ready" | "unavailable" | "error";
  projects: ProjectItem[];
  error: string;
  mine: boolean;
}

/**
 * The projects column of the full page (copilot.ProjectList), read from Odoo as the user:
 * name, progress, deadline, open tasks and the last update's status. A click makes the
 * project the chat's context (a chip above the input, sent as the turn's `context`); a second
 * click on it removes it. Hidden behind a note when the Project app is not installed.
 * Live: a project or task change announced on Odoo's bus reloads it quietly, once per burst
 * (src/projects/live_refresh.ts).
 */
export class ProjectList extends Component<ProjectListProps> {
  static template = xml`
    <section class="o_copilot_projects" aria-labelledby="o_copilot_projects_title">
      <div class="o_copilot_sidebar_head">
        <h2 id="o_copilot_projects_title" class="o_copilot_sidebar_title" t-esc="labels.title"/>
        <div t-if="props.uid and state.status !== 'unavailable'" class="btn-group btn-group-sm o_copilot_projects_filter" role="group" t-att-aria-label="labels.filter">
          <button type="button" class="btn" t-att-class="state.mine ? 'btn-outline-secondary' : 'btn-secondary'"
                  t-att-aria-pressed="state.mine ? 'false' : 'true'" t-on-click="() => this.setMine(false)" t-esc="labels.all"/>
          <button type="button" class="btn o_copilot_projects_mine" t-att-class="state.mine ? 'btn-secondary' : 'btn-outline-secondary'"
                  t-att-aria-pressed="state.mine ? 'true' : 'false'" t-on-click="() => this.setMine(true)" t-esc="labels.mine"/>
        </div>
      </div>
      <div t-if="state.status === 'loading'" class="o_copilot_projects_loading text-muted" role="status">
        <i class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
        <t t-esc="labels.loading"/>
      </div>
      <p t-elif="state.status === 'unavailable'" class="o_copilot_projects_unavailable text-muted" t-esc="labels.unavailable"/>
      <div t-elif="state.status === 'error'" class="alert alert-warning o_copilot_projects_error" role="alert">
        <span t-esc="state.error"/>
        <button type="button" class="btn btn-link btn-sm p-0 ms-1 align-baseline" t-on-click="() => this.load()" t-esc="labels.retry"/>
      </div>
      <p t-elif="!state.projects.length" class="o_copilot_projects_empty text-muted" t-esc="labels.empty"/>
      <ul t-else="" class="o_copilot_project_items list-unstyled">
        <li t-foreach="state.projects" t-as="project" t-key="project.id">
          <button type="button" class="o_copilot_project" t-att-class="{ 'o_copilot_project_active': isActive(project) }"
                  t-att-aria-pressed="isActive(project) ? 'true' : 'false'" t-att-title="labels.pick"
                  t-on-click="() => this.pick(project)">
            <span class="o_copilot_project_line">
              <span class="o_copilot_project_name" t-esc="project.name"/>
              <span t-if="badge(project)" class="badge rounded-pill o_copilot_project_status"
                    t-att-class="badge(project).className" t-esc="badge(project).label"/>
            </span>
            <span t-if="project.progress !== null" class="o_copilot_project_progress">
              <span class="progress" role="progressbar" t-att-aria-label="labels.progress"
                    t-att-aria-valuenow="project.progress" aria-valuemin="0" aria-valuemax="100">
                <span class="progress-bar" t-att-style="'width: ' + project.progress + '%'"/>
              </span>
              <span class="o_copilot_project_percent" t-esc="project.progress + ' %'"/>
            </span>
            <span class="o_copilot_project_meta text-muted">
              <span t-if="project.deadline" class="o_copilot_project_deadline" t-att-class="{ 'text-danger': overdue(project) }">
                <i class="fa fa-calendar-o me-1" aria-hidden="true"/>
                <t t-esc="deadline(project)"/>
              </span>
              <span t-if="project.openTasks !== null" class="o_copilot_project_tasks">
                <i class="fa fa-tasks me-1" aria-hidden="true"/>
                <t t-esc="openTasks(project)"/>
              </span>
            </span>
          </button>
        </li>
      </ul>
    </section>`;
  static props = { store: CopilotStore, lang: String, uid: { type: Number, optional: true }, onPicked: Function };

  declare store: CopilotStore;
  declare state: ProjectListState;
  declare orm: OrmLike;
  /** Increases with each load: an answer that is no longer the latest is dropped. */
  declare loadSeq: number;

  setup(): void {
    this.store = useState(this.props.store);
    this.state = useState({ status: "loading", projects: [], error: "", mine: false });
    this.orm = useService("orm") as OrmLike;
    this.loadSeq = 0;
    onWillStart(() => {
      void this.load();
    });
    const live = createLiveRefresh(() => void this.load({ quiet: true }));
    const stop = subscribeBus(useBusService(), RECORD_CHANGED, (payload) => live.notify(payload));
    onWillUnmount(() => {
      stop();
      live.dispose();
    });
  }

  get labels(): Record<string, string> {
    return {
      title: _t("Projects"),
      filter: _t("Which projects"),
      all: _t("All"),
      mine: _t("Mine"),
      loading: _t("Loading the projects…"),
      unavailable: _t("The Project app is not installed."),
      empty: _t("No project to show."),
      retry: _t("Retry"),
      pick: _t("Talk about this project"),
      progress: _t("Tasks done"),
    };
  }

  /** `quiet`: a live refresh keeps the list on screen while it reloads (no spinner). */
  async load(options: { quiet?: boolean } = {}): Promise<void> {
    const seq = ++this.loadSeq;
    const quiet = options.quiet && this.state.status === "ready";
    if (!quiet) {
      this.state.status = "loading";
    }
    try {
      const result = await loadProjects(this.orm, { mine: this.state.mine, uid: this.props.uid });
      if (seq !== this.loadSeq) {
        return;
      }
      if (result.state === "unavailable") {
        this.state.status = "unavailable";
      } else {
        this.state.projects = result.projects;
        this.state.status = "ready";
      }
    } catch (error) {
      if (seq !== this.loadSeq || quiet) {
        return; // a failed background refresh leaves the list as it was
      }
      const data = (error as { data?: { message?: string } }).data;
      this.state.error = data?.message || (error instanceof Error ? error.message : String(error));
      this.state.status = "error";
    }
  }

  setMine(mine: boolean): void {
    if (this.state.mine !== mine) {
      this.state.mine = mine;
      void this.load();
    }
  }

  isActive(project: ProjectItem): boolean {
    return this.store.projectContext?.id === project.id;
  }

  badge(project: ProjectItem): StatusBadge | null {
    return projectStatusBadge(project.status, project.statusLabel);
  }

  overdue(project: ProjectItem): boolean {
    return isOverdue(project);
  }

  deadline(project: ProjectItem): string {
    return project.deadline ? formatDeadline(project.deadline, this.props.lang) : "";
  }

  openTasks(project: ProjectItem): string {
    return project.openTasks === 1 ? _t("1 open task") : _t("%s open tasks", project.openTasks ?? 0);
  }

  pick(project: ProjectItem): void {
    this.store.setProjectContext(this.isActive(project) ? null : { id: project.id, name: project.name });
    this.props.onPicked();
  }
}

/**
 * What a read tool answered (`{tool, data}`, docs/contract.md "cards"), turned into what a card
 * draws. The data is the tool's own shape and is not checked by anyone before: every field is
 * read defensively, and an unknown tool or a shape that does not fit gives no card (undefined).
 */

import { safeUrl as checkUrl } from "../../odoo/safe_url";
import type { Card, RecordRef } from "../../api/types";
import { DEFAULT_NUMBER_FORMAT, formatNumber, formatQuantity, type NumberFormat } from "../../format/money";
import { _t } from "../../odoo/l10n";

export interface Cell {
  text: string;
  /** Classes of the cell: `o_copilot_low` (stock short), `text-danger` (overdue)… */
  className?: string;
  /** Drawn as a badge with these classes (statuses). */
  badge?: string;
  /** Drawn as a progress bar (0–100) beside the text. */
  progress?: number;
}

export interface Column {
  label: string;
  numeric?: boolean;
}

export interface Row {
  /** The record the name opens; none: plain text. */
  record?: RecordRef;
  /** A link that is not a record (a document's download URL). */
  url?: string;
  name: string;
  cells: Cell[];
  className?: string;
}

export interface TableView {
  kind: "table";
  icon: string;
  title: string;
  /** The record the title opens (a quotation's lines). */
  record?: RecordRef;
  nameLabel: string;
  columns: Column[];
  rows: Row[];
  /** Only the first rows are shown: there are more. */
  more: boolean;
  footer?: string;
}

export interface StockView {
  kind: "stock";
  record?: RecordRef;
  name: string;
  onHand: string;
  forecast: string;
  uom: string;
  /** Nothing on hand, or the forecast goes below zero. */
  low: boolean;
}

export interface DeadlineItem {
  record?: RecordRef;
  name: string;
  deadline: string;
}

export interface ProjectView {
  kind: "project";
  record?: RecordRef;
  name: string;
  manager: string;
  dates: string;
  progress: number | null;
  status?: StatusBadgeView;
  open: number | null;
  total: number | null;
  overdue: DeadlineItem[];
  next: DeadlineItem[];
}

export interface StatusBadgeView {
  label: string;
  className: string;
}

export interface SubtaskView {
  id: number;
  name: string;
  done: boolean;
  state: string;
  assignees: string;
  deadline: string;
}

export interface ChecklistView {
  kind: "checklist";
  record?: RecordRef;
  name: string;
  project: string;
  stage: string;
  deadline: string;
  assignees: string;
  subtasks: SubtaskView[];
}

export interface DocumentItem {
  record?: RecordRef;
  url?: string;
  name: string;
  /** A passage quoted from it (ask_project), with its number. */
  quote?: string;
  n?: number;
}

export interface DocumentsView {
  kind: "documents";
  title: string;
  icon: string;
  items: DocumentItem[];
  more: boolean;
}

export type ReadCardView = TableView | StockView | ProjectView | ChecklistView | DocumentsView;

/** Task states Odoo counts as closed (project.task `state`). */
export const CLOSED_TASK_STATES = ["1_done", "1_canceled"];
export const DONE_STATE = "1_done";
export const REOPENED_STATE = "01_in_progress";

type Data = Record<string, unknown>;

function isObject(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(value: unknown): Data[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function str(value: unknown): string {
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    return String(value);
  }
  if (Array.isArray(value) && value.length === 2 && typeof value[1] === "string") {
    return value[1]; // a many2one as Odoo reads it
  }
  return "";
}

function num(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function id(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

function ref(model: string, recordId: unknown, name: string): RecordRef | undefined {
  const valid = id(recordId);
  return valid && model ? { model, id: valid, name } : undefined;
}

function names(value: unknown): string {
  return Array.isArray(value) ? value.map(str).filter(Boolean).join(", ") : str(value);
}

/** "2026-03-05" or "2026-03-05 10:00:00" → the date in the user's language; other text as is. */
export function formatDate(value: unknown, lang = "en-US"): string {
  const text = str(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) {
    return text;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return date.toLocaleDateString(lang, { timeZone: "UTC" });
  } catch {
    return match[0];
  }
}

/** Whether a deadline ("2026-03-05…") is before `today` (YYYY-MM-DD). */
export function isPast(value: unknown, today: string): boolean {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(str(value));
  return Boolean(match && match[0] < today);
}

export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Odoo's project update statuses (`last_update_status`). */
export function projectStatus(status: unknown): StatusBadgeView | undefined {
  switch (status) {
    case "on_track":
      return { label: _t("On Track"), className: "text-bg-success" };
    case "at_risk":
      return { label: _t("At Risk"), className: "text-bg-warning" };
    case "off_track":
      return { label: _t("Off Track"), className: "text-bg-danger" };
    case "on_hold":
      return { label: _t("On Hold"), className: "text-bg-info" };
    case "done":
      return { label: _t("Done"), className: "text-bg-secondary" };
    default:
      return undefined; // to_define, or nothing
  }
}

/** sale.order `state`. */
export function quotationStatus(state: unknown): StatusBadgeView | undefined {
  switch (state) {
    case "draft":
      return { label: _t("Quotation"), className: "text-bg-info" };
    case "sent":
      return { label: _t("Quotation Sent"), className: "text-bg-primary" };
    case "sale":
      return { label: _t("Sales Order"), className: "text-bg-success" };
    case "cancel":
      return { label: _t("Cancelled"), className: "text-bg-secondary" };
    default:
      return undefined;
  }
}

function badgeCell(badge: StatusBadgeView | undefined): Cell {
  return badge ? { text: badge.label, badge: badge.className } : { text: "" };
}

/** "stage_id" → "Stage", "x_date_planned" → "Date planned". */
export function columnLabel(field: string): string {
  const words = field.replace(/^x_(studio_)?/, "").replace(/_ids?$/, "").replace(/_/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : field;
}

export interface ViewOptions {
  lang?: string;
  numbers?: NumberFormat;
  /** YYYY-MM-DD, for overdue deadlines. */
  today?: string;
}

/** The view of a card; undefined for a tool the panel does not draw or data that does not fit. */
export function readCardView(card: Card, options: ViewOptions = {}): ReadCardView | undefined {
  if (!isObject(card) || !isObject(card.data)) {
    return undefined;
  }
  const data = card.data;
  const lang = options.lang ?? "en-US";
  const numbers = options.numbers ?? DEFAULT_NUMBER_FORMAT;
  const today = options.today ?? todayIso();
  const date = (value: unknown) => formatDate(value, lang);
  const qty = (value: unknown) => {
    const n = num(value);
    return n === null ? "" : formatQuantity(n, numbers);
  };
  const more = data.more === true;

  switch (card.tool) {
    case "search_customers":
      return {
        kind: "table",
        icon: "fa-user",
        title: _t("Customers"),
        nameLabel: _t("Customer"),
        columns: [{ label: _t("Email") }, { label: _t("City") }],
        rows: list(data.customers).map((c) => ({
          record: ref("res.partner", c.id, str(c.name)),
          name: str(c.name),
          cells: [{ text: str(c.email) }, { text: str(c.city) }],
        })),
        more,
      };
    case "search_products":
      return {
        kind: "table",
        icon: "fa-cube",
        title: _t("Products"),
        nameLabel: _t("Product"),
        columns: [{ label: _t("Reference") }, { label: _t("Price"), numeric: true }],
        rows: list(data.products).map((p) => {
          const price = num(p.price);
          return {
            record: ref("product.product", p.id, str(p.name)),
            name: str(p.name),
            cells: [{ text: str(p.reference) }, { text: price === null ? "" : formatNumber(price, { digits: 2 }, numbers) }],
          };
        }),
        more,
      };
    case "get_stock": {
      if (Array.isArray(data.products)) {
        return {
          kind: "table",
          icon: "fa-cubes",
          title: _t("Stock"),
          nameLabel: _t("Product"),
          columns: [{ label: _t("On hand"), numeric: true }, { label: _t("Forecast"), numeric: true }, { label: _t("Unit") }],
          rows: list(data.products).map((p) => {
            const low = isLowStock(p.on_hand, p.forecast);
            return {
              record: ref("product.product", p.id, str(p.name)),
              name: str(p.name),
              cells: [{ text: qty(p.on_hand), className: low ? "o_copilot_low" : "" }, { text: qty(p.forecast) }, { text: str(p.uom) }],
              className: low ? "o_copilot_low_row" : "",
            };
          }),
          more,
        };
      }
      if (!str(data.name)) {
        return undefined;
      }
      return {
        kind: "stock",
        record: ref("product.product", data.id, str(data.name)),
        name: str(data.name),
        onHand: qty(data.on_hand),
        forecast: qty(data.forecast),
        uom: str(data.uom),
        low: isLowStock(data.on_hand, data.forecast),
      };
    }
    case "list_quotations":
      return {
        kind: "table",
        icon: "fa-file-text-o",
        title: _t("Quotations"),
        nameLabel: _t("Number"),
        columns: [{ label: _t("Customer") }, { label: _t("Date") }, { label: _t("Total"), numeric: true }, { label: _t("Status") }],
        rows: list(data.quotations).map((q) => {
          const total = num(q.amount_total);
          return {
            record: ref("sale.order", q.id, str(q.name)),
            name: str(q.name),
            cells: [
              { text: str(q.customer) },
              { text: date(q.date) },
              { text: total === null ? "" : formatNumber(total, { digits: 2 }, numbers) },
              badgeCell(quotationStatus(q.state)),
            ],
          };
        }),
        more,
      };
    case "get_quotation": {
      const total = num(data.amount_total);
      const status = quotationStatus(data.state);
      const name = str(data.name);
      return {
        kind: "table",
        icon: "fa-file-text-o",
        title: [name, str(data.customer), status?.label ?? ""].filter(Boolean).join(" · ") || _t("Quotation"),
        record: ref("sale.order", data.id, name),
        nameLabel: _t("Product"),
        columns: [{ label: _t("Quantity"), numeric: true }, { label: _t("Unit Price"), numeric: true }, { label: _t("Subtotal"), numeric: true }],
        rows: list(data.lines).map((line) => {
          const price = num(line.price_unit);
          const subtotal = num(line.subtotal);
          return {
            name: str(line.product),
            cells: [
              { text: qty(line.quantity) },
              { text: price === null ? "" : formatNumber(price, { digits: 2 }, numbers) },
              { text: subtotal === null ? "" : formatNumber(subtotal, { digits: 2 }, numbers) },
            ],
          };
        }),
        more: false,
        ...(total === null ? {} : { footer: `${_t("Total")}: ${formatNumber(total, { digits: 2 }, numbers)}` }),
      };
    }
    case "list_projects":
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
              { text: date(p.deadline), className: isPast(p.deadline, today) ? "text-danger" : "" },
              badgeCell(projectStatus(p.status)),
            ],
          };
        }),
        more,
      };
    case "project_summary": {
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
          deadline: date(task.deadline),
        }));
      const start = date(dates.start);
      const end = date(dates.end);
      return {
        kind: "project",
        record: ref("project.project", data.id, str(data.name)),
        name: str(data.name),
        manager: str(data.manager),
        dates: start && end ? `${start} → ${end}` : end || start,
        progress: progress === null ? null : clampPercent(progress),
        status: projectStatus(data.status),
        open: num(tasks.open),
        total: num(tasks.total),
        overdue: deadlines(data.overdue),
        next: deadlines(data.next_deadlines),
      };
    }
    case "list_tasks": {
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
            { text: date(task.deadline), className: isPast(task.deadline, today) ? "text-danger" : "" },
          ],
        })),
        more,
      };
    }
    case "get_task":
      if (!str(data.name)) {
        return undefined;
      }
      return {
        kind: "checklist",
        record: ref("project.task", data.id, str(data.name)),
        name: str(data.name),
        project: str(data.project),
        stage: str(data.stage),
        deadline: date(data.deadline),
        assignees: names(data.assignees),
        subtasks: list(data.subtasks)
          .filter((task) => id(task.id))
          .map((task) => ({
            id: id(task.id)!,
            name: str(task.name),
            state: str(task.state),
            done: typeof task.done === "boolean" ? task.done : CLOSED_TASK_STATES.includes(str(task.state)),
            assignees: names(task.assignees),
            deadline: date(task.deadline),
          })),
      };
    case "show_kit": {
      const kit = str(data.product) || str(data.kit);
      return {
        kind: "table",
        icon: "fa-sitemap",
        title: kit ? _t("Components of %s", kit) : _t("Components"),
        nameLabel: _t("Component"),
        columns: [{ label: _t("Quantity"), numeric: true }, { label: _t("Unit") }, { label: _t("On hand"), numeric: true }],
        rows: list(data.components).map((c) => {
          const onHand = num(c.on_hand);
          const needed = num(c.quantity) ?? 0;
          const low = onHand !== null && onHand < needed;
          return {
            record: ref("product.product", c.id, str(c.product)),
            name: str(c.product),
            cells: [{ text: qty(c.quantity) }, { text: str(c.uom) }, { text: qty(c.on_hand), className: low ? "o_copilot_low" : "" }],
            className: low ? "o_copilot_low_row" : "",
          };
        }),
        more: false,
      };
    }
    case "list_documents":
      return {
        kind: "documents",
        icon: "fa-paperclip",
        title: _t("Documents"),
        items: list(data.documents).map((doc) => {
          const url = safeUrl(doc.url);
          return {
            name: str(doc.name),
            ...(url ? { url } : {}),
            ...(url ? {} : { record: ref(str(doc.model), doc.id, str(doc.name)) }),
          };
        }),
        more,
      };
    case "ask_project":
      return {
        kind: "documents",
        icon: "fa-quote-left",
        title: str(data.project) ? _t("Sources in %s", str(data.project)) : _t("Sources"),
        items: list(data.passages).map((passage) => {
          const url = safeUrl(passage.url);
          return {
            name: str(passage.source),
            quote: str(passage.text),
            ...(num(passage.n) !== null ? { n: num(passage.n)! } : {}),
            ...(url ? { url } : {}),
          };
        }),
        more: false,
      };
    case "list_tickets":
    case "list_installations": {
      const model = str(data.model);
      const records = list(data.records);
      const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((key) => key !== "id" && key !== "name");
      return {
        kind: "table",
        icon: card.tool === "list_tickets" ? "fa-life-ring" : "fa-wrench",
        title: card.tool === "list_tickets" ? _t("Tickets") : _t("Installations"),
        nameLabel: card.tool === "list_tickets" ? _t("Ticket") : _t("Installation"),
        columns: keys.map((key) => ({ label: columnLabel(key) })),
        rows: records.map((r) => ({
          record: ref(model, r.id, str(r.name)),
          name: str(r.name) || (id(r.id) ? `#${id(r.id)}` : ""),
          cells: keys.map((key) => ({ text: str(r[key]) })),
        })),
        more,
      };
    }
    default:
      return undefined;
  }
}

function clampPercent(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

/** Nothing on hand, or more going out than there is: marked in red. */
export function isLowStock(onHand: unknown, forecast: unknown): boolean {
  const have = num(onHand);
  const coming = num(forecast);
  return (have !== null && have <= 0) || (coming !== null && coming < 0);
}

/** Only same-site paths and http(s) links: never a `javascript:` URL from the data. */
export function safeUrl(value: unknown): string | undefined {
  return checkUrl(str(value)) ?? undefined;
}

/** "2/5 done". */
export function checklistProgress(subtasks: readonly Pick<SubtaskView, "done">[]): { done: number; total: number } {
  return { done: subtasks.filter((task) => task.done).length, total: subtasks.length };
}

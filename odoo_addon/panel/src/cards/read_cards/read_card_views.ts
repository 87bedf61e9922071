/**
 * What each kind of read card draws (read_card.ts picks the component by `kind`): the views the
 * modules of tools/ make from a tool's answer.
 */

import type { RecordRef } from "../../api/types";

/** The generic card (facts.ts): label/value lines under a title. */
export interface FactsView {
  kind: "facts";
  icon: string;
  title: string;
  record?: RecordRef;
  facts: { label: string; value: string }[];
}

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

export type ReadCardView = TableView | StockView | ProjectView | ChecklistView | DocumentsView | FactsView;

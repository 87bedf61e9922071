// The shared types of docs/contract.md, as the addon's JSON routes return them.

/** `running`: a confirm is writing it (another tab, or a retried request). */
export type ActionStatus = "proposed" | "running" | "done" | "failed" | "rejected";

export interface RecordRef {
  model: string;
  id: number;
  name: string;
}

export interface QuotationLine {
  product: { id: number; name: string; code?: string };
  quantity: number;
  uom?: string;
  price_unit: number;
  discount: number;
  subtotal: number;
  total: number;
}

export interface Currency {
  name: string;
  symbol: string;
  position: "before" | "after";
}

export interface QuotationPreview {
  kind: "quotation";
  customer: { id: number; name: string };
  lines: QuotationLine[];
  currency: Currency;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
}

/** `create_task`: the task that will be created. Dates are already formatted by the agent. */
export interface TaskPreview {
  kind: "task";
  project: { id: number; name: string };
  title: string;
  description: string | null;
  deadline: string | null;
  /** A user's name, or "me" for the current user. */
  assignee: string | null;
}

/** `log_project_note`: the internal note that will be logged on the project. */
export interface NotePreview {
  kind: "note";
  project: { id: number; name: string };
  body: string;
}

/** One change of a `record_change`: a translated line, or a field going from one value to another. */
export type RecordChange = { text: string } | { field: string; from: string; to: string };

/** An update of an existing record (update_quotation, confirm_quotation, send_quotation, update_task). */
export interface RecordChangePreview {
  kind: "record_change";
  record: RecordRef;
  changes: RecordChange[];
  totals?: { before: number; after: number; currency?: Currency };
}

export type ActionPreview =
  | QuotationPreview
  | TaskPreview
  | NotePreview
  | RecordChangePreview
  | { kind: string; [key: string]: unknown };

export interface Action {
  id: string;
  tool: string;
  args: Record<string, unknown>;
  status: ActionStatus;
  summary: string;
  preview?: ActionPreview;
  result?: Record<string, unknown>;
  record?: RecordRef;
  error?: string;
  created_at: string;
  updated_at: string;
}

/** What a read tool answered, as data the panel draws (`data` is the tool's own shape, unchecked). */
export interface Card {
  tool: string;
  data: unknown;
}

export interface Message {
  id: string;
  role: "user" | "assistant";
  /** Markdown. */
  content: string;
  created_at: string;
  actions?: Action[];
  /** The user stopped this answer before it was finished. */
  stopped?: boolean;
  /** What the read tools of this answer returned, drawn below its text. */
  cards?: Card[];
}

export interface Session {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  pinned?: boolean;
}

/** A fact the agent keeps about the user between conversations (`remember`). */
export interface Memory {
  id: string;
  text: string;
  created_at: string;
}

/** `/copilot/action/undo`: whether the change was reversed, and the translated line saying so (or why not). */
export interface UndoResult {
  undone: boolean;
  message: string;
}

export interface ChatParams {
  session_id?: string;
  message: string;
}

export interface ChatResult {
  session_id: string;
  reply: string;
  actions: Action[];
  message_id: string;
  cards?: Card[];
}

/** An option of a choice card: sending `message` picks it. */
export interface ChoiceOption {
  id: number;
  label: string;
  message: string;
}

/** A name that matched several records (`query`, in `model`): the user picks one. */
export interface Choice {
  query: string;
  model: string;
  options: ChoiceOption[];
}

export type StepStatus = "done" | "proposed" | "clarify" | "failed";

export interface Step {
  tool: string;
  args?: unknown;
  status: StepStatus;
}

/** The full result of a turn: `/copilot/chat`'s, plus what the stream's `done` event adds. */
export interface TurnResult extends ChatResult {
  steps?: Step[];
  mode?: "llm" | "offline";
  /** The user stopped the turn: `reply` is what was said before. */
  stopped?: boolean;
  choices?: Choice[];
}

/**
 * What the panel shows beside the message, sent as data (never parsed from the message's text):
 * the project of the chip, and later the current screen.
 */
export type TurnContext = Record<string, unknown>;

export interface StreamParams extends ChatParams {
  /** Made by the panel per message and sent again on Retry: the agent answers a message once. */
  client_message_id: string;
}

/** A turn's events (docs/contract.md, section A), decoded: from the bus or `/copilot/turn`. */
export type TurnEvent =
  | { type: "start"; session_id: string; turn_id: string }
  | { type: "text"; text: string }
  /** `label`: what the tool does, in the user's language, as the agent declares it. */
  | { type: "tool"; tool: string; status: "started" | StepStatus; label?: string }
  | { type: "action"; action: Action }
  | { type: "card"; card: Card }
  | { type: "done"; result: TurnResult }
  | { type: "error"; code: string; message: string };

export function isQuotationPreview(preview: Action["preview"]): preview is QuotationPreview {
  return preview?.kind === "quotation" && Array.isArray((preview as QuotationPreview).lines);
}

export function isTaskPreview(preview: Action["preview"]): preview is TaskPreview {
  return preview?.kind === "task" && typeof (preview as TaskPreview).title === "string";
}

export function isNotePreview(preview: Action["preview"]): preview is NotePreview {
  return preview?.kind === "note" && typeof (preview as NotePreview).body === "string";
}

export function isRecordChangePreview(preview: Action["preview"]): preview is RecordChangePreview {
  return preview?.kind === "record_change" && Array.isArray((preview as RecordChangePreview).changes);
}

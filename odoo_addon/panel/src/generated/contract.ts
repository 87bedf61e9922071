// Generated from the agent's contract (agent-service/src/contract/contract.ts) by
// `npm run generate -w agent-service`: do not edit; a test fails when it is stale.

/**
 * One change of a record_change: a translated line, or a field going from one value to another.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "RecordChange".
 */
export type RecordChange =
  | {
      text: string;
    }
  | {
      field: string;
      from: string;
      to: string;
    };
/**
 * What a proposed write will do, shown on its card before the user confirms.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "ActionPreview".
 */
export type ActionPreview = QuotationPreview | TaskPreview | NotePreview | RecordChangePreview;
/**
 * `running`: a confirm is writing it (another tab, or a retried request).
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "ActionStatus".
 */
export type ActionStatus = "proposed" | "running" | "done" | "failed" | "rejected";
/**
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "StepStatus".
 */
export type StepStatus = "done" | "proposed" | "clarify" | "failed";
/**
 * A turn's events (docs/contract.md), decoded: from the bus or /copilot/turn.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "TurnEvent".
 */
export type TurnEvent =
  | {
      type: "start";
      session_id: string;
      turn_id: string;
    }
  | {
      type: "text";
      text: string;
    }
  | {
      type: "tool";
      tool: string;
      status: "started" | StepStatus;
      label?: string;
    }
  | {
      type: "action";
      action: Action;
    }
  | {
      type: "card";
      card: Card;
    }
  | {
      type: "done";
      result: TurnResult;
    }
  | {
      type: "error";
      code: string;
      message: string;
    };

export interface Contract {
  RecordRef: RecordRef;
  Currency: Currency;
  QuotationLine: QuotationLine;
  QuotationPreview: QuotationPreview;
  TaskPreview: TaskPreview;
  NotePreview: NotePreview;
  RecordChange: RecordChange;
  RecordChangePreview: RecordChangePreview;
  ActionPreview: ActionPreview;
  ActionStatus: ActionStatus;
  Action: Action;
  Card: Card;
  ChoiceOption: ChoiceOption;
  Choice: Choice;
  StepStatus: StepStatus;
  Step: Step;
  ChatResult: ChatResult;
  TurnResult: TurnResult;
  TurnEvent: TurnEvent;
  Message: Message;
  Session: Session;
  Memory: Memory;
  Screen: Screen;
  TurnContext: TurnContext;
}
/**
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "RecordRef".
 */
export interface RecordRef {
  model: string;
  id: number;
  name: string;
}
/**
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Currency".
 */
export interface Currency {
  name: string;
  symbol: string;
  position: "before" | "after";
  digits?: number;
}
/**
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "QuotationLine".
 */
export interface QuotationLine {
  product: {
    id: number;
    name: string;
    code?: string;
  };
  quantity: number;
  uom?: string;
  price_unit: number;
  discount: number;
  subtotal: number;
  total: number;
}
/**
 * create_quotation: the quotation Odoo computed, before it exists.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "QuotationPreview".
 */
export interface QuotationPreview {
  kind: "quotation";
  customer: {
    id: number;
    name: string;
  };
  lines: QuotationLine[];
  currency: Currency;
  amount_untaxed: number;
  amount_tax: number;
  amount_total: number;
}
/**
 * create_task: the task that will be created (dates formatted by the agent).
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "TaskPreview".
 */
export interface TaskPreview {
  kind: "task";
  project: {
    id: number;
    name: string;
  };
  title: string;
  description: string | null;
  deadline: string | null;
  assignee: string | null;
}
/**
 * log_project_note: the internal note that will be logged on the project.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "NotePreview".
 */
export interface NotePreview {
  kind: "note";
  project: {
    id: number;
    name: string;
  };
  body: string;
}
/**
 * An update of an existing record (update_quotation, confirm_quotation, send_quotation, update_task, undo).
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "RecordChangePreview".
 */
export interface RecordChangePreview {
  kind: "record_change";
  record?: RecordRef;
  changes: RecordChange[];
  totals?: {
    before: number;
    after: number;
    currency?: Currency;
  };
}
/**
 * A write the copilot proposed, and what became of it.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Action".
 */
export interface Action {
  id: string;
  tool: string;
  args: {
    [k: string]: unknown;
  };
  status: ActionStatus;
  summary: string;
  preview?: ActionPreview;
  result?: {
    [k: string]: unknown;
  };
  record?: RecordRef;
  error?: string;
  created_at: string;
  updated_at: string;
}
/**
 * What a read tool answered, as data the panel draws (`data` is the tool's own shape).
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Card".
 */
export interface Card {
  tool: string;
  data: unknown;
}
/**
 * An option of a choice card: sending `message` picks it.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "ChoiceOption".
 */
export interface ChoiceOption {
  id: number;
  label: string;
  message: string;
}
/**
 * A name that matched several records (`query`, in `model`): the user picks one.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Choice".
 */
export interface Choice {
  query: string;
  model: string;
  options: ChoiceOption[];
}
/**
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface Step {
  tool: string;
  args?: unknown;
  status: StepStatus;
}
/**
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "ChatResult".
 */
export interface ChatResult {
  session_id: string;
  reply: string;
  actions: Action[];
  message_id: string;
  cards?: Card[];
}
/**
 * The full result of a turn: /copilot/chat's, plus what the stream's `done` event adds.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "TurnResult".
 */
export interface TurnResult {
  session_id: string;
  reply: string;
  actions: Action[];
  message_id: string;
  cards?: Card[];
  steps?: Step[];
  mode?: "llm" | "offline";
  stopped?: boolean;
  choices?: Choice[];
}
/**
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Message".
 */
export interface Message {
  id: string;
  role: "user" | "assistant";
  content: string;
  created_at: string;
  actions?: Action[];
  stopped?: boolean;
  cards?: Card[];
  choices?: Choice[];
}
/**
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Session".
 */
export interface Session {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  pinned?: boolean;
}
/**
 * A fact the copilot keeps about the user between conversations (`remember`).
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Memory".
 */
export interface Memory {
  id: string;
  text: string;
  created_at: string;
}
/**
 * The records the user looks at in Odoo: a form's record, a list's selected lines.
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "Screen".
 */
export interface Screen {
  model: string;
  ids: number[];
}
/**
 * What the panel sends beside a message, as data (never parsed from its text).
 *
 * This interface was referenced by `Contract`'s JSON-Schema
 * via the `definition` "TurnContext".
 */
export interface TurnContext {
  project?: {
    id: number;
    name: string;
  };
  screen?: Screen;
}

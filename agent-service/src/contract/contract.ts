import { z } from "zod";

/**
 * The contract between the agent and the panel (docs/contract.md): what a turn, its events, its
 * actions and their previews look like once they reach the browser (through the addon, unchanged).
 * The one source: `npm run generate -w agent-service` writes the panel's TypeScript types from it
 * (odoo_addon/panel/src/generated/contract.ts, checked fresh in CI), and the agent's tests parse
 * what the agent really sends with it. Card data is each tool's own (see `factsCardSchema` for the
 * generic card).
 */

const id = z.number().int();

export const RecordRef = z.object({ model: z.string(), id, name: z.string() }).meta({ id: "RecordRef" });

export const Currency = z
  .object({ name: z.string(), symbol: z.string(), position: z.enum(["before", "after"]), digits: z.number().int().optional() })
  .meta({ id: "Currency" });

export const QuotationLine = z
  .object({
    product: z.object({ id, name: z.string(), code: z.string().optional() }),
    quantity: z.number(),
    uom: z.string().optional(),
    price_unit: z.number(),
    discount: z.number(),
    subtotal: z.number(),
    total: z.number(),
  })
  .meta({ id: "QuotationLine" });

const named = z.object({ id, name: z.string() });

export const QuotationPreview = z
  .object({
    kind: z.literal("quotation"),
    customer: named,
    lines: z.array(QuotationLine),
    currency: Currency,
    amount_untaxed: z.number(),
    amount_tax: z.number(),
    amount_total: z.number(),
  })
  .meta({ id: "QuotationPreview", description: "create_quotation: the quotation Odoo computed, before it exists." });

export const TaskPreview = z
  .object({
    kind: z.literal("task"),
    project: named,
    title: z.string(),
    description: z.string().nullable(),
    /** Dates are already formatted by the agent. */
    deadline: z.string().nullable(),
    /** A user's name, or "me" for the current user. */
    assignee: z.string().nullable(),
  })
  .meta({ id: "TaskPreview", description: "create_task: the task that will be created (dates formatted by the agent)." });

export const NotePreview = z
  .object({ kind: z.literal("note"), project: named, body: z.string() })
  .meta({ id: "NotePreview", description: "log_project_note: the internal note that will be logged on the project." });

export const RecordChange = z
  .union([z.object({ text: z.string() }), z.object({ field: z.string(), from: z.string(), to: z.string() })])
  .meta({ id: "RecordChange", description: "One change of a record_change: a translated line, or a field going from one value to another." });

export const RecordChangePreview = z
  .object({
    kind: z.literal("record_change"),
    record: RecordRef.optional(),
    changes: z.array(RecordChange),
    totals: z.object({ before: z.number(), after: z.number(), currency: Currency.optional() }).optional(),
  })
  .meta({ id: "RecordChangePreview", description: "An update of an existing record (update_quotation, confirm_quotation, send_quotation, update_task, undo)." });

export const ActionPreview = z
  .union([QuotationPreview, TaskPreview, NotePreview, RecordChangePreview])
  .meta({ id: "ActionPreview", description: "What a proposed write will do, shown on its card before the user confirms." });

export const ActionStatus = z
  .enum(["proposed", "running", "done", "failed", "rejected"])
  .meta({ id: "ActionStatus", description: "`running`: a confirm is writing it (another tab, or a retried request)." });

export const Action = z
  .object({
    id: z.string(),
    tool: z.string(),
    args: z.record(z.string(), z.unknown()),
    status: ActionStatus,
    summary: z.string(),
    preview: ActionPreview.optional(),
    result: z.record(z.string(), z.unknown()).optional(),
    record: RecordRef.optional(),
    error: z.string().optional(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: "Action", description: "A write the copilot proposed, and what became of it." });

export const Card = z
  .object({ tool: z.string(), data: z.unknown() })
  .meta({ id: "Card", description: "What a read tool answered, as data the panel draws (`data` is the tool's own shape)." });

export const ChoiceOption = z.object({ id, label: z.string(), message: z.string() }).meta({ id: "ChoiceOption", description: "An option of a choice card: sending `message` picks it." });
export const Choice = z
  .object({ query: z.string(), model: z.string(), options: z.array(ChoiceOption) })
  .meta({ id: "Choice", description: "A name that matched several records (`query`, in `model`): the user picks one." });

export const StepStatus = z.enum(["done", "proposed", "clarify", "failed"]).meta({ id: "StepStatus" });
export const Step = z.object({ tool: z.string(), args: z.unknown().optional(), status: StepStatus }).meta({ id: "Step" });

export const ChatResult = z
  .object({ session_id: z.string(), reply: z.string(), actions: z.array(Action), message_id: z.string(), cards: z.array(Card).optional() })
  .meta({ id: "ChatResult" });

export const TurnResult = ChatResult.extend({
  steps: z.array(Step).optional(),
  mode: z.enum(["llm", "offline"]).optional(),
  /** The user stopped the turn: `reply` is what was said before. */
  stopped: z.boolean().optional(),
  choices: z.array(Choice).optional(),
}).meta({ id: "TurnResult", description: "The full result of a turn: /copilot/chat's, plus what the stream's `done` event adds." });

export const TurnEvent = z
  .union([
    z.object({ type: z.literal("start"), session_id: z.string(), turn_id: z.string() }),
    z.object({ type: z.literal("text"), text: z.string() }),
    z.object({ type: z.literal("tool"), tool: z.string(), status: z.union([z.literal("started"), StepStatus]), label: z.string().optional() }),
    z.object({ type: z.literal("action"), action: Action }),
    z.object({ type: z.literal("card"), card: Card }),
    z.object({ type: z.literal("done"), result: TurnResult }),
    z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
  ])
  .meta({ id: "TurnEvent", description: "A turn's events (docs/contract.md), decoded: from the bus or /copilot/turn." });

export const Message = z
  .object({
    id: z.string(),
    role: z.enum(["user", "assistant"]),
    /** Markdown. */
    content: z.string(),
    created_at: z.string(),
    actions: z.array(Action).optional(),
    stopped: z.boolean().optional(),
    cards: z.array(Card).optional(),
    choices: z.array(Choice).optional(),
  })
  .meta({ id: "Message" });

export const Session = z
  .object({ id: z.string(), title: z.string(), created_at: z.string(), updated_at: z.string(), pinned: z.boolean().optional() })
  .meta({ id: "Session" });

export const Memory = z.object({ id: z.string(), text: z.string(), created_at: z.string() }).meta({ id: "Memory", description: "A fact the copilot keeps about the user between conversations (`remember`)." });

export const Screen = z
  .object({ model: z.string(), ids: z.array(id) })
  .meta({ id: "Screen", description: "The records the user looks at in Odoo: a form's record, a list's selected lines." });

export const TurnContext = z
  .object({ project: named.optional(), screen: Screen.optional() })
  .meta({ id: "TurnContext", description: "What the panel sends beside a message, as data (never parsed from its text)." });

/** Every type of the contract, by name: what the generator writes for the panel. */
export const CONTRACT = { RecordRef, Currency, QuotationLine, QuotationPreview, TaskPreview, NotePreview, RecordChange, RecordChangePreview, ActionPreview, ActionStatus, Action, Card, ChoiceOption, Choice, StepStatus, Step, ChatResult, TurnResult, TurnEvent, Message, Session, Memory, Screen, TurnContext };

/** The contract as one JSON Schema: each type a `$defs` entry (the OpenAPI document serves it). */
export function contractJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(z.object(CONTRACT), { unrepresentable: "any" }) as Record<string, unknown>;
}

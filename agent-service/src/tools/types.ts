import { z } from "zod";
import type { Formatter } from "../format.js";
import type { Lang } from "../i18n.js";
import type { Embedder } from "../retrieval/embeddings.js";
import type { ModelMap, ModelRole } from "../odoo/model-map.js";
import type { EntityKind } from "../odoo/entities.js";
import type { SelectionLabels } from "../odoo/selection-labels.js";
import type { CallMeta, OdooClient } from "../odoo/odoo-client.js";

/** How much a tool may change: `read` runs at once, anything else waits for the user's Confirm. */
export type Risk = "read" | "draft" | "state_change" | "destructive";

export type RecordRef = { model: string; id: number; name: string };

export type ToolContext = {
  odoo: OdooClient;
  lang: Lang;
  /** Numbers, amounts and dates as Odoo shows them to this user. */
  fmt: Formatter;
  meta: CallMeta;
  /** The Odoo user the tool acts for (for "my projects", "assign to me"). */
  uid: number;
  /** Today in the user's time zone, YYYY-MM-DD (for "overdue", "tomorrow"). */
  today: string;
  /** The user's long-term memory (the copilot's own, not Odoo's). */
  memory?: UserMemory;
  /** The copilot's own actions in this conversation (for undo). */
  actions?: SessionActions;
  /** Semantic ranking, when an embeddings endpoint is configured (retrieval falls back to BM25). */
  embed?: Embedder;
  /** Which model plays Kit, Ticket, Document, Installation in this database (Settings); defaults without. */
  models?: ModelMap;
  /** A selection's labels as Odoo shows them to this user (states, statuses): never a table of ours. */
  labels: SelectionLabels;
};

export type SessionActions = {
  get(id: string): Promise<ActionSummary | undefined>;
  /** The latest action of this conversation that ran. */
  lastDone(): Promise<ActionSummary | undefined>;
};

export type ActionSummary = { id: string; tool: string; status: string; summary: string; record?: RecordRef | undefined };

export type UserMemory = {
  list(): Promise<{ id: string; text: string; created_at: string }[]>;
  add(text: string): Promise<{ id: string; text: string }>;
  remove(id: string): Promise<boolean>;
};

export type Choice = { id: number; label: string };

/** What running a tool gives: an answer, a question back, or a write to confirm. */
export type ToolOutcome =
  | { kind: "answer"; text: string; data: unknown }
  | { kind: "clarify"; text: string; choices?: { query: string; model: string; options: Choice[] }[] }
  | { kind: "proposal"; summary: string; text: string; preview: unknown; plan: unknown };

export type Execution = { text: string; record?: RecordRef; result: unknown };

export type SlashCommand = {
  name: string;
  fr: string;
  argument?: { model: string; suffix: string };
  label: Record<Lang, string>;
  /** What to type after the command, shown while it is typed ("customer: 3 Office Chair…"). */
  usage?: Record<Lang, string>;
  /** Other names the planner reads (`/kit`, `/pdf`). */
  aliases?: string[];
  /** The arguments when nothing follows the command (`/undo`: the last change); none: the command needs its argument. */
  empty?: Record<string, unknown>;
  prompt?: { arguments: { name: string; description: Record<Lang, string> }[]; text: Record<Lang, string> };
};

export type ToolDefinition<S extends z.ZodObject = z.ZodObject> = {
  name: string;
  description: Record<Lang, string>;
  schema: S;
  risk: Risk;
  /** The Odoo models the tool reads or writes: a database without them cannot offer it (none: the copilot's own data). */
  models: string[];
  /**
   * The arguments that name a record, at any depth of the arguments (a quotation line's
   * `product`), and the kind of record each names. The offline planner fills a tool whose
   * arguments are all records from the names the request holds, with no reader of its own; the
   * eval compares an argument with the name of the record it resolves to.
   */
  records?: Readonly<Record<string, EntityKind>>;
  /**
   * The Odoo methods it calls, by model (its mapped business objects' models aside): the gateway's
   * allowlist must allow each (a CI test reads rpc_allowlist.py), and the test double refuses a
   * tool's call it does not declare.
   */
  calls: Readonly<Record<string, readonly string[]>>;
  /** Business objects whose model the administrator maps in Settings: the tool is offered only when each is mapped and readable. */
  roles?: ModelRole[];
  /** The right a write needs, checked before the tool is offered: [model, operation]. */
  writes?: [string, "create" | "write" | "read"];
  /**
   * How the tool shows, in every language the copilot speaks: what the panel says while it runs
   * and once it ran (`running`, `done`: sent with the turn's `tool` events; a step that asks back
   * or fails keeps `running`, its icon tells), the title a conversation takes when this tool is its
   * first step (`{arg}` from the tool's arguments), and whether its answer is drawn as a card:
   * `true`, a card of the panel's own for this tool; `"facts"`, the generic card, from the answer's
   * `data.card` ({@link factsCardSchema}): a new tool shows one without any panel code.
   */
  presentation: { running: Record<Lang, string>; done: Record<Lang, string>; title?: Record<Lang, string>; card?: true | "facts" };
  /**
   * How people ask for this tool, in each language: templates the offline planner's classifier is
   * trained on. `(a|b)` one of, `[a]` optional, `{product}` `{customer}` `{project}` `{task}`
   * `{user}` `{quotation}` `{number}` `{date}` an entity, `{lines}` quote lines, `{text}` free words.
   */
  phrases?: Partial<Record<Lang, string[]>>;
  /**
   * The slash command that runs this tool, in the panel (`/quote`, `/devis`), for the planner, and
   * as an MCP prompt: its English and French names, what the panel completes after it (an Odoo
   * model searched by name, then `suffix`), and the request an outside agent is given
   * (`{argument}` the prompt's arguments).
   */
  slash?: SlashCommand;
  run(args: z.output<S>, ctx: ToolContext): Promise<ToolOutcome>;
  /**
   * The proposal again with other quantities, one per line of its preview (0 drops a line): the
   * card's "Edit quantities". Only tools whose preview has lines have it.
   */
  revise?(plan: unknown, quantities: number[], ctx: ToolContext): Promise<Extract<ToolOutcome, { kind: "proposal" }>>;
  /** Writes what `run` proposed, from the plan stored with the action, once the user confirms. */
  execute?(plan: unknown, ctx: ToolContext): Promise<Execution>;
};

/** Keeps each tool's argument type while the catalog holds them side by side. */
export function defineTool<S extends z.ZodObject>(definition: ToolDefinition<S>): ToolDefinition {
  return definition as unknown as ToolDefinition;
}

/** The generic card's data (`data.card` of a tool whose card is "facts"); the panel draws it as text. */
export const factsCardSchema = z.object({
  kind: z.literal("facts"),
  icon: z.string().regex(/^fa-[a-z0-9-]+$/),
  title: z.string().min(1),
  record: z.object({ model: z.string(), id: z.number().int().positive() }).optional(),
  facts: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) })),
});
export type FactsCard = z.infer<typeof factsCardSchema>;

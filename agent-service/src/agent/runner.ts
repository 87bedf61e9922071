import type { Lang } from "../i18n.js";
import type { StoredMessage } from "../memory/conversation-store.js";
import type { CallMeta, OdooClient } from "../odoo/odoo-client.js";
import type { ToolOutcome } from "../tools/types.js";
import type { Screen } from "./screen.js";

/** What a tool call gave, as both runners see it. */
export type Invocation =
  | { ok: true; outcome: ToolOutcome; actionId?: string }
  | { ok: false; error: string };

/** Runs one catalog tool for the current turn: validates, calls Odoo as the user, stores proposals. */
export type ToolInvoker = (name: string, args: unknown) => Promise<Invocation>;

/** What the panel shows beside the message (docs/contract.md, `context`): data, never parsed from the text. */
export type TurnContext = { project?: { id: number; name: string } | undefined; screen?: Screen | undefined };

export type RunnerInput = {
  message: string;
  /** The project chip of the panel, and the screen the user looks at in Odoo. */
  context?: TurnContext | undefined;
  /** Earlier messages of the session, oldest first. */
  history: StoredMessage[];
  lang: Lang;
  /** Today where the user is, YYYY-MM-DD. */
  today: string;
  userName: string | undefined;
  invoke: ToolInvoker;
  /** What the user asked the copilot to remember, in earlier conversations too. */
  memories: string[];
  /** The tools this user can use here (capability discovery); the model is offered only these. */
  tools: ReadonlySet<string>;
  /** Aborted when the user stops the turn: no model call or tool call starts after it. */
  signal: AbortSignal;
  /** Receives the reply's text as it is produced. */
  onText: (text: string) => void;
  /** The user's previous request in this conversation, read only when asked (the planner's follow-ups). */
  previousRequest?: (() => Promise<string | undefined>) | undefined;
  /** Odoo as the user (the turn's transport): the offline planner finds there what the request names. */
  odoo?: OdooClient | undefined;
  meta?: CallMeta | undefined;
};

export type TokenUsage = { input: number; output: number };

/** Decides what to do with a message: the language model, or the offline planner. */
export type Runner = {
  mode: "llm" | "offline";
  /** Whether `run` reads the conversation's history (the offline planner does not). */
  usesHistory: boolean;
  /** `reply` is what was said; when stopped, what was said before the stop. `usage`: the model's tokens. */
  run(input: RunnerInput): Promise<{ reply: string; usage?: TokenUsage; /** The model failed this turn (its code), though a reply was given. */ modelFailure?: string; /** What the model server said, for the log. */ modelFailureReason?: string }>;
};

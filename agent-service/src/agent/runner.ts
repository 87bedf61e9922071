import type { Lang } from "../i18n.js";
import type { StoredMessage } from "../memory/conversation-store.js";
import type { ToolOutcome } from "../tools/types.js";

/** What a tool call gave, as both runners see it. */
export type Invocation =
  | { ok: true; outcome: ToolOutcome; actionId?: string }
  | { ok: false; error: string };

/** Runs one catalog tool for the current turn: validates, calls Odoo as the user, stores proposals. */
export type ToolInvoker = (name: string, args: unknown) => Promise<Invocation>;

export type RunnerInput = {
  message: string;
  /** Earlier messages of the session, oldest first. */
  history: StoredMessage[];
  lang: Lang;
  /** Today where the user is, YYYY-MM-DD. */
  today: string;
  userName: string | undefined;
  invoke: ToolInvoker;
  signal?: AbortSignal;
};

/** Decides what to do with a message: the language model, or the offline planner. */
export type Runner = {
  mode: "llm" | "offline";
  run(input: RunnerInput): Promise<{ reply: string }>;
};

/** A message as the panel holds it: the contract's Message, plus what only the panel knows. */

import type { Choice, Message, StepStatus, TurnContext } from "../api/types";

/** A tool step of the answer being written: running, or how it ended. */
export interface ToolStep {
  tool: string;
  status: "running" | StepStatus;
  /** What the agent says the tool does, in the user's language ("Reading stock…"). */
  label?: string;
}

/** A message as the panel holds it: the contract's Message, plus the local send state. */
export interface ChatMessage extends Message {
  /** User message on its way to the server. */
  pending?: boolean;
  /** User message the server did not take: shown with this text and a Retry button. */
  error?: string;
  /** Sent with this user message, and again on Retry, so the agent answers it once. */
  clientMessageId?: string;
  /** The chat's context when it was sent (the project chip), sent again on Retry. */
  context?: TurnContext;
  /** Assistant message still being written. */
  streaming?: boolean;
  /** Tools run so far by the answer being written. */
  steps?: ToolStep[];
  /** Names that matched several records: the user picks one (a choice card each). */
  choices?: Choice[];
}

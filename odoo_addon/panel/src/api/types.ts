// The shared types of docs/contract.md, as the addon's JSON routes return them: generated from
// the agent's contract (src/generated/contract.ts, `npm run generate -w agent-service`), plus what
// only the panel sends.

export type {
  Action,
  ActionPreview,
  ActionStatus,
  Card,
  ChatResult,
  Choice,
  ChoiceOption,
  Currency,
  Memory,
  Message,
  NotePreview,
  QuotationLine,
  QuotationPreview,
  RecordChange,
  RecordChangePreview,
  RecordRef,
  Screen,
  Session,
  Step,
  StepStatus,
  TaskPreview,
  TurnContext,
  TurnEvent,
  TurnResult,
} from "../generated/contract";
import type { Action, NotePreview, QuotationPreview, RecordChangePreview, TaskPreview } from "../generated/contract";

/** `/copilot/action/undo`: whether the change was reversed, and the translated line saying so (or why not). */
export interface UndoResult {
  undone: boolean;
  message: string;
}

export interface ChatParams {
  session_id?: string;
  message: string;
}

export interface StreamParams extends ChatParams {
  /** Made by the panel per message and sent again on Retry: the agent answers a message once. */
  client_message_id: string;
}

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

import type { Rpc } from "../odoo/rpc";
import { createChatStream, type ChatStream, type ChatStreamOptions } from "./chat_stream";
import type { Action, ChatParams, ChatResult, Message, Session } from "./types";

/** The addon's routes (docs/contract.md, section A). */
export interface CopilotApi {
  chat(params: ChatParams): Promise<ChatResult>;
  /** `/copilot/chat/stream`, falling back to `chat` when the answer is not an event stream. */
  chatStream: ChatStream;
  stop(sessionId: string): Promise<{ stopped: boolean }>;
  confirmAction(actionId: string): Promise<{ action: Action }>;
  rejectAction(actionId: string): Promise<{ action: Action }>;
  sessions(): Promise<{ sessions: Session[] }>;
  messages(sessionId: string): Promise<{ session_id: string; messages: Message[] }>;
}

export function createCopilotApi(rpc: Rpc, stream: Omit<ChatStreamOptions, "chat"> = { csrfToken: () => "" }): CopilotApi {
  const chat = ({ session_id, message }: ChatParams): Promise<ChatResult> =>
    rpc("/copilot/chat", session_id ? { session_id, message } : { message });
  return {
    chat,
    chatStream: createChatStream({ ...stream, chat }),
    stop: (sessionId) => rpc("/copilot/chat/stop", { session_id: sessionId }),
    confirmAction: (actionId) => rpc("/copilot/action/confirm", { action_id: actionId }),
    rejectAction: (actionId) => rpc("/copilot/action/reject", { action_id: actionId }),
    sessions: () => rpc("/copilot/sessions", {}),
    messages: (sessionId) => rpc("/copilot/messages", { session_id: sessionId }),
  };
}

import type { Rpc } from "../odoo/rpc";
import type { Action, ChatParams, ChatResult, Message, Session } from "./types";

/** The addon's JSON routes (docs/contract.md, section A). */
export interface CopilotApi {
  chat(params: ChatParams): Promise<ChatResult>;
  confirmAction(actionId: string): Promise<{ action: Action }>;
  rejectAction(actionId: string): Promise<{ action: Action }>;
  sessions(): Promise<{ sessions: Session[] }>;
  messages(sessionId: string): Promise<{ session_id: string; messages: Message[] }>;
}

export function createCopilotApi(rpc: Rpc): CopilotApi {
  return {
    chat: ({ session_id, message }) =>
      rpc("/copilot/chat", session_id ? { session_id, message } : { message }),
    confirmAction: (actionId) => rpc("/copilot/action/confirm", { action_id: actionId }),
    rejectAction: (actionId) => rpc("/copilot/action/reject", { action_id: actionId }),
    sessions: () => rpc("/copilot/sessions", {}),
    messages: (sessionId) => rpc("/copilot/messages", { session_id: sessionId }),
  };
}

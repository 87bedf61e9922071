import { RpcError, type Rpc } from "../odoo/rpc";
import { createTurnStream, type ChatStream, type FollowTurn, type TurnStart } from "./turn_stream";
import type { Action, ChatParams, Memory, Message, Session, TurnContext, UndoResult } from "./types";

export const PDF_ROUTE = "/copilot/export/pdf";

/** The addon's routes (docs/contract.md, section A). */
export interface CopilotApi {
  /** `/copilot/chat`: starts a turn, answers at once (its id; the result of a message answered before). */
  startTurn(params: ChatParams & { client_message_id?: string; context?: TurnContext }): Promise<TurnStart>;
  /** Starts a turn and passes its events as they come (bus, or `/copilot/turn`), until it ends. */
  chatStream: ChatStream;
  /** Follows a turn already running (after a reload, from another tab), from event `after`. */
  followTurn: FollowTurn;
  stop(sessionId: string): Promise<{ stopped: boolean }>;
  confirmAction(actionId: string): Promise<{ action: Action }>;
  rejectAction(actionId: string): Promise<{ action: Action }>;
  /**
   * A proposed quotation with new quantities, one per preview line in order (0 drops the line):
   * the same action, still proposed, with the preview Odoo computed again.
   */
  reviseAction(actionId: string, quantities: number[]): Promise<{ action: Action }>;
  /** Reverses a done action, when the addon allows it; `undone: false` carries the refusal. */
  undoAction(actionId: string): Promise<UndoResult>;
  /** Most recent first; `query` filters titles (an addon that ignores it returns them all). */
  sessions(query?: string): Promise<{ sessions: Session[] }>;
  /** `running_turn`: an answer still being written there, to follow. */
  messages(sessionId: string): Promise<{ session_id: string; messages: Message[]; running_turn?: { turn_id: string; message: string } }>;
  updateSession(sessionId: string, changes: { title?: string; pinned?: boolean }): Promise<{ session: Session }>;
  deleteSession(sessionId: string): Promise<unknown>;
  memories(): Promise<{ memories: Memory[] }>;
  deleteMemory(memoryId: string): Promise<unknown>;
  /** Every conversation and memory of the user, as the agent exports them (a JSON document). */
  exportHistory(): Promise<unknown>;
  deleteHistory(): Promise<unknown>;
  /** The conversation as a PDF (`GET /copilot/export/pdf`). */
  exportPdf(sessionId: string): Promise<Blob>;
}

export interface CopilotApiOptions {
  /** Prefix of the routes; empty (same origin) in the browser. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Odoo's bus: listens to a notification type, answers the function that stops listening. */
  listen?: (type: string, onPayload: (payload: unknown) => void) => () => void;
  /** How long a turn may stay silent on the bus before the panel asks `/copilot/turn`. */
  silenceMs?: number;
  /** Whether a turn's events came over the bus (see TurnStreamOptions.onDelivery). */
  onDelivery?: (overBus: boolean) => void;
}

export function createCopilotApi(rpc: Rpc, options: CopilotApiOptions = {}): CopilotApi {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const turns = createTurnStream({
    rpc,
    listen: options.listen ?? (() => () => {}),
    ...(options.silenceMs ? { silenceMs: options.silenceMs } : {}),
    ...(options.onDelivery ? { onDelivery: options.onDelivery } : {}),
  });
  return {
    startTurn: turns.start,
    chatStream: turns.chatStream,
    followTurn: turns.followTurn,
    stop: (sessionId) => rpc("/copilot/chat/stop", { session_id: sessionId }),
    confirmAction: (actionId) => rpc("/copilot/action/confirm", { action_id: actionId }),
    rejectAction: (actionId) => rpc("/copilot/action/reject", { action_id: actionId }),
    reviseAction: (actionId, quantities) => rpc("/copilot/action/revise", { action_id: actionId, quantities }),
    undoAction: async (actionId) => {
      const result = await rpc<Partial<UndoResult> | null>("/copilot/action/undo", { action_id: actionId });
      return { undone: Boolean(result?.undone), message: typeof result?.message === "string" ? result.message : "" };
    },
    sessions: (query) => rpc("/copilot/sessions", query?.trim() ? { query: query.trim() } : {}),
    messages: (sessionId) => rpc("/copilot/messages", { session_id: sessionId }),
    updateSession: (sessionId, changes) => rpc("/copilot/sessions/update", { session_id: sessionId, ...changes }),
    deleteSession: (sessionId) => rpc("/copilot/sessions/delete", { session_id: sessionId }),
    memories: () => rpc("/copilot/memories", {}),
    deleteMemory: (memoryId) => rpc("/copilot/memories/delete", { memory_id: memoryId }),
    exportHistory: () => rpc("/copilot/history/export", {}),
    deleteHistory: () => rpc("/copilot/history/delete", {}),
    exportPdf: async (sessionId) => {
      const route = `${PDF_ROUTE}?session_id=${encodeURIComponent(sessionId)}`;
      let response: Response;
      try {
        response = await doFetch(baseUrl + route, { method: "GET", credentials: "same-origin" });
      } catch (error) {
        throw new RpcError("network", `${PDF_ROUTE}: no answer from the server`, { cause: error });
      }
      const type = response.headers.get("content-type") ?? "";
      if (response.ok && type.includes("pdf")) {
        return response.blob();
      }
      if (type.includes("json")) {
        // An error the route explains: Odoo's JSON-RPC shape, or the agent's {error: {message}}.
        const payload = (await response.json().catch(() => undefined)) as
          | { error?: { message?: string; data?: { message?: string; name?: string } } }
          | undefined;
        const message = payload?.error?.data?.message || payload?.error?.message;
        if (message) {
          throw new RpcError("server", message, { status: response.status, ...(payload?.error?.data ? { data: payload.error.data } : {}) });
        }
      } else {
        void response.body?.cancel().catch(() => {});
      }
      // An older addon (404), a proxy's error page, or the login page after a redirection.
      throw new RpcError("http", `${PDF_ROUTE}: HTTP ${response.status}`, { status: response.status });
    },
  };
}

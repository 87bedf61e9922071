/**
 * `POST /copilot/chat/stream`: the turn as server-sent events (docs/contract.md, section A),
 * with `/copilot/chat` (JSON-RPC) as the fallback when the answer is not an event stream.
 */

import { RpcError } from "../odoo/rpc";
import { readSse, type SseEvent } from "./sse";
import type { Action, ChatParams, ChatResult, StreamParams, TurnEvent, TurnResult } from "./types";

export const STREAM_ROUTE = "/copilot/chat/stream";

export interface ChatStreamOptions {
  /** Prefix of the route; empty (same origin) in the browser. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The web client's CSRF token (src/odoo/compat.ts). */
  csrfToken: () => string;
  /** The JSON route, for answers that are not an event stream. */
  chat: (params: ChatParams) => Promise<ChatResult>;
}

export type ChatStream = (params: StreamParams, onEvent: (event: TurnEvent) => void, signal?: AbortSignal) => Promise<void>;

/**
 * Whether an answer of the stream route means "use /copilot/chat instead": anything but an
 * event stream — a 404 from an addon without the route, the login page after a redirection
 * (the JSON route then says the session expired), a proxy's error page.
 */
export function shouldFallBack(response: Pick<Response, "headers">): boolean {
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  return type !== "text/event-stream";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One server-sent event as a TurnEvent; undefined for what the panel does not know. */
export function toTurnEvent({ event, data }: SseEvent): TurnEvent | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (!isObject(payload)) {
    return undefined;
  }
  switch (event) {
    case "start":
      return typeof payload.session_id === "string"
        ? { type: "start", session_id: payload.session_id, turn_id: String(payload.turn_id ?? "") }
        : undefined;
    case "text":
      return typeof payload.text === "string" ? { type: "text", text: payload.text } : undefined;
    case "tool":
      return typeof payload.tool === "string"
        ? { type: "tool", tool: payload.tool, status: String(payload.status ?? "started") as "started" }
        : undefined;
    case "action":
      return isObject(payload.action) && typeof payload.action.id === "string"
        ? { type: "action", action: payload.action as unknown as Action }
        : undefined;
    case "card":
      return isObject(payload.card) && typeof payload.card.tool === "string"
        ? { type: "card", card: { tool: payload.card.tool, data: payload.card.data } }
        : undefined;
    case "done":
      return { type: "done", result: payload as unknown as TurnResult };
    case "error":
      return { type: "error", code: String(payload.code ?? "internal"), message: String(payload.message ?? "") };
    default:
      return undefined;
  }
}

/**
 * Sends a message and passes the turn's events to `onEvent` as they arrive. Resolves when the
 * answer has ended (normally after `done` or `error`: the caller checks it saw one); rejects
 * with an RpcError("network") when Odoo cannot be reached, and with the AbortError when
 * `signal` aborts. A fallback answer arrives as one `done` event.
 */
export function createChatStream(options: ChatStreamOptions): ChatStream {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  return async function chatStream(params, onEvent, signal) {
    const body: Record<string, string> = { message: params.message, client_message_id: params.client_message_id };
    if (params.session_id) {
      body.session_id = params.session_id;
    }
    let response: Response;
    try {
      response = await doFetch(baseUrl + STREAM_ROUTE, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "text/event-stream",
          "X-CSRF-Token": options.csrfToken(),
        },
        credentials: "same-origin",
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new RpcError("network", `${STREAM_ROUTE}: no answer from the server`, { cause: error });
    }

    if (shouldFallBack(response) || !response.body) {
      void response.body?.cancel().catch(() => {});
      const result = await options.chat(params.session_id ? { session_id: params.session_id, message: params.message } : { message: params.message });
      onEvent({ type: "done", result: { steps: [], stopped: false, choices: [], ...result } });
      return;
    }

    try {
      await readSse(response.body, (sse) => {
        const event = toTurnEvent(sse);
        if (event) {
          onEvent(event);
        }
      });
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new RpcError("network", `${STREAM_ROUTE}: the connection was lost`, { cause: error });
    }
  };
}

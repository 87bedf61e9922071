/**
 * Fakes shared by the store tests (Node) and the component tests (jsdom): a Copilot API whose
 * routes answer at once (each a vi.fn to look at or override), actions, sessions, and a promise
 * resolved from the outside.
 */
import { vi } from "vitest";

import type { CopilotApi } from "../src/api/copilot_api";
import type { Action, ChatParams, ChatResult, Message, Session, StreamParams, TurnEvent } from "../src/api/types";

export const T = "2026-01-01T00:00:00Z";

export function makeAction(overrides: Partial<Action> = {}): Action {
  return {
    id: "act_1",
    tool: "create_quotation",
    args: {},
    status: "proposed",
    summary: "Create a quotation for Deco Addict (2 lines)",
    created_at: T,
    updated_at: T,
    ...overrides,
  };
}

export function makeSession(id: string, overrides: Partial<Session> = {}): Session {
  return { id, title: `Session ${id}`, created_at: T, updated_at: T, ...overrides };
}

/** A promise resolved from the outside, to look at the DOM while a request is running. */
export function deferred<V>() {
  let resolve!: (value: V) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A stream that answers in one `done` event what `chat` answers. */
function streamFrom(chat: (params: ChatParams) => Promise<ChatResult>): CopilotApi["chatStream"] {
  return vi.fn(async ({ client_message_id: _id, ...params }: StreamParams, onEvent: (event: TurnEvent) => void) => {
    onEvent({ type: "done", result: await chat(params) });
  });
}

/**
 * The API with `chat`: what a turn answers, as one `done` event of `chatStream` (the bus and
 * `/copilot/turn` have tests of their own, test/turn_stream.test.ts).
 */
export type FakeApi = CopilotApi & { chat: (params: ChatParams) => Promise<ChatResult> };

/** The addon's routes, answered at once; each one a vi.fn to look at or override. */
export function fakeApi(overrides: Partial<FakeApi> = {}): FakeApi {
  const chat =
    overrides.chat ??
    vi.fn(async ({ message }: ChatParams): Promise<ChatResult> => ({
      session_id: "s_new",
      reply: `reply to ${message}`,
      actions: [],
      message_id: "m_reply",
    }));
  return {
    chat,
    chatStream: streamFrom(chat),
    startTurn: vi.fn(async () => ({ session_id: "s_new", turn_id: "turn_1", status: "running" as const })),
    followTurn: vi.fn(async () => {}),
    stop: vi.fn(async () => ({ stopped: true })),
    confirmAction: vi.fn(async (id: string) => ({ action: makeAction({ id, status: "done", record: { model: "sale.order", id: 42, name: "S00042" } }) })),
    rejectAction: vi.fn(async (id: string) => ({ action: makeAction({ id, status: "rejected" }) })),
    reviseAction: vi.fn(async (id: string, _quantities: number[]) => ({ action: makeAction({ id, status: "proposed" }) })),
    sessions: vi.fn(async () => ({ sessions: [] as Session[] })),
    messages: vi.fn(async (sessionId: string) => ({ session_id: sessionId, messages: [] as Message[] })),
    undoAction: vi.fn(async () => ({ undone: true, message: "Quotation S00042 deleted." })),
    updateSession: vi.fn(async (sessionId: string, changes: { title?: string; pinned?: boolean }) => ({
      session: { ...makeSession(sessionId), ...changes },
    })),
    deleteSession: vi.fn(async () => ({ deleted: true })),
    memories: vi.fn(async () => ({ memories: [] })),
    deleteMemory: vi.fn(async () => ({ deleted: true })),
    exportHistory: vi.fn(async () => ({ exported_at: T, conversations: [], memories: [] })),
    deleteHistory: vi.fn(async () => ({ deleted: true })),
    exportPdf: vi.fn(async () => new Blob(["%PDF-1.4"], { type: "application/pdf" })),
    ...overrides,
  };
}

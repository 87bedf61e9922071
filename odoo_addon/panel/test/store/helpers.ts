/**
 * Shared pieces of the store tests (test/store/*.test.ts, run in Node): sessions at a date, the
 * errors the addon answers with, and a stream of turn events driven by the test.
 */
import { vi } from "vitest";

import type { Session, StreamParams, TurnEvent, TurnResult } from "../../src/api/types";
import { RpcError } from "../../src/odoo/rpc";
import { CopilotStore } from "../../src/store/copilot_store";

import { fakeApi, makeSession } from "../fakes";

export const session = (id: string, updated_at: string): Session => makeSession(id, { updated_at });

export const networkError = () => new RpcError("network", "no answer");

export const missingRoute = () => new RpcError("http", "/copilot/x: HTTP 404", { status: 404 });
export const NEWER = "This needs a newer version of the Copilot module on this Odoo server. Ask your administrator to upgrade it.";

/** A stream driven by the test: events are sent one by one, and it ends when told (or aborted). */
export function controlledStream() {
  const calls: { params: StreamParams; signal: AbortSignal | undefined }[] = [];
  let onEvent: (event: TurnEvent) => void = () => {};
  let finish: { resolve: () => void; reject: (reason: unknown) => void } | undefined;
  const chatStream = vi.fn(
    (params: StreamParams, handler: (event: TurnEvent) => void, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ params, signal });
        onEvent = handler;
        finish = { resolve, reject };
        // Like fetch: an abort rejects the read with an AbortError.
        signal?.addEventListener("abort", () => reject(new DOMException("The user aborted a request.", "AbortError")));
      }),
  );
  return {
    chatStream,
    calls,
    emit: (...events: TurnEvent[]) => events.forEach((event) => onEvent(event)),
    end: () => finish?.resolve(),
    fail: (error: unknown) => finish?.reject(error),
  };
}

/** The final state of a turn, as its `done` event gives it. */
export const result = (overrides: Partial<TurnResult> = {}): TurnResult => ({
  session_id: "s1",
  reply: "",
  actions: [],
  message_id: "m_final",
  steps: [],
  stopped: false,
  choices: [],
  ...overrides,
});

/** A store whose answers come from a controlledStream, ready to send. */
export function streamedStore(options: { stopGraceMs?: number } = {}) {
  const stream = controlledStream();
  const api = fakeApi({ chatStream: stream.chatStream });
  const store = new CopilotStore(api, undefined, options);
  store.loadState = "ready";
  return { stream, api, store };
}

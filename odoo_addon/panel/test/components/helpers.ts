/**
 * Shared pieces of the component tests (test/components/*.test.ts, run in jsdom): a fake
 * Copilot API and fake Odoo services, mounting a real OWL component in the document, and small
 * DOM helpers. Only imported by files that declare `// @vitest-environment jsdom`.
 */
import { App, reactive, type ComponentConstructor } from "@odoo/owl";
import { afterEach, vi } from "vitest";

import type { CopilotApi } from "../../src/api/copilot_api";
import type { Action, ChatParams, ChatResult, Message, Session, StreamParams, TurnEvent } from "../../src/api/types";
import { CopilotStore } from "../../src/store/copilot_store";

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

/** The addon's routes, answered at once; each one a vi.fn to look at or override. */
export function fakeApi(overrides: Partial<CopilotApi> = {}): CopilotApi {
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

/** A store as src/main.ts makes it: wrapped in owl's reactive(), over a fake API. */
export function makeStore(api: CopilotApi = fakeApi(), init: Partial<CopilotStore> = {}): CopilotStore {
  const store = reactive(new CopilotStore(api));
  Object.assign(store, { loadState: "ready" }, init);
  return store;
}

/** What the fake dialog service was asked to show; `confirm()`/`cancel()` answer it. */
export interface DialogCall {
  component: unknown;
  props: Record<string, unknown> & { confirm: () => void; cancel: () => void; title: string; body: string };
  options?: { onClose?: () => void };
}

/** Odoo's services as the components use them, each call recorded. */
export function fakeServices() {
  const dialogCalls: DialogCall[] = [];
  const busListeners = new Map<string, ((payload: unknown) => void)[]>();
  return {
    action: { doAction: vi.fn(async (_action: unknown, _options?: unknown) => true) },
    orm: {
      call: vi.fn(async (_model: string, method: string, _args?: unknown[], _kwargs?: Record<string, unknown>): Promise<unknown> => {
        if (method === "name_search") {
          return [];
        }
        if (method === "fields_get") {
          return {};
        }
        return [];
      }),
    },
    dialog: {
      calls: dialogCalls,
      add: vi.fn((component: unknown, props: DialogCall["props"], options?: DialogCall["options"]) => {
        dialogCalls.push({ component, props, options });
        return () => {};
      }),
    },
    bus_service: {
      listeners: busListeners,
      subscribe: vi.fn((type: string, callback: (payload: unknown) => void) => {
        busListeners.set(type, [...(busListeners.get(type) ?? []), callback]);
      }),
      unsubscribe: vi.fn(),
    },
    hotkey: { add: vi.fn(() => () => {}) },
  };
}

export type FakeServices = ReturnType<typeof fakeServices>;

// Browsers have CSS.escape (src/session_list/session_list.ts uses it); jsdom does not.
if (typeof (globalThis as { CSS?: { escape?: unknown } }).CSS?.escape !== "function") {
  (globalThis as { CSS?: unknown }).CSS = {
    // CSSOM's serialize-an-identifier, simplified: enough for the ids the tests use.
    escape: (value: string) =>
      String(value)
        .replace(/[^\w-]/g, (char) => `\\${char}`)
        .replace(/^(-?)(\d)/, (_match, dash: string, digit: string) => `${dash}\\3${digit} `),
  };
}

const apps: App[] = [];

afterEach(() => {
  for (const app of apps.splice(0)) {
    app.destroy();
  }
  document.body.innerHTML = "";
  delete (globalThis as { odoo?: unknown }).odoo;
});

/** Lets OWL's renderer flush (it batches on animation frames); not a timing assertion. */
export async function nextTick(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

/**
 * Mounts `Component` with `props` in a fresh element of the document, in OWL's test mode
 * (props are validated against `static props`). Destroyed after the test.
 */
export async function mountComponent<P extends object>(
  Component: ComponentConstructor<P>,
  props: P,
  services: Partial<FakeServices> = fakeServices(),
): Promise<HTMLElement> {
  const target = document.createElement("div");
  document.body.appendChild(target);
  const app = new App(Component, { env: { services }, props, test: true, warnIfNoStaticProps: true });
  apps.push(app);
  await app.mount(target);
  return target;
}

/** The one element matching `selector`; fails the test when there is none. */
export function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) {
    throw new Error(`No element matches ${selector}`);
  }
  return el;
}

export function $$(root: ParentNode, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)];
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}

export async function click(el: HTMLElement, init: MouseEventInit = {}): Promise<MouseEvent> {
  const event = new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ...init });
  el.dispatchEvent(event);
  await nextTick();
  return event;
}

/** Types `value` in an input or textarea as the browser does: the value, then `input`. */
export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  await nextTick();
}

export async function keydown(el: HTMLElement, key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  el.dispatchEvent(event);
  await nextTick();
  return event;
}

/**
 * Defines the `odoo` global of the web client with these JS modules loaded (src/odoo/compat.ts
 * looks things up there: `@web/core/user` means 18+, the ConfirmationDialog…). Removed after
 * the test.
 */
export function setOdooModules(modules: Record<string, unknown>): void {
  (globalThis as { odoo?: unknown }).odoo = { loader: { modules: new Map(Object.entries(modules)) } };
}

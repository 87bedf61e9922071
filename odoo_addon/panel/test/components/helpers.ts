/**
 * Shared pieces of the component tests (test/components/*.test.ts, run in jsdom): a fake
 * Copilot API and fake Odoo services, mounting a real OWL component in the document, and small
 * DOM helpers. Only imported by files that declare `// @vitest-environment jsdom`.
 */
import { App, reactive, type ComponentConstructor } from "@odoo/owl";
import { afterEach, vi } from "vitest";

import type { CopilotApi } from "../../src/api/copilot_api";
import { CopilotStore } from "../../src/store/copilot_store";

import { fakeApi } from "../fakes";

export { T, deferred, fakeApi, makeAction, makeSession } from "../fakes";

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

/**
 * The one place where the panel deals with the differences between Odoo 17, 18 and 19.
 *
 * The bundle may only import modules that exist under the same path in every supported version
 * (build.mjs enforces the list); anything else is looked up here, at run time, through
 * `odoo.loader.modules` (present since 17.0), with a fallback for the versions that lack it.
 *
 * | need            | 17                              | 18, 19                                   |
 * |-----------------|---------------------------------|------------------------------------------|
 * | current user    | `env.services.user`             | `user` from `@web/core/user`             |
 * | language        | `user.lang` ("fr_FR")           | `user.lang` ("fr-FR" in 19)              |
 * | record URL      | `/web#id=42&model=…&view_type=form` | `/odoo/<model>/<id>`                 |
 * | number format   | `localization` from `@web/core/l10n/localization` (all three)              |
 * | CSRF token      | the `odoo.csrf_token` global (all three), for `type='http'` POST routes    |
 * | JSON routes     | not here: src/odoo/rpc.ts posts JSON-RPC with `fetch` in every version     |
 * | user name/admin | `env.services.user.name/isSystem` | `user.name/isSystem`                   |
 * | Copilot settings| `/web#action=copilot.copilot_config_settings_action` | `/odoo/action-copilot.copilot_config_settings_action` |
 * | the full page   | `/web#action=copilot.app`       | `/odoo/action-copilot.app`               |
 * | an app installed| its JS modules in `odoo.loader.modules` (`@project/…`), all three          |
 * | confirm dialog  | `ConfirmationDialog` of `@web/core/confirmation_dialog/confirmation_dialog`, looked up at run time |
 * | bus notification| `bus_service.subscribe(type, cb)`: `cb(payload)`, no `unsubscribe` | `cb(payload, {id})`, `unsubscribe` |
 * | shortcut        | Odoo's hotkey service, all three: `alt+shift+o` is Alt+Shift+O (Control+Shift+O on a Mac) |
 *
 * The settings link opens the addon's own settings action (context `module: copilot`, so the
 * Copilot tab), not `/odoo/settings#copilot` (18/19) or `base_setup.action_general_configuration`
 * (17): both need `base_setup`, which a database with only the Copilot module lacks.
 */

import { useEnv } from "@odoo/owl";
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from "../format/money";

export interface OdooEnv {
  services: Record<string, unknown>;
}

interface UserLike {
  userId?: number;
  lang?: string;
  name?: string;
  isSystem?: boolean;
}

function loadedModule(name: string): Record<string, unknown> | undefined {
  try {
    return odoo.loader?.modules.get(name) as Record<string, unknown> | undefined;
  } catch {
    return undefined;
  }
}

/** `@web/core/user` exists from 18.0 on; its absence means the 17 web client. */
export function hasUserModule(): boolean {
  return Boolean(loadedModule("@web/core/user")?.user);
}

function userObject(env: OdooEnv | undefined): UserLike | undefined {
  const user = loadedModule("@web/core/user")?.user as UserLike | undefined;
  return user ?? (env?.services.user as UserLike | undefined);
}

/** "fr_FR", "fr-FR", "sr@latin" → a BCP 47 tag Intl understands ("fr-FR", "sr"). */
export function toBcp47(lang: string | undefined): string {
  if (!lang) {
    return "en-US";
  }
  return lang.split("@")[0]!.replace(/_/g, "-");
}

export interface CurrentUser {
  id: number | null;
  /** BCP 47 tag, e.g. "fr-FR". */
  lang: string;
  name: string;
  /** Settings administrator (base.group_system): may open the Copilot settings. */
  isSystem: boolean;
}

export function currentUser(env?: OdooEnv): CurrentUser {
  const user = userObject(env);
  const lang = user?.lang || document.documentElement.lang || navigator.language;
  return {
    id: typeof user?.userId === "number" ? user.userId : null,
    lang: toBcp47(lang),
    name: typeof user?.name === "string" ? user.name : "",
    isSystem: Boolean(user?.isSystem),
  };
}

/** "fr-FR" → "français (France)", in that language; the tag itself when Intl does not know it. */
export function languageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: "language" }).of(lang);
    return name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : lang;
  } catch {
    return lang;
  }
}

/**
 * Whether the Odoo app `module` is installed, from the JS modules the web client loaded
 * (`@project/…`); undefined when it cannot tell (no loader): then ask the server and cope.
 */
export function isAppInstalled(module: string): boolean | undefined {
  try {
    const modules = odoo.loader?.modules;
    if (!modules) {
      return undefined;
    }
    const prefix = `@${module}/`;
    for (const name of modules.keys()) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  } catch {
    return undefined;
  }
}

/** The web client URL of an action (xml id or client action tag), for links and new tabs. */
export function actionUrl(action: string): string {
  return hasUserModule() ? `/odoo/action-${action}` : `/web#action=${encodeURIComponent(action)}`;
}

/** The addon's settings action: Settings, opened on the Copilot tab. */
export const SETTINGS_ACTION = "copilot.copilot_config_settings_action";

/** The client action of the full-page Copilot (registered by src/main.ts). */
export const FULL_PAGE_ACTION = "copilot.app";

/** Decimal point, thousands separator and grouping of the user's language (res.lang). */
export function numberFormat(): NumberFormat {
  const localization = loadedModule("@web/core/l10n/localization")?.localization as
    | Partial<NumberFormat>
    | undefined;
  try {
    // Odoo's localization object throws until the localization service has loaded it.
    if (localization && typeof localization.decimalPoint === "string") {
      return {
        decimalPoint: localization.decimalPoint,
        thousandsSep: localization.thousandsSep ?? "",
        grouping: Array.isArray(localization.grouping) ? localization.grouping : [3, 0],
      };
    }
  } catch {
    // fall through to the default
  }
  return DEFAULT_NUMBER_FORMAT;
}

/** A URL that opens the record's form view (for middle-click and "open in a new tab"). */
export function recordUrl(model: string, id: number): string {
  if (hasUserModule()) {
    return `/odoo/${encodeURIComponent(model)}/${id}`;
  }
  return `/web#id=${id}&model=${encodeURIComponent(model)}&view_type=form`;
}

/**
 * The CSRF token of the page, for POSTs to `type='http'` routes (`/copilot/chat/stream` reads
 * it from the X-CSRF-Token header). The web client defines the `odoo.csrf_token` global in
 * 17, 18 and 19; without it the route answers with a `bad_request:csrf` event, shown in place.
 */
export function csrfToken(): string {
  try {
    return typeof odoo.csrf_token === "string" ? odoo.csrf_token : "";
  } catch {
    return ""; // no `odoo` global (outside the web client)
  }
}

/**
 * Opens the panel, through Odoo's hotkey service. Alt+Shift+O is free in 17, 18 and 19
 * (checked against every `data-hotkey`, `hotkey.add` and `useHotkey` of their web sources;
 * 18's mail composer takes Alt+Shift+C, 19's kanban "shift+c" too).
 */
export const OPEN_SHORTCUT = "alt+shift+o";

function isMac(): boolean {
  try {
    return /Mac|iPod|iPhone|iPad/.test(navigator.platform);
  } catch {
    return false;
  }
}

/** The shortcut as the user presses it (aria-keyshortcuts syntax): Odoo's "alt" is Control on a Mac. */
export function shortcutLabel(): string {
  return isMac() ? "Control+Shift+O" : "Alt+Shift+O";
}

/** Odoo's ConfirmationDialog (same path in 17, 18 and 19), looked up when needed: not a bundle import. */
export function confirmationDialog(): unknown {
  return loadedModule("@web/core/confirmation_dialog/confirmation_dialog")?.ConfirmationDialog;
}

/**
 * What the panel needs of `useService("bus_service")`. 17: `subscribe(type, cb)` calls
 * `cb(payload)` and there is no `unsubscribe`; 18, 19: `cb(payload, { id })` and `unsubscribe`.
 */
export interface BusServiceLike {
  subscribe(type: string, callback: (payload: unknown, ...rest: unknown[]) => void): void;
  unsubscribe?(type: string, callback: (payload: unknown, ...rest: unknown[]) => void): void;
  start?(): Promise<void> | void;
  readonly isActive?: boolean;
}

/**
 * The bus service as the web client holds it. 17 declares it `async`, which its `useService`
 * cannot wrap ("methods is not iterable"); reading `env.services` works in 17, 18 and 19 (17's
 * own code does so).
 */
export function useBusService(): BusServiceLike | undefined {
  return (useEnv() as { services?: Record<string, unknown> }).services?.bus_service as BusServiceLike | undefined;
}

/**
 * Listens to the bus notifications of `type` (sent to the user's partner, a channel every web
 * client listens to); `onPayload` gets only the payload in every version. Returns the function
 * that stops listening: `unsubscribe` where it exists (18+); in 17 the listener stays, muted.
 */
export function subscribeBus(bus: BusServiceLike | undefined, type: string, onPayload: (payload: unknown) => void): () => void {
  if (!bus || typeof bus.subscribe !== "function") {
    return () => {};
  }
  let listening = true;
  const callback = (payload: unknown) => {
    if (listening) {
      onPayload(payload);
    }
  };
  bus.subscribe(type, callback);
  if (bus.isActive === false && typeof bus.start === "function") {
    // mail starts the bus in the web client; without it nothing would arrive
    void Promise.resolve(bus.start()).catch(() => {});
  }
  return () => {
    listening = false;
    if (typeof bus.unsubscribe === "function") {
      bus.unsubscribe(type, callback);
    }
  };
}

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
 */

import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from "../format/money";

export interface OdooEnv {
  services: Record<string, unknown>;
}

interface UserLike {
  userId?: number;
  lang?: string;
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
}

export function currentUser(env?: OdooEnv): CurrentUser {
  const user = userObject(env);
  const lang = user?.lang || document.documentElement.lang || navigator.language;
  return { id: typeof user?.userId === "number" ? user.userId : null, lang: toBcp47(lang) };
}

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

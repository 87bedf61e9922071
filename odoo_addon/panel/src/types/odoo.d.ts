/**
 * Hand-written declarations for the parts of Odoo's web client the panel uses.
 *
 * Only modules that exist under the same path in Odoo 17, 18 and 19 may be imported (the build
 * refuses any other `@web/*` import, see build.mjs). Everything version-specific is looked up
 * at run time in src/odoo/compat.ts through `odoo.loader`.
 */

declare module "@web/core/registry" {
  export interface RegistryCategory<T = unknown> {
    add(key: string, value: T, options?: { sequence?: number; force?: boolean }): RegistryCategory<T>;
    get(key: string, defaultValue?: T): T;
    contains(key: string): boolean;
    getAll(): T[];
    remove(key: string): void;
  }
  export interface Registry {
    category<T = unknown>(name: string): RegistryCategory<T>;
  }
  export const registry: Registry;
}

declare module "@web/core/utils/hooks" {
  export interface ActWindowAction {
    type: "ir.actions.act_window";
    res_model: string;
    res_id?: number;
    views: [number | false, string][];
    target?: "current" | "new";
  }
  export interface ActionService {
    doAction(action: ActWindowAction | string | number, options?: Record<string, unknown>): Promise<unknown>;
  }
  export function useService(name: "action"): ActionService;
  export function useService(name: string): unknown;
}

declare module "@web/core/l10n/translation" {
  /**
   * Returns the translation of `term` (a literal, so Odoo's extractor finds it); extra values
   * replace `%s` placeholders. Before the translations are loaded it returns a lazy string,
   * so call it while rendering, never at module load.
   */
  export function _t(term: string, ...values: (string | number)[]): string;
}

/** The `odoo` global of the web client (present in 17, 18 and 19). */
declare const odoo: {
  loader?: { modules: Map<string, unknown> };
  debug?: string;
  csrf_token?: string;
};

declare module "@web/core/assets" {
  /** Loads an asset bundle (its scripts and stylesheets) once; the same in 17, 18 and 19. */
  export function loadBundle(bundleName: string): Promise<unknown>;
}

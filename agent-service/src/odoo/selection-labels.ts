import type { CallMeta, OdooClient } from "./odoo-client.js";

/** A selection field's labels as Odoo shows them to the user (its `fields_get`, in the user's language). */
export type SelectionLabels = (model: string, field: string) => Promise<Record<string, string>>;

const TTL_MS = 10 * 60_000;

/** A field's `selection` as `fields_get` gives it (`[[value, label], …]`) → `{value: label}` (the panel uses it too). */
export function selectionMap(selection: unknown): Record<string, string> {
  return Object.fromEntries(
    (Array.isArray(selection) ? selection : []).filter((pair): pair is [string, string] => Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string"),
  );
}
const cache = new Map<string, { at: number; labels: Promise<Record<string, string>> }>();

/**
 * Odoo names its states itself, translated (`fields_get` selections): the copilot shows those
 * rather than a table of its own. Labels depend on the database, the language and the installed
 * apps only, so they are kept per process for ten minutes (a translation updated meanwhile shows
 * at the next expiry: nothing else can be wrong). `cached: false` (the bridge, whose calls must be
 * the same at every step) asks Odoo each time. A failure gives no labels (the raw value shows).
 */
export function selectionLabels(odoo: OdooClient, scope: { db: string; lang: string | undefined }, meta: CallMeta, cached = true): SelectionLabels {
  const ask = async (model: string, field: string) => {
    const fields = await odoo.call<Record<string, { selection?: unknown }>>(model, "fields_get", [[field]], { attributes: ["selection"] }, meta);
    return selectionMap(fields?.[field]?.selection);
  };
  return async (model, field) => {
    if (!cached) return ask(model, field).catch(() => ({}));
    const key = `${scope.db}\u0000${scope.lang ?? ""}\u0000${model}\u0000${field}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.labels;
    const labels = ask(model, field);
    cache.set(key, { at: Date.now(), labels });
    return labels.catch(() => {
      cache.delete(key);
      return {};
    });
  };
}

/**
 * Odoo's own labels of a selection (states, statuses), in the user's language: `fields_get` with
 * the user's session, once per field and page. The panel keeps no table of them (the agent's
 * answers carry them too, as `state_label` / `status_label`); a failure gives no labels and the
 * raw value shows.
 */

interface OrmCaller {
  call(model: string, method: string, args?: unknown[], kwargs?: Record<string, unknown>): Promise<unknown>;
}

const cache = new Map<string, Promise<Record<string, string>>>();

/** The agent's reading of a selection, the same for both (bundled into the panel). */
export { selectionMap } from "../../../../agent-service/src/odoo/selection-labels";
import { selectionMap } from "../../../../agent-service/src/odoo/selection-labels";

export function selectionLabels(orm: OrmCaller, model: string, field: string): Promise<Record<string, string>> {
  const key = `${model}.${field}`;
  let labels = cache.get(key);
  if (!labels) {
    labels = orm
      .call(model, "fields_get", [[field]], { attributes: ["selection"] })
      .then((fields) => selectionMap((fields as Record<string, { selection?: unknown }> | undefined)?.[field]?.selection))
      .catch(() => {
        cache.delete(key);
        return {};
      });
    cache.set(key, labels);
  }
  return labels;
}

/** For the tests: forget what was read. */
export function clearSelectionLabels(): void {
  cache.clear();
}

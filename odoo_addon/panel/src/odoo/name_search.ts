import type { OrmLike } from "../projects/projects";

export interface NamedRecord {
  id: number;
  name: string;
}

export type NameSearch = (model: string, name: string) => Promise<NamedRecord[]>;

/** Up to `limit` records of `model` whose name matches, as Odoo's own many2one fields find them. */
export function createNameSearch(orm: OrmLike, limit = 8): NameSearch {
  return async (model, name) => {
    const pairs = (await orm.call(model, "name_search", [], { name, limit })) as unknown;
    return Array.isArray(pairs)
      ? pairs
          .filter((pair): pair is [number, string] => Array.isArray(pair) && typeof pair[0] === "number")
          .map(([id, label]) => ({ id, name: String(label) }))
      : [];
  };
}

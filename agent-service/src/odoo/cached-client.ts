import { createHash } from "node:crypto";
import type { ConversationStore } from "../memory/conversation-store.js";
import type { OdooClient } from "./odoo-client.js";

/** ERP lists that change rarely and are read often (menus, project lists, stages, warehouses). */
export const CACHED_MODELS = new Set(["project.project", "project.task.type", "stock.warehouse"]);

/**
 * Caches the `search_read`s of CACHED_MODELS per user (rights differ) for `ttlSeconds`. A change
 * reported by Odoo's webhook bumps the model's generation, which retires its entries at once.
 * A cache failure never fails the read: Odoo answers.
 */
export function withCache(odoo: OdooClient, options: { store: ConversationStore; db: string; uid: number; ttlSeconds: number }): OdooClient {
  const { store, db, uid, ttlSeconds } = options;
  const read: OdooClient["searchRead"] = async (model, domain, search, meta) => {
    if (!CACHED_MODELS.has(model)) return odoo.searchRead(model, domain, search, meta);
    let key: string | undefined;
    try {
      const generation = await store.cacheGeneration(db, model);
      const digest = createHash("sha256").update(JSON.stringify([domain, search])).digest("base64url").slice(0, 22);
      key = `${encodeURIComponent(db)}:${uid}:${model}:${generation}:${digest}`;
      const hit = await store.getCached(key);
      if (hit) return JSON.parse(hit) as Awaited<ReturnType<OdooClient["searchRead"]>>;
    } catch {
      key = undefined;
    }
    const rows = await odoo.searchRead(model, domain, search, meta);
    if (key) await store.setCached(key, JSON.stringify(rows), ttlSeconds).catch(() => {});
    return rows;
  };
  return { ...odoo, searchRead: read };
}

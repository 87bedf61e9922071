import type { Logger } from "../logger.js";
import { mapKey, roleModels, type ModelMap } from "../odoo/model-map.js";
import type { CallMeta, OdooClient } from "../odoo/odoo-client.js";
import { NeedOdooCall } from "../odoo/bridge-client.js";
import type { ToolDefinition } from "../tools/types.js";

type Rights = { installed: boolean; read: boolean; create: boolean; write: boolean };

const TTL_MS = 5 * 60_000;

/**
 * Which tools this user can use in this database: their models installed, readable, and for a
 * write, the right to write; a tool working on a mapped business object (Kit, Ticket…) only when
 * the mapping names a model. Asked of the addon as the user (one call), remembered five minutes.
 * Without the addon (the xmlrpc transport) nothing can be asked: every tool whose objects are
 * mapped is offered, and Odoo's own access errors answer.
 */
export function createCapabilities(catalog: readonly ToolDefinition[], logger: Logger) {
  const cache = new Map<string, { until: number; tools: Set<string> }>();
  const needs = (tool: ToolDefinition, map: ModelMap) => [...tool.models, ...(tool.roles ?? []).flatMap((role) => roleModels(role, map))];
  const mapped = (tool: ToolDefinition, map: ModelMap) => (tool.roles ?? []).every((role) => map[role]);

  /** `fresh`: ask Odoo even when cached (a bridged turn makes the same calls at each of its steps). */
  async function availableTools(userKey: string, odoo: OdooClient, meta: CallMeta, map: ModelMap, options: { fresh?: boolean } = {}): Promise<Set<string>> {
    const key = `${userKey}:${mapKey(map)}`;
    const cached = cache.get(key);
    if (cached && cached.until > Date.now() && !options.fresh) return cached.tools;
    const models = [...new Set(catalog.flatMap((tool) => [...needs(tool, map), ...(tool.writes ? [tool.writes[0]] : [])]))];
    let rights: Record<string, Rights>;
    try {
      rights = await odoo.call<Record<string, Rights>>("copilot.capability", "check", [models], {}, meta);
    } catch (error) {
      if (error instanceof NeedOdooCall) throw error;
      // Remembered too, so a transport without the addon does not pay a failing call every turn.
      logger.debug({ err: error }, "capabilities unknown: every tool offered");
      const all = new Set(catalog.filter((tool) => mapped(tool, map)).map((tool) => tool.name));
      cache.set(key, { until: Date.now() + TTL_MS, tools: all });
      return all;
    }
    const tools = new Set(
      catalog
        .filter((tool) => mapped(tool, map) && needs(tool, map).every((model) => rights[model]?.installed && rights[model]?.read))
        .filter((tool) => !tool.writes || rights[tool.writes[0]]?.[tool.writes[1]])
        .map((tool) => tool.name),
    );
    cache.set(key, { until: Date.now() + TTL_MS, tools });
    return tools;
  }

  /** The tools cached for this user and mapping, if any (never calls Odoo). */
  function cached(userKey: string, map: ModelMap): Set<string> | undefined {
    const hit = cache.get(`${userKey}:${mapKey(map)}`);
    return hit && hit.until > Date.now() ? hit.tools : undefined;
  }

  return { availableTools, cached };
}

export type Capabilities = ReturnType<typeof createCapabilities>;

import type { Logger } from "../logger.js";
import type { CallMeta, OdooClient } from "../odoo/odoo-client.js";
import type { ToolDefinition } from "../tools/types.js";

type Rights = { installed: boolean; read: boolean; create: boolean; write: boolean };

const TTL_MS = 5 * 60_000;

/**
 * Which tools this user can use in this database: their models installed, readable, and for a
 * write, the right to write. Asked of the addon as the user (one call), remembered five minutes.
 * Without the addon (the xmlrpc transport) nothing can be asked: every tool is offered, and
 * Odoo's own access errors answer.
 */
export function createCapabilities(catalog: readonly ToolDefinition[], logger: Logger) {
  const models = [...new Set(catalog.flatMap((tool) => [...tool.models, ...(tool.writes ? [tool.writes[0]] : [])]))];
  const cache = new Map<string, { until: number; tools: Set<string> }>();

  async function availableTools(key: string, odoo: OdooClient, meta: CallMeta): Promise<Set<string>> {
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) return cached.tools;
    let rights: Record<string, Rights>;
    try {
      rights = await odoo.call<Record<string, Rights>>("copilot.capability", "check", [models], {}, meta);
    } catch (error) {
      // Remembered too, so a transport without the addon does not pay a failing call every turn.
      logger.debug({ err: error }, "capabilities unknown: every tool offered");
      const all = new Set(catalog.map((tool) => tool.name));
      cache.set(key, { until: Date.now() + TTL_MS, tools: all });
      return all;
    }
    const tools = new Set(
      catalog
        .filter((tool) => tool.models.every((model) => rights[model]?.installed && rights[model]?.read))
        .filter((tool) => !tool.writes || rights[tool.writes[0]]?.[tool.writes[1]])
        .map((tool) => tool.name),
    );
    cache.set(key, { until: Date.now() + TTL_MS, tools });
    return tools;
  }

  return { availableTools };
}

export type Capabilities = ReturnType<typeof createCapabilities>;

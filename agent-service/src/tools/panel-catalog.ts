import { catalog } from "./index.js";

/** Where the panel's copy of the declarations lives (generated, committed, checked fresh in CI). */
export const PANEL_CATALOG_PATH = "odoo_addon/panel/src/generated/tool_catalog.ts";

/**
 * What the panel needs from the tool declarations, as TypeScript source: the slash commands with
 * their names, completion, labels and usage in each language. The panel never keeps a hand copy;
 * `npm run generate -w agent-service` writes this file and a test fails when it is stale.
 */
export function renderPanelCatalog(): string {
  const commands = catalog
    .filter((tool) => tool.slash)
    .map((tool) => {
      const slash = tool.slash!;
      return {
        tool: tool.name,
        name: slash.name,
        frName: slash.fr,
        ...(slash.argument ? { argument: slash.argument } : {}),
        label: slash.label,
        ...(slash.usage ? { usage: slash.usage } : {}),
      };
    });
  return [
    "// Generated from the agent's tool declarations (agent-service/src/tools) by",
    "// `npm run generate -w agent-service`: do not edit; a test fails when it is stale.",
    "",
    "export interface DeclaredCommand {",
    "  /** The tool the command runs. */",
    "  tool: string;",
    "  name: string;",
    "  frName: string;",
    "  argument?: { model: string; suffix: string };",
    "  label: { en: string; fr: string };",
    "  usage?: { en: string; fr: string };",
    "}",
    "",
    `export const DECLARED_COMMANDS: readonly DeclaredCommand[] = ${JSON.stringify(commands, null, 2)};`,
    "",
  ].join("\n");
}

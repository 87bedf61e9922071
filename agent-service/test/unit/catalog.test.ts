import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { PANEL_CATALOG_PATH, renderPanelCatalog } from "../../src/tools/panel-catalog.js";
import { catalog } from "../../src/tools/index.js";
import { entities } from "../../src/odoo/entities.js";
import { parseIntent } from "../../src/agent/planner/parse.js";
import { MCP_PROMPTS, promptText } from "../../src/mcp/prompts.js";

/**
 * Everything the copilot says about a tool comes from its declaration (#15): a tool added to the
 * catalog shows in the panel, titles its conversation and draws its card without a second list.
 */
describe("the tool declarations", () => {
  it("each says, in English and French, what it does while it runs, and what it did", () => {
    for (const tool of catalog) {
      expect(tool.presentation.running.en, tool.name).toMatch(/…$/);
      expect(tool.presentation.running.fr, tool.name).toMatch(/…$/);
      for (const lang of ["en", "fr"] as const) {
        expect(tool.presentation.done[lang], tool.name).toMatch(/^\p{Lu}[^…]*[^.…]$/u);
        expect(tool.presentation.done[lang], tool.name).not.toBe(tool.presentation.running[lang]);
      }
    }
  });

  it("the arguments it says name records are its own, and it searches their models", () => {
    const argumentNames = (schema: unknown, into = new Set<string>()): Set<string> => {
      const def = (schema as { def?: { type: string; shape?: Record<string, unknown>; innerType?: unknown; element?: unknown } }).def;
      if (!def) return into;
      if (def.shape) for (const [name, inner] of Object.entries(def.shape)) argumentNames(inner, into.add(name));
      if (def.innerType) argumentNames(def.innerType, into);
      if (def.element) argumentNames(def.element, into);
      return into;
    };
    const declared = catalog.filter((tool) => tool.records);
    expect(declared.length).toBeGreaterThan(15);
    for (const tool of declared) {
      const names = argumentNames(tool.schema);
      for (const [argument, kind] of Object.entries(tool.records!)) {
        expect(names, `${tool.name}.${argument}`).toContain(argument);
        expect(tool.calls[entities[kind].model] ?? [], `${tool.name} finds a ${kind} with search_read`).toContain("search_read");
      }
    }
    // an argument named like a record and not declared as one would be compared by its raw text only
    for (const tool of catalog) {
      for (const name of argumentNames(tool.schema)) if (name in entities) expect(tool.records ?? {}, `${tool.name}.${name}`).toHaveProperty(name);
    }
  });

  it("a title names only arguments of the tool", () => {
    for (const tool of catalog.filter((candidate) => candidate.presentation.title)) {
      const fields = new Set(Object.keys(tool.schema.shape));
      for (const lang of ["en", "fr"] as const) {
        for (const [, name] of tool.presentation.title![lang].matchAll(/\{(\w+)\}/g)) expect(fields, `${tool.name}: {${name}}`).toContain(name);
      }
    }
  });

  it("cards are read tools only", () => {
    for (const tool of catalog.filter((candidate) => candidate.presentation.card)) expect(tool.risk, tool.name).toBe("read");
  });

  it("the panel draws a card of its own for exactly the tools that declare one (the others' is the generic card)", () => {
    // the panel's registry, read from its source (it imports Odoo's web client)
    const registry = readFileSync(new URL("../../../odoo_addon/panel/src/cards/read_cards/read_card_registry.ts", import.meta.url), "utf8");
    const drawn = [...registry.matchAll(/^\s*\["(\w+)", \w+\],$/gm)].map((m) => m[1]!);
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.sort()).toEqual(catalog.filter((tool) => tool.presentation.card === true).map((tool) => tool.name).sort());
  });
});

describe("slash commands: one declaration, read by the panel, the planner and MCP", () => {
  const declared = catalog.filter((tool) => tool.slash).map((tool) => ({ tool: tool.name, ...tool.slash! }));
  it("the panel's copy is generated from the declarations, and fresh (npm run generate -w agent-service)", () => {
    const committed = readFileSync(new URL(`../../../${PANEL_CATALOG_PATH}`, import.meta.url), "utf8");
    expect(committed).toBe(renderPanelCatalog());
    for (const command of declared) expect(committed).toContain(`"name": "${command.name}"`);
  });

  it("the planner runs every declared command, by its English and its French name, with the declared tool", () => {
    for (const command of declared) {
      for (const name of [command.name, command.fr, ...(command.aliases ?? [])]) {
        const intent = parseIntent(`/${name} Office Design: Order tiles`);
        expect(intent, `/${name}`).toMatchObject({ kind: "tool", tool: command.tool });
      }
    }
  });

  it("MCP offers the declared prompts", () => {
    expect(MCP_PROMPTS.map((prompt) => prompt.name).sort()).toEqual(declared.filter((command) => command.prompt).map((command) => command.name).sort());
    expect(promptText("stock", { product: "Large Cabinet" }, "fr")).toBe("Quel est le stock de Large Cabinet ?");
  });
});

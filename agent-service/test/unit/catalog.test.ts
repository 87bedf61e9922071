import { describe, expect, it } from "vitest";
import { catalog } from "../../src/tools/index.js";

/**
 * Everything the copilot says about a tool comes from its declaration (#15): a tool added to the
 * catalog shows in the panel, titles its conversation and draws its card without a second list.
 */
describe("the tool declarations", () => {
  it("each says, in English and French, what it does while it runs", () => {
    for (const tool of catalog) {
      expect(tool.presentation.running.en, tool.name).toMatch(/…$/);
      expect(tool.presentation.running.fr, tool.name).toMatch(/…$/);
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
});

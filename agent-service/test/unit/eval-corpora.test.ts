import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { EvalCase } from "../../src/eval/judge.js";
import { catalog } from "../../src/tools/index.js";

/** The project's evaluation sets (eval/*.jsonl) stay readable by the judge: valid cases of the public catalog. */
const folder = resolve(import.meta.dirname, "../../../eval");
const files = readdirSync(folder).filter((name) => name.endsWith(".jsonl"));

describe.each(files)("eval/%s", (file) => {
  const cases = readFileSync(resolve(folder, file), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);

  it("has unique ids, a language, and expectations the judge knows", () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(["fr", "en"]).toContain(c.lang);
      expect(c.utterance.trim().length).toBeGreaterThan(0);
      expect(Object.keys(c.expect).every((key) => ["tool", "args", "clarify", "no_write", "reply_contains"].includes(key))).toBe(true);
    }
  });

  it("names tools of the catalog, with their own arguments", () => {
    for (const c of cases.filter((item) => item.expect.tool)) {
      const tool = catalog.find((entry) => entry.name === c.expect.tool);
      expect(tool, `${c.id}: ${c.expect.tool}`).toBeDefined();
      const known = Object.keys(tool!.schema.shape);
      for (const name of Object.keys(c.expect.args ?? {})) expect(known, `${c.id}: ${name}`).toContain(name);
    }
  });
});

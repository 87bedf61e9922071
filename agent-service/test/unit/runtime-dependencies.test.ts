import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** The service's image installs `dependencies` only: the bundle it runs may import nothing else. */
describe("the service at run time", () => {
  it("imports only its declared dependencies and Node's own modules (no development dependency)", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };
    const result = await build({ entryPoints: [new URL("../../src/main.ts", import.meta.url).pathname], bundle: true, platform: "node", format: "esm", packages: "external", write: false, metafile: true, logLevel: "silent" });
    const imported = new Set<string>();
    for (const input of Object.values(result.metafile.inputs)) {
      for (const entry of input.imports) if (entry.external) imported.add(entry.path);
    }
    const packageOf = (path: string) => (path.startsWith("@") ? path.split("/").slice(0, 2).join("/") : path.split("/")[0]!);
    const foreign = [...imported].filter((path) => !path.startsWith("node:") && !builtinModules.includes(path) && !(packageOf(path) in pkg.dependencies));
    expect(foreign).toEqual([]);
    expect(imported.size).toBeGreaterThan(5);
  });
});

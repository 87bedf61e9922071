import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/tools/index.js";
import { ALLOWLIST } from "../helpers/odoo-double.js";

/**
 * The calls the tools make are allowed by the addon's gateway (odoo_addon/copilot/rpc_allowlist.py)
 * as by the Odoo double the tools are tested against: the double refuses any call it does not
 * list, so a tool test that passes proves the double covers the tool; this proves the addon does.
 */
const addonAllowlist = (): Record<string, { read: string[]; write: string[] }> => {
  const file = join(import.meta.dirname, "../../../odoo_addon/copilot/rpc_allowlist.py");
  const script = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("rpc_allowlist", sys.argv[1])
module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
print(json.dumps({m: {k: sorted(v) for k, v in d.items()} for m, d in module.RPC_ALLOWLIST.items()}))`;
  return JSON.parse(execFileSync(process.env.PYTHON ?? "python3", ["-c", script, file], { encoding: "utf8" }));
};

/** Models an administrator maps in Settings: the addon allows their reads from the mapping, not the list. */
const MAPPED = /^(x_|helpdesk\.)/;

describe("the gateway's allowlist", () => {
  const addon = addonAllowlist();

  it("allows every call the Odoo double allows, with the same read or write kind", () => {
    for (const [model, methods] of Object.entries(ALLOWLIST)) {
      if (MAPPED.test(model)) continue;
      expect(addon[model], model).toBeDefined();
      for (const method of methods.read) expect(addon[model]!.read, `${model}.${method} (read)`).toContain(method);
      for (const method of methods.write) expect(addon[model]!.write, `${model}.${method} (write)`).toContain(method);
    }
  });

  it("allows every Odoo method each tool declares it calls, a write as a write (risk read: no write)", () => {
    for (const tool of catalog) {
      for (const [model, methods] of Object.entries(tool.calls)) {
        for (const method of methods) {
          const allowed = [...(addon[model]?.read ?? []), ...(addon[model]?.write ?? [])];
          expect(allowed, `${tool.name}: ${model}.${method}`).toContain(method);
          if (tool.risk === "read") expect(addon[model]!.write, `${tool.name} reads only: ${model}.${method}`).not.toContain(method);
        }
      }
    }
  });

  it("lists every model a tool declares, and the write each tool needs", () => {
    for (const tool of catalog) {
      for (const model of tool.models) expect(Object.keys(addon), `${tool.name}: ${model}`).toContain(model);
      if (tool.writes) expect(addon[tool.writes[0]], `${tool.name}: ${tool.writes.join(".")}`).toBeDefined();
    }
  });
});

// Build-time only: json-schema-to-typescript is a development dependency, never loaded by the service.
import { compile } from "json-schema-to-typescript";
import { contractJsonSchema } from "./contract.js";

/** Where the panel's types of the contract live (generated, committed, checked fresh in CI). */
export const PANEL_CONTRACT_PATH = "odoo_addon/panel/src/generated/contract.ts";

/**
 * The panel's TypeScript types, from the contract's JSON Schema (json-schema-to-typescript: the
 * generator made for this). Deterministic: the same schemas give the same file, byte for byte.
 */
export async function renderPanelContract(): Promise<string> {
  const schema = contractJsonSchema();
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  // each definition named after its id, so the output has one exported type per contract type
  for (const [name, def] of Object.entries(defs)) def.title = name;
  const source = await compile({ ...schema, title: "Contract", additionalProperties: false } as never, "Contract", {
    bannerComment: [
      "// Generated from the agent's contract (agent-service/src/contract/contract.ts) by",
      "// `npm run generate -w agent-service`: do not edit; a test fails when it is stale.",
    ].join("\n"),
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: false,
    format: true,
    style: { printWidth: 140 },
  });
  return source;
}

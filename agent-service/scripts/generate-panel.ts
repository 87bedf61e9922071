// Writes what the panel is generated from the agent: the tool declarations it needs (src/tools/panel-catalog.ts)
// and the contract's types (src/contract/render-types.ts).
import { writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PANEL_CONTRACT_PATH, renderPanelContract } from "../src/contract/render-types.js";
import { PANEL_CATALOG_PATH, renderPanelCatalog } from "../src/tools/panel-catalog.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
for (const [path, render] of [
  [PANEL_CATALOG_PATH, async () => renderPanelCatalog()],
  [PANEL_CONTRACT_PATH, renderPanelContract],
] as const) {
  const target = join(root, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, await render());
  console.log(`wrote ${path}`);
}

// Writes the panel's generated copy of the tool declarations (see src/tools/panel-catalog.ts).
import { writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PANEL_CATALOG_PATH, renderPanelCatalog } from "../src/tools/panel-catalog.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const target = join(root, PANEL_CATALOG_PATH);
await mkdir(dirname(target), { recursive: true });
await writeFile(target, renderPanelCatalog());
console.log(`wrote ${PANEL_CATALOG_PATH}`);

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The sources import Odoo's `_t`, which only exists inside the web client: the tests get a
// stand-in that returns the English text, so the store and the renderer run in plain Node.
export default defineConfig({
  resolve: {
    alias: {
      "@web/core/l10n/translation": fileURLToPath(
        new URL("./test/stubs/translation.ts", import.meta.url),
      ),
    },
  },
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // .ci/run sums the JSON reports into one "N passed, N failed" line.
    reporters: process.env.VITEST_REPORT_DIR ? ["default", ["json", { outputFile: `${process.env.VITEST_REPORT_DIR}/panel.json` }]] : ["default"],
  },
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const stub = (name: string) => fileURLToPath(new URL(`./test/stubs/${name}.ts`, import.meta.url));

// The sources import Odoo's `_t`, `useService` and `registry`, which only exist inside the web
// client: the tests get stand-ins (`_t` returns the English text; `useService` reads the fake
// services the component tests mount with), so the store and the renderer run in plain Node.
// The component tests (test/components/) mount OWL components in jsdom: each file says so with
// a `// @vitest-environment jsdom` comment; every other test runs in Node.
export default defineConfig({
  resolve: {
    alias: {
      "@web/core/l10n/translation": stub("translation"),
      "@web/core/utils/hooks": stub("hooks"),
      "@web/core/registry": stub("registry"),
    },
  },
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // .ci/run sums the JSON reports into one "N passed, N failed" line.
    reporters: process.env.VITEST_REPORT_DIR ? ["default", ["json", { outputFile: `${process.env.VITEST_REPORT_DIR}/panel.json` }]] : ["default"],
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    // .ci/run sums the JSON reports into one "N passed, N failed" line.
    reporters: process.env.VITEST_REPORT_DIR ? ["default", ["json", { outputFile: `${process.env.VITEST_REPORT_DIR}/agent-service.json` }]] : ["default"],
  },
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { APP_PORT, appServerEnv, BASE_URL, FAKE_PORT, FAKE_URL } from "./e2e/utils/env";

// One fresh database and data dir per run. Kept in the environment so the test workers, which load this
// file again, see the same paths instead of making new ones.
process.env.AMM_E2E_DB_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "amm-e2e-db-"));
process.env.AMM_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "amm-e2e-data-"));

/**
 * Browser tests against the production build (`scripts/test.ts` builds it first; by hand:
 * `flock /tmp/amm-build.lock npx next build`), with Debian's Chromium and the fake provider server.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      name: "fake-providers",
      command: `npx tsx scripts/fake-providers.ts --port ${FAKE_PORT}`,
      url: `${FAKE_URL}/_fake/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "app",
      command: `npx tsx scripts/serve.ts -p ${APP_PORT} -H 127.0.0.1`,
      url: `${BASE_URL}/api/auth/session`,
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: "ignore",
      stderr: "pipe",
      env: appServerEnv(process.env.AMM_E2E_DB_DIR, process.env.AMM_E2E_DATA_DIR),
    },
  ],
});

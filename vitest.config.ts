import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", ".next-test/**", "e2e/**", ".data/**"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // No test reaches the real catalogs: a test that wants one points these at the fake (fakeProviderEnv).
    env: { NEXT_TELEMETRY_DISABLED: "1", MODELS_DEV_URL: "off", LITELLM_MODEL_MAP_URL: "off" },
  },
});

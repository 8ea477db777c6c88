import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runDiscovery } from "@/lib/discovery/run";
import type { Provider } from "@/lib/domain";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { parsePromText, sampleValue } from "@/tests/support/prom-text";
import { metrics, resetMetrics } from "./registry";

const KEYS: Record<Provider, string> = {
  openai: "fake-openai-key-m1",
  anthropic: "fake-anthropic-key-m2",
  google: "fake-google-key-m3",
  mistral: "fake-mistral-key-m4",
};

let fake: FakeProviders;
let t: TestDatabase;
beforeAll(async () => {
  fake = await startFakeProviders({ keys: KEYS });
  t = await createTestDb("pglite");
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});

describe("a discovery run's metrics", () => {
  it("counts the run by status and duration, and the providers it reached or skipped", async () => {
    resetMetrics();
    vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const summary = await runDiscovery({ db: t.db, trigger: "cli", env: fakeProviderEnv(fake, ["openai", "anthropic"]), providerOptions: { maxRetries: 0, timeoutMs: 5000 } });
      const s = parsePromText(await metrics().registry.metrics());
      expect(sampleValue(s, "amm_discovery_runs_total", { status: summary.status })).toBe(1);
      expect(sampleValue(s, "amm_discovery_run_duration_seconds_count", { status: summary.status })).toBe(1);
      expect(sampleValue(s, "amm_discovery_providers_total", { provider: "openai", outcome: "reached" })).toBe(1);
      expect(sampleValue(s, "amm_discovery_providers_total", { provider: "mistral", outcome: "skipped" })).toBe(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listModels } from "@/lib/db/models-repo";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { runDiscovery } from "./run";

// A provider that never answers must not hold a run past its deadline, whatever the per-request settings.
describe("the per-provider deadline", () => {
  let fake: FakeProviders;
  let t: TestDatabase;
  beforeAll(async () => {
    fake = await startFakeProviders();
    t = await createTestDb("pglite");
  });
  afterAll(async () => {
    await fake?.close();
    await t?.close();
  });

  it("fails a hanging provider at DISCOVERY_PROVIDER_DEADLINE_MS, applies the others and keeps the failing one's models", async () => {
    fake.setFault("anthropic", "timeout");
    const before = (await listModels(t.db, { provider: "anthropic" })).map((m) => [m.model_name, m.is_active]);
    // Per request 60 s and 5 retries would take minutes; the test's own 30 s timeout fails it if the deadline is ignored.
    const env = { ...fakeProviderEnv(fake), DISCOVERY_TIMEOUT_MS: "60000", DISCOVERY_MAX_RETRIES: "5", DISCOVERY_PROVIDER_DEADLINE_MS: "1500" };
    const summary = await runDiscovery({ db: t.db, trigger: "cli", env });
    expect(summary.status).toBe("partial");
    expect(summary.errors).toEqual([
      { provider: "anthropic", message: "Anthropic: no complete listing within 1500 ms (DISCOVERY_PROVIDER_DEADLINE_MS)" },
    ]);
    expect((await listModels(t.db, { provider: "anthropic" })).map((m) => [m.model_name, m.is_active])).toEqual(before);
  });

  it("names the variable when the deadline setting is malformed", async () => {
    fake.setFault("anthropic", "none");
    const env = { ...fakeProviderEnv(fake), DISCOVERY_PROVIDER_DEADLINE_MS: "soon" };
    const summary = await runDiscovery({ db: t.db, trigger: "cli", env });
    expect(summary.errors.map((e) => e.message).join(" ")).toContain("DISCOVERY_PROVIDER_DEADLINE_MS");
  });
});

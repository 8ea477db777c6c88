import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROVIDERS, type Provider } from "@/lib/domain";
import { listDefaults, listModels } from "@/lib/db/models-repo";
import { listOpenListings } from "@/lib/db/suspect-listings-repo";
import { eraListings } from "@/tests/support/fake-providers/listings";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { runDiscovery } from "./run";

const KEYS = Object.fromEntries(PROVIDERS.map((p) => [p, `fake-${p}-key-0123`])) as Record<Provider, string>;
const NOW = new Date("2026-12-01T12:00:00Z");

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders({ keys: KEYS });
});
afterAll(async () => fake?.close());

describe.each(DRIVERS)("lifecycle in runs on %s", (driver) => {
  let t: TestDatabase;
  const run = (providers: readonly Provider[] = PROVIDERS) =>
    runDiscovery({ db: t.db, trigger: "cli", triggeredBy: "test", env: fakeProviderEnv(fake, providers), now: () => NOW, providerOptions: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 5000 } });
  const model = async (provider: Provider, name: string) => (await listModels(t.db, { provider })).find((m) => m.model_name === name);

  beforeEach(async () => {
    t = await createTestDb(driver);
    fake.reset();
  });
  afterEach(async () => t?.close());

  it("lets a fresh install's first listing deactivate the seeded models it does not name, as a success", async () => {
    fake.setListing("openai", (eraListings("2025").openai as { id: string }[]).filter((m) => ["gpt-5", "gpt-5-mini"].includes(m.id)));
    const s = await run(["openai"]);
    expect(s.status).toBe("success");
    expect(s.warnings.filter((w) => /suspect/.test(w.message))).toEqual([]);
    expect(await model("openai", "gpt-4.1")).toMatchObject({ is_active: false, deactivation_reason: "no longer listed" });
    expect(await model("openai", "gpt-5")).toMatchObject({ is_active: true, confirmed_at: expect.any(String) });
  });

  it("holds a listing that drops most confirmed models on every run, as partial, until the models come back", async () => {
    expect((await run(["openai"])).status).toBe("success");
    const active = (await listModels(t.db, { provider: "openai", active: true })).length;
    fake.setListing("openai", (eraListings("2025").openai as { id: string }[]).filter((m) => ["gpt-5", "gpt-5-mini"].includes(m.id)));
    for (let i = 0; i < 2; i++) {
      const s = await run(["openai"]);
      expect(s).toMatchObject({ status: "partial", models_deprecated: 0 });
      expect(s.warnings).toContainEqual({ source: "openai", message: expect.stringMatching(/active models are missing from the listing; kept them active \(suspect listing\)/) });
      expect((await listModels(t.db, { provider: "openai", active: true })).length).toBe(active);
      const [held] = await listOpenListings(t.db);
      expect(held).toMatchObject({ provider: "openai", run_id: s.run_id, accepted_at: null });
      expect(held.missing.map((m) => m.model_name)).toContain("gpt-4.1");
    }
    fake.reset();
    expect((await run(["openai"])).status).toBe("success");
    expect(await listOpenListings(t.db)).toEqual([]);
  });

  it("retires a listed model whose shutdown date has passed and moves its default, with a warning", async () => {
    const wire = eraListings("2025").openai as { id: string; shutdown_date?: string }[];
    fake.setListing("openai", wire.map((m) => (m.id.startsWith("gpt-5-mini") ? { ...m, shutdown_date: "2026-11-30" } : m)));
    const s = await run(["openai"]);
    expect(await model("openai", "gpt-5-mini")).toMatchObject({ is_active: false, is_default: false, deactivation_reason: "shut down on 2026-11-30", shutdown_date: "2026-11-30" });
    const fast = (await listDefaults(t.db)).find((d) => d.provider === "openai" && d.model_type === "fast");
    expect(fast?.model_name).toBe("gpt-5-nano");
    expect(s.default_changes).toContainEqual({ provider: "openai", model_type: "fast", from: "gpt-5-mini", to: "gpt-5-nano" });
    expect(s.warnings).toContainEqual({ source: "openai", message: "gpt-5-mini shut down on 2026-11-30; the fast default moved to gpt-5-nano" });
    // Still listed on the next run, it stays retired.
    await run(["openai"]);
    expect(await model("openai", "gpt-5-mini")).toMatchObject({ is_active: false, deactivation_reason: "shut down on 2026-11-30" });
  });

  it("gives snapshots with their own lifecycle their own rows, and moves a rolling alias with its snapshot (2027)", async () => {
    await run();
    fake.useEra("2027");
    const s = await run();
    const latest = await model("mistral", "mistral-medium-latest");
    expect(latest).toMatchObject({ is_active: true, shutdown_date: null, aliases: ["mistral-medium-2701"] });
    for (const snap of ["mistral-medium-2505", "mistral-medium-2508"]) {
      expect(await model("mistral", snap)).toMatchObject({ is_active: false, shutdown_date: "2026-08-31", successor: "mistral-medium-latest", deactivation_reason: "shut down on 2026-08-31" });
    }
    expect(s.warnings).toContainEqual({ source: "mistral", message: expect.stringMatching(/^mistral-medium-latest now points at mistral-medium-2701 \(was mistral-medium-2505\)/) });
    const gpt4o = await model("openai", "gpt-4o");
    expect(gpt4o).toMatchObject({ is_active: true, shutdown_date: null });
    expect(gpt4o!.aliases).not.toContain("gpt-4o-2024-05-13");
    expect(await model("openai", "gpt-4o-2024-05-13")).toMatchObject({ is_active: false, shutdown_date: "2026-10-23", deactivation_reason: "shut down on 2026-10-23" });
  });
});

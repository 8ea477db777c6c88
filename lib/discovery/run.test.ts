import { format } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PROVIDERS, type Provider } from "@/lib/domain";
import { listDefaultChanges } from "@/lib/db/audit-repo";
import { listDefaults, listModels, type ModelRow } from "@/lib/db/models-repo";
import { getRun, RunConflictError } from "@/lib/db/runs-repo";
import { setAllowPreviewDefaults } from "@/lib/db/settings-repo";
import { eraListings } from "@/tests/support/fake-providers/listings";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders, type Fault } from "@/tests/support/fake-providers/server";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { runDiscovery, type RunDiscoveryOptions } from "./run";

const KEYS: Record<Provider, string> = {
  openai: "fake-openai-SECRET-0001",
  anthropic: "fake-anthropic-SECRET-0002",
  google: "fake-google-SECRET-0003",
  mistral: "fake-mistral-SECRET-0004",
};

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders({ keys: KEYS });
});
afterAll(async () => fake?.close());

const envFor = (providers?: readonly Provider[]) => fakeProviderEnv(fake, providers);

/** Runs `fn` with every console method captured (and silenced); the spies are removed afterwards. */
async function consoleDuring<T>(fn: () => Promise<T>): Promise<{ result: T; logged: string }> {
  const lines: string[] = [];
  const spies = (["error", "warn", "log", "info", "debug"] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(format(...args))),
  );
  try {
    return { result: await fn(), logged: lines.join("\n") };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const defaultsOf = async (t: TestDatabase) =>
  Object.fromEntries((await listDefaults(t.db)).map((d) => [`${d.provider}/${d.model_type}`, d.model_name]));

describe.each(DRIVERS)("runDiscovery on %s", (driver) => {
  let t: TestDatabase;
  const run = (extra: Partial<RunDiscoveryOptions> = {}) =>
    runDiscovery({
      db: t.db, trigger: "cli", triggeredBy: "test", env: envFor(),
      providerOptions: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 1500, pageSize: 5 },
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestDb(driver);
  });
  afterAll(async () => t?.close());
  beforeEach(() => fake.reset());

  it("classifies the 2025 listings as the original design did, keeping the seeded defaults", async () => {
    const summary = await run();
    expect(summary).toMatchObject({ success: true, status: "success", errors: [], providers_checked: [...PROVIDERS] });
    expect(summary.models_set_aside).toBeGreaterThan(40);
    expect(await defaultsOf(t)).toEqual({
      "openai/flagship": "gpt-5", "openai/fast": "gpt-5-mini",
      "anthropic/flagship": "claude-sonnet-4-5", "anthropic/fast": "claude-haiku-4-5",
      "google/flagship": "gemini-2.5-pro", "google/fast": "gemini-2.5-flash",
      "mistral/flagship": "mistral-large-latest", "mistral/fast": "mistral-medium-latest",
    });
    const models = await listModels(t.db);
    const tier = (p: Provider, n: string) => models.find((m) => m.provider === p && m.model_name === n)?.model_type;
    expect([tier("openai", "gpt-5-nano"), tier("openai", "gpt-4.1"), tier("anthropic", "claude-opus-4-1"), tier("anthropic", "claude-sonnet-4")]).toEqual(["fast", "legacy", "flagship", "legacy"]);
    expect(tier("google", "gemini-2.0-flash")).toBe("legacy");
    for (const id of ["whisper-1", "text-embedding-3-large", "gpt-5-pro", "gpt-5-codex", "gemma-3-27b-it", "aqa", "mistral-embed"]) {
      expect(models.some((m) => m.model_name === id || m.aliases.includes(id))).toBe(false);
    }
    const gpt5 = models.find((m) => m.model_name === "gpt-5")!;
    expect(gpt5.aliases).toContain("gpt-5-2025-08-07");
    expect(gpt5.last_validated_at).not.toBeNull();
    const row = await getRun(t.db, summary.run_id);
    expect(row).toMatchObject({ status: "success", trigger: "cli", triggered_by: "test" });
    expect(row!.progress).toMatchObject({ openai: { state: "done" }, google: { state: "done" } });
  });

  it("moves every default to the newer generation of 2027 and demotes the older ones, with audit rows", async () => {
    fake.useEra("2027");
    const summary = await run();
    expect(summary.status).toBe("success");
    const d = await defaultsOf(t);
    expect(d).toMatchObject({ "openai/flagship": "gpt-6", "openai/fast": "gpt-6-mini", "anthropic/flagship": "claude-sonnet-5", "google/flagship": "gemini-3.5-pro", "google/fast": "gemini-3.5-flash" });
    const models = await listModels(t.db);
    const get = (n: string) => models.find((m) => m.model_name === n)!;
    expect([get("gpt-5").model_type, get("gpt-5-mini").model_type, get("claude-sonnet-4-5").model_type, get("gemini-2.5-pro").model_type]).toEqual(["legacy", "legacy", "legacy", "legacy"]);
    expect(get("gpt-6-flash")).toMatchObject({ needs_review: true, is_default: false });
    const audit = await listDefaultChanges(t.db, { provider: "openai", model_type: "flagship" });
    expect(audit[0]).toMatchObject({ from_model: "gpt-5", to_model: "gpt-6", changed_by: "test", run_id: summary.run_id });
    expect(summary.default_changes).toContainEqual({ provider: "openai", model_type: "flagship", from: "gpt-5", to: "gpt-6" });
    fake.useEra("2025");
  });

  it("deactivates a removed model, moves its default, and reactivates it in place when it returns", async () => {
    await run(); // back to the 2025 world
    const wire = eraListings("2025").mistral as { id: string; name?: string }[];
    const before = (await listModels(t.db, { provider: "mistral" })).find((m) => m.model_name === "mistral-medium-latest")!;
    expect(before.is_default).toBe(true);
    fake.setListing("mistral", wire.filter((m) => !m.id.startsWith("mistral-medium")));
    const s1 = await run();
    expect(s1.models_deprecated).toBe(1);
    const gone = (await listModels(t.db, { provider: "mistral" })).find((m) => m.id === before.id)!;
    expect(gone).toMatchObject({ is_active: false, is_default: false });
    expect(gone.deactivated_at).not.toBeNull();
    expect((await defaultsOf(t))["mistral/fast"]).toBe("mistral-small-latest");

    fake.setListing("mistral", wire);
    const s2 = await run();
    expect(s2.models_reactivated).toBe(1);
    const back = (await listModels(t.db, { provider: "mistral" })).find((m) => m.model_name === "mistral-medium-latest")!;
    expect(back).toMatchObject({ id: before.id, is_active: true, deactivated_at: null, is_default: true });
  });

  it("keeps models and warns when more than half of a provider's models vanish", async () => {
    const wire = eraListings("2025").openai as { id: string }[];
    fake.setListing("openai", wire.filter((m) => m.id === "gpt-5" || m.id === "gpt-5-mini"));
    const active = (await listModels(t.db, { provider: "openai", active: true })).length;
    const s = await run();
    expect(s.models_deprecated).toBe(0);
    expect(s.warnings.map((w) => `${w.source}: ${w.message}`).join("\n")).toMatch(/^openai: \d+ of \d+ active models are missing/m);
    expect((await listModels(t.db, { provider: "openai", active: true })).length).toBe(active);
  });

  it("keeps a pinned default through a run that brings a better model", async () => {
    await t.db.query("update public.ai_model_configs set is_pinned = true where provider = 'openai' and model_type = 'flagship' and is_default");
    fake.useEra("2027");
    await run();
    expect((await defaultsOf(t))["openai/flagship"]).toBe("gpt-5");
    expect((await listModels(t.db)).find((m) => m.model_name === "gpt-5")).toMatchObject({ is_pinned: true, model_type: "flagship" });
    await t.db.query("update public.ai_model_configs set is_pinned = false where is_pinned");
  });

  it("makes a preview the default only once the admin allows previews for that provider", async () => {
    // Start from a Google registry with nothing active, so only this listing counts.
    await t.db.query("update public.ai_model_configs set is_active = false, is_default = false, is_pinned = false where provider = 'google'");
    fake.setListing("google", [
      { name: "models/gemini-2.5-pro", supportedGenerationMethods: ["generateContent"] },
      { name: "models/gemini-2.5-flash", supportedGenerationMethods: ["generateContent"] },
      { name: "models/gemini-3-pro-preview", supportedGenerationMethods: ["generateContent"], displayName: "Gemini 3 Pro Preview" },
    ]);
    await run();
    expect((await defaultsOf(t))["google/flagship"]).toBe("gemini-2.5-pro");
    await setAllowPreviewDefaults(t.db, "google", true, "test");
    await run();
    expect((await defaultsOf(t))["google/flagship"]).toBe("gemini-3-pro-preview");
    await setAllowPreviewDefaults(t.db, "google", false, "test");
  });

  it("skips a provider without a key, says so, and still succeeds", async () => {
    const s = await run({ env: envFor(["openai", "mistral"]) });
    expect(s).toMatchObject({ status: "success", providers_checked: ["openai", "mistral"], providers_skipped: ["anthropic", "google"] });
    const row = await getRun(t.db, s.run_id);
    expect(row!.progress).toMatchObject({ anthropic: { state: "skipped", message: expect.stringMatching(/ANTHROPIC_API_KEY/) } });
  });

  it("never stores or answers the key, even when a provider echoes it back in its error", async () => {
    // Real OpenAI 401s quote the key they got; this provider quotes all of it.
    const echoing: typeof fetch = async (input, init) => {
      const auth = new Headers(init?.headers).get("authorization") ?? "";
      if (String(input).includes("/openai/")) {
        return new Response(JSON.stringify({ error: { message: `Incorrect API key provided: ${auth.replace(/^Bearer /, "")}`, type: "invalid_request_error", code: "invalid_api_key" } }), { status: 401 });
      }
      return fetch(input, init);
    };
    const { result: s, logged } = await consoleDuring(() => run({ fetch: echoing }));
    expect(s.status).toBe("partial");
    expect(s.errors[0]).toMatchObject({ provider: "openai", message: expect.stringMatching(/Incorrect API key provided/) });
    const stored = JSON.stringify(await getRun(t.db, s.run_id)) + JSON.stringify(s);
    expect(stored).not.toContain(KEYS.openai);
    // The echoed message is logged, with the key cut out.
    expect(logged).toMatch(/openai failed: .*Incorrect API key provided/);
    for (const key of Object.values(KEYS)) expect(logged).not.toContain(key);
  });

  it("fails a run when no provider is configured", async () => {
    const s = await run({ env: {} });
    expect(s).toMatchObject({ success: false, status: "failed", errors: [{ provider: "all", message: expect.stringMatching(/No provider is configured/) }] });
  });

  it("runs one discovery at a time: a second trigger gets a conflict naming the running run", async () => {
    const results = await Promise.allSettled([run(), run()]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toBeInstanceOf(RunConflictError);
    expect(failed[0].reason.runId).toBe((ok[0] as PromiseFulfilledResult<{ run_id: string }>).value.run_id);
  });

  it("lets a new run start once the running run's lease has expired, marking the old one failed", async () => {
    const [stale] = await t.db.query<{ id: string }>(
      "insert into public.ai_model_update_logs (status, trigger, lease_expires_at) values ('running', 'cron', now() - interval '1 minute') returning id::text as id",
    );
    const s = await run();
    expect(s.status).toBe("success");
    expect(await getRun(t.db, stale.id)).toMatchObject({ status: "failed" });
  });

  it("rolls the whole apply back when the database rejects a write, and marks the run failed", async () => {
    const snapshot = (rows: ModelRow[]) => rows.map((r) => `${r.id}:${r.model_type}:${r.is_active}:${r.is_default}:${r.updated_at}`).sort();
    fake.useEra("2027"); // plenty of changes to roll back
    const wire = eraListings("2027").openai as { id: string }[];
    fake.setListing("openai", [...wire, { id: `gpt-${"x".repeat(240)}`, object: "model", created: 1, owned_by: "openai" }]);
    const before = snapshot(await listModels(t.db));
    const s = await run();
    expect(s).toMatchObject({ success: false, status: "failed" });
    expect(s.errors.at(-1)!.message).toMatch(/apply failed, registry unchanged/);
    expect(snapshot(await listModels(t.db))).toEqual(before);
    expect(await getRun(t.db, s.run_id)).toMatchObject({ status: "failed" });
  });
});

describe.each(DRIVERS)("a failing provider on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver);
    fake.reset();
    await runDiscovery({ db: t.db, trigger: "cli", env: envFor() }); // a registry that has seen every provider
  });
  afterAll(async () => t?.close());

  const FAULTED: Fault[] = ["401", "429", "500", "529", "timeout", "malformed", "empty", "page2"];
  const cases = PROVIDERS.flatMap((p) => FAULTED.map((f) => [p, f] as const));

  it.each(cases)("%s answering %s → partial, the others applied, nothing of it deactivated, no key in the log", async (provider, fault) => {
    fake.reset();
    fake.useEra("2027"); // the others have changes to apply
    fake.setFault(provider, fault, { retryAfter: 0 });
    const before = (await listModels(t.db, { provider })).map((m) => `${m.id}:${m.is_active}:${m.model_type}:${m.is_default}`);
    const startedAt = Date.now();
    const { result: s, logged } = await consoleDuring(() =>
      runDiscovery({
        db: t.db, trigger: "cli", env: envFor(),
        providerOptions: { maxRetries: 0, timeoutMs: 300, pageSize: 3 }, // retries are the clients' concern, tested there
      }),
    );
    expect(s.status).toBe("partial");
    expect(s.errors.map((e) => e.provider)).toEqual([provider]);
    expect((await listModels(t.db, { provider })).map((m) => `${m.id}:${m.is_active}:${m.model_type}:${m.is_default}`)).toEqual(before);
    const other = PROVIDERS.find((p) => p !== provider)!;
    const validated = (await listModels(t.db, { provider: other, active: true })).map((m) => Date.parse(m.last_validated_at ?? "0"));
    expect(Math.max(...validated)).toBeGreaterThanOrEqual(startedAt - 1000);
    const stored = JSON.stringify(await getRun(t.db, s.run_id)) + JSON.stringify(s);
    for (const key of Object.values(KEYS)) expect(stored).not.toContain(key);
    expect(logged).toContain(`${provider} failed`);
    // The fake's OpenAI 401 quotes the key it was sent, as the real API does.
    if (provider === "openai" && fault === "401") expect(logged).toContain("Incorrect API key provided");
    for (const key of Object.values(KEYS)) expect(logged).not.toContain(key);
    fake.useEra("2025");
  });
});

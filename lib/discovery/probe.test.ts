import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listEvents } from "@/lib/db/events-repo";
import { listDefaults, listModels } from "@/lib/db/models-repo";
import { getProbe } from "@/lib/db/probes-repo";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { probeModel } from "./probe";
import { runDiscovery } from "./run";

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(async () => fake?.close());

describe.each(DRIVERS)("probe before promotion on %s", (driver) => {
  let t: TestDatabase;
  const run = (extra: Record<string, string> = {}) =>
    runDiscovery({ db: t.db, trigger: "cli", triggeredBy: "test", env: { ...fakeProviderEnv(fake), ...extra }, providerOptions: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 20, timeoutMs: 1500 } });
  const defaultOf = async (provider: string, tier: string) => (await listDefaults(t.db)).find((d) => d.provider === provider && d.model_type === tier)?.model_name;

  beforeEach(async () => {
    fake.reset();
    fake.useEra("2027");
    t = await createTestDb(driver);
  });
  afterEach(async () => t?.close());

  it("does not promote a listed candidate whose retrieve answers 404, says why, and promotes it once it serves (no negative cache)", async () => {
    fake.setProbeFault("openai", "gpt-6", "404");
    const summary = await run();
    expect(await defaultOf("openai", "flagship")).not.toBe("gpt-6");
    expect(await defaultOf("openai", "fast")).toBe("gpt-6-mini"); // its probe passed
    expect(summary.warnings).toContainEqual({ source: "openai", message: expect.stringMatching(/gpt-6 not promoted: its probe \(get\) failed: HTTP 404/) });
    const alerts = await listEvents(t.db, { type: "alert.raised" });
    expect(alerts.map((e) => e.data)).toContainEqual(expect.objectContaining({ kind: "probe_failed", provider: "openai", model_name: "gpt-6", status: 404 }));
    expect(await getProbe(t.db, "openai", "gpt-6")).toMatchObject({ ok: false, mode: "get", status: 404 });
    const probedPaths = fake.requests().filter((r) => r.path === "/openai/v1/models/gpt-6");
    expect(probedPaths.length).toBeGreaterThan(0);

    fake.setProbeFault("openai", "gpt-6", "none");
    await run();
    expect(await defaultOf("openai", "flagship")).toBe("gpt-6");
    const probe = await getProbe(t.db, "openai", "gpt-6");
    expect(probe).toMatchObject({ ok: true, status: 200, error: null });
    const row = (await listModels(t.db)).find((m) => m.model_name === "gpt-6")!;
    expect(row.last_validated_at).not.toBeNull();
  });

  it("going back to an older generation probes the registry's names as providers resolve them, so no slot empties", async () => {
    await run();
    expect(await defaultOf("anthropic", "flagship")).toBe("claude-sonnet-5");
    fake.useEra("2025");
    const summary = await run();
    expect(summary.warnings.filter((w) => w.message.includes("not promoted"))).toEqual([]);
    expect(await defaultOf("anthropic", "flagship")).toBe("claude-sonnet-4-5"); // listed as claude-sonnet-4-5-20250929
    expect(await getProbe(t.db, "anthropic", "claude-sonnet-4-5")).toMatchObject({ ok: true });
    const mistral = await probeModel("mistral", "mistral-large-latest", "get", { apiKey: fake.keys.mistral, baseUrl: fake.baseUrls.mistral }); // an alias
    expect(mistral.ok).toBe(true);
    const unknown = await probeModel("mistral", "mistral-nonexistent", "get", { apiKey: fake.keys.mistral, baseUrl: fake.baseUrls.mistral });
    expect(unknown).toMatchObject({ ok: false, status: 404 });
  });

  it("blocks on 403 (organisation verification), 429 and a timeout too", async () => {
    fake.setProbeFault("anthropic", "claude-sonnet-5", "403");
    fake.setProbeFault("google", "gemini-3.5-pro", "timeout");
    fake.setProbeFault("google", "gemini-3.5-flash", "429");
    await run();
    expect(await defaultOf("anthropic", "flagship")).not.toBe("claude-sonnet-5");
    expect(await defaultOf("google", "flagship")).not.toBe("gemini-3.5-pro");
    expect(await defaultOf("google", "fast")).not.toBe("gemini-3.5-flash");
    expect(await getProbe(t.db, "google", "gemini-3.5-pro")).toMatchObject({ ok: false, error: "timed out" });
  });

  it("with DISCOVERY_PROBE=call sends one minimal generation and records its latency; off probes nothing", async () => {
    await run({ DISCOVERY_PROBE: "call" });
    expect(await defaultOf("openai", "flagship")).toBe("gpt-6");
    expect(await getProbe(t.db, "openai", "gpt-6")).toMatchObject({ ok: true, mode: "call", latency_ms: expect.any(Number) });
    expect(fake.requests().some((r) => r.method === "POST" && r.path === "/anthropic/v1/messages")).toBe(true);
    expect(fake.requests().some((r) => r.method === "POST" && /^\/google\/v1beta\/models\/.+:generateContent$/.test(r.path))).toBe(true);

    fake.reset();
    fake.useEra("2025");
    await run({ DISCOVERY_PROBE: "off" });
    expect(fake.requests().filter((r) => r.path.includes("/models/") || r.method === "POST")).toEqual([]);
  });
});

describe("probeModel", () => {
  it("never puts the key in the URL, and sends each provider's auth header", async () => {
    const seen: { url: string; headers: Record<string, string>; body?: string }[] = [];
    const spy = (async (url: string, init: RequestInit) => {
      seen.push({ url, headers: init.headers as Record<string, string>, body: init.body as string | undefined });
      return new Response("{}", { status: 200 });
    }) as typeof fetch;
    await probeModel("google", "gemini-x", "get", { apiKey: "k-123", baseUrl: "http://h/g" }, { fetch: spy });
    await probeModel("openai", "gpt-x", "call", { apiKey: "k-123", baseUrl: "http://h/o/v1" }, { fetch: spy });
    expect(seen[0]).toMatchObject({ url: "http://h/g/v1beta/models/gemini-x", headers: expect.objectContaining({ "x-goog-api-key": "k-123" }) });
    expect(seen[1].url).toBe("http://h/o/v1/chat/completions");
    expect(JSON.parse(seen[1].body!)).toMatchObject({ model: "gpt-x", max_completion_tokens: 1 });
    expect(seen.every((s) => !s.url.includes("k-123"))).toBe(true);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getMetadataSource } from "@/lib/db/metadata-sources-repo";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { fakeMetadataEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders, type MetadataFault } from "@/tests/support/fake-providers/server";
import { findFacts } from "./facts";
import { loadStoredMetadata, refreshMetadata } from "./refresh";
import type { MetadataSource } from "./types";

let fake: FakeProviders;
let t: TestDatabase;
beforeAll(async () => {
  fake = await startFakeProviders();
  t = await createTestDb("pglite", { seed: false });
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});
beforeEach(async () => {
  fake.reset();
  await t.db.query("delete from public.ai_metadata_sources");
});

const env = (extra: Record<string, string> = {}) => ({ ...fakeMetadataEnv(fake), METADATA_TIMEOUT_MS: "3000", METADATA_MAX_BYTES: "1000000", ...extra });
const refresh = (extra?: Record<string, string>) => refreshMetadata(t.db, { env: env(extra) });
const metadataRequests = (source: MetadataSource) => fake.requests().filter((r) => r.metadata === source);

describe("refreshMetadata against the fake over HTTP", () => {
  it("fetches both sources, stores them filtered to our providers and answers their facts", async () => {
    const r = await refresh();
    expect(r.warnings).toEqual([]);
    expect(r.sources.map((s) => [s.source, s.state, s.as_of])).toEqual([
      ["models.dev", "fresh", "2025-11-30T12:00:00.000Z"],
      ["litellm", "fresh", "2025-11-30T12:00:00.000Z"],
    ]);
    expect(r.sources[0].entries).toBeGreaterThan(70);
    const found = findFacts(r.facts, { provider: "openai", id: "gpt-5-2025-08-07" });
    expect(found["models.dev"]?.facts.pricing.input_per_mtok).toBe(1.25);
    expect(found.litellm?.facts.pricing.output_per_mtok).toBe(10);
    const row = await getMetadataSource(t.db, { source: "models.dev" });
    expect(Object.keys(row!.document!).sort()).toEqual(["anthropic", "google", "mistral", "openai"]);
    expect(row!.etag).toMatch(/^"/);
  });

  it("asks conditionally the next time and reuses the stored document on a 304", async () => {
    await refresh();
    const r = await refresh();
    expect(r.sources.map((s) => s.state)).toEqual(["not_modified", "not_modified"]);
    expect(metadataRequests("models.dev").map((q) => [q.conditional, q.status])).toEqual([[false, 200], [true, 304]]);
    expect(findFacts(r.facts, { provider: "anthropic", id: "claude-sonnet-4-5-20250929" })["models.dev"]?.facts.pricing.input_per_mtok).toBe(3);
    expect(r.sources[0].entries).toBeGreaterThan(70);
  });

  it("takes a changed document in full", async () => {
    await refresh();
    fake.setMetadataDocument("models.dev", { openai: { id: "openai", models: { "gpt-5": { id: "gpt-5", cost: { input: 1, output: 8 } } } } });
    const r = await refresh();
    expect(r.sources[0]).toMatchObject({ state: "fresh", entries: 1, skipped: 0 });
    expect(findFacts(r.facts, { provider: "openai", id: "gpt-5" })["models.dev"]?.facts.pricing.input_per_mtok).toBe(1);
    expect(findFacts(r.facts, { provider: "openai", id: "gpt-5-mini" })["models.dev"]).toBeUndefined();
  });

  const FAULTS: MetadataFault[] = ["500", "timeout", "malformed", "wrong-shape", "oversized"];
  const SOURCES: MetadataSource[] = ["models.dev", "litellm"];
  it.each(FAULTS.flatMap((fault) => SOURCES.map((source) => [fault, source] as const)))(
    "a %s from %s keeps the stored document as it was and warns, naming the source",
    async (fault, source) => {
      await refresh();
      const before = await getMetadataSource(t.db, { source });
      fake.setMetadataDocument(source, { changed: true }); // a 304 must not hide the fault
      fake.setMetadataFault(source, fault);
      const r = await refresh(fault === "timeout" ? { METADATA_TIMEOUT_MS: "1000" } : {});
      const report = r.sources.find((s) => s.source === source)!;
      expect(report).toMatchObject({ state: "kept_last_good", as_of: before!.as_of, entries: before!.entries });
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0].source).toBe(source);
      expect(r.warnings[0].message).toMatch(new RegExp(`^${source.replace(".", "\\.")}: .+; kept the document of 2025-11-30$`));
      const after = await getMetadataSource(t.db, { source });
      expect({ ...after, last_error: null, last_error_at: null, checked_at: null, updated_at: null }).toEqual({ ...before, checked_at: null, updated_at: null });
      expect(after!.last_error).toBe(report.error);
      expect(r.facts[source]?.size).toBeGreaterThan(0);
    },
  );

  it.each([
    ["500", /answered HTTP 500/],
    ["timeout", /no complete answer within 1000 ms/],
    ["malformed", /not JSON/],
    ["wrong-shape", /rejected the document: it holds none of our providers/],
    ["oversized", /larger than 1000000 bytes/],
  ] as const)("says what a %s was, and without a stored document yields no facts", async (fault, message) => {
    fake.setMetadataFault("models.dev", fault);
    const r = await refresh(fault === "timeout" ? { METADATA_TIMEOUT_MS: "1000" } : {});
    expect(r.sources[0]).toMatchObject({ source: "models.dev", state: "failed_no_document", entries: 0, as_of: null });
    expect(r.sources[0].error).toMatch(message);
    expect(r.warnings).toEqual([{ source: "models.dev", message: expect.stringMatching(/no document stored, so no figures from it$/) }]);
    expect(r.facts["models.dev"]).toBeNull();
    expect(r.sources[1].state).toBe("fresh");
  });

  it("leaves a source that is off alone", async () => {
    const r = await refresh({ LITELLM_MODEL_MAP_URL: "off" });
    expect(r.sources[1]).toEqual({ source: "litellm", state: "off", entries: 0, skipped: 0, as_of: null });
    expect(r.facts.litellm).toBeNull();
    expect(metadataRequests("litellm")).toEqual([]);
  });

  it("asks unconditionally after the URL changed", async () => {
    await refresh();
    await refresh({ MODELS_DEV_URL: `${fake.metadataUrls["models.dev"]}?v=2` }).catch(() => undefined);
    expect(metadataRequests("models.dev").map((q) => q.conditional)).toEqual([false, false]);
  });

  it("throws for a bad setting, naming the variable", async () => {
    await expect(refresh({ METADATA_MAX_BYTES: "lots" })).rejects.toThrow(/^METADATA_MAX_BYTES/);
  });
});

describe("loadStoredMetadata", () => {
  it("answers the stored documents' facts without fetching", async () => {
    await refresh();
    const seen = fake.requests().length;
    const r = await loadStoredMetadata(t.db);
    expect(fake.requests().length).toBe(seen);
    expect(r.sources.map((s) => s.state)).toEqual(["stored", "stored"]);
    expect(findFacts(r.facts, { provider: "mistral", id: "mistral-large-latest", aliases: ["mistral-large-2411"] })["models.dev"]?.facts.pricing).toMatchObject({ input_per_mtok: 2, output_per_mtok: 6 });
  });

  it("knows nothing before a first refresh, and leaves out sources the environment switches off", async () => {
    expect((await loadStoredMetadata(t.db)).sources.map((s) => s.state)).toEqual(["failed_no_document", "failed_no_document"]);
    await refresh();
    const r = await loadStoredMetadata(t.db, { env: { ...fakeMetadataEnv(fake), MODELS_DEV_URL: "off" } });
    expect(r.sources.map((s) => s.state)).toEqual(["off", "stored"]);
    expect(r.facts["models.dev"]).toBeNull();
    expect((await loadStoredMetadata(t.db, { env: {} })).sources.map((s) => s.state)).toEqual(["stored", "off"]); // LiteLLM is off by default
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as configRoute from "@/app/api/ai-model-config/route";
import * as modelRoute from "@/app/api/admin/models/[id]/route";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { listDefaults, listModels, type ModelRow } from "@/lib/db/models-repo";
import { runDiscovery } from "@/lib/discovery/run";
import { CAPABILITY_KEYS, DEFAULT_TIERS, type Provider } from "@/lib/domain";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { ADMIN_TOKEN, READ_KEY, setupConfigEnv } from "@/tests/support/config-fixtures";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { startFakeProviders, type FakeProviders } from "@/tests/support/fake-providers/server";
import type { MetadataFault } from "@/tests/support/fake-providers/types";

setupConfigEnv();

let fake: FakeProviders;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(async () => fake?.close());

const figuresOf = (rows: ModelRow[]) =>
  Object.fromEntries(rows.map((r) => [`${r.provider}/${r.model_name}`, { pricing: r.pricing, context_window: r.context_window, max_tokens: r.max_tokens, capabilities: r.capabilities, provenance: r.provenance }]));

describe.each(DRIVERS)("registry truth against the fake providers and catalogs on %s", (driver) => {
  let t: TestDatabase;
  let server: AppServer;
  const env = () => ({ ...fakeProviderEnv(fake), METADATA_TIMEOUT_MS: "2000", DISCOVERY_MAX_RETRIES: "0" });
  const run = () => runDiscovery({ db: t.db, trigger: "cli", triggeredBy: "test", env: env() });
  const get = async (path: string) => {
    const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${path.startsWith("/api/admin") ? ADMIN_TOKEN : READ_KEY}` } });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> & { [k: string]: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  beforeAll(async () => {
    fake.reset(); // the previous driver's last test left a fault behind
    t = await createTestDb(driver);
    setDb(t.db);
    server = await startAppServer({ routes: [{ path: "/api/ai-model-config", module: configRoute }, { path: "/api/admin/models/[id]", module: modelRoute }] });
  });
  afterAll(async () => {
    await server?.close();
    setDb(undefined);
    await t?.close();
  });
  beforeEach(() => {
    fake.reset();
    resetConfigCache();
  });

  it("gives every default a price and a context window, and at least 90% of active reviewed flagship and fast models a price", async () => {
    const summary = await run();
    expect(summary.status).toBe("success");
    expect(summary.warnings.filter((w) => w.source === "models.dev" || w.source === "litellm")).toEqual([]);
    const defaults = await listDefaults(t.db);
    expect(defaults).toHaveLength(8);
    for (const d of defaults) {
      expect(d.pricing.input_per_mtok, `${d.model_name} input price`).not.toBeNull();
      expect(d.context_window, `${d.model_name} context window`).not.toBeNull();
      expect(d.provenance.pricing?.source).toMatch(/^(models\.dev|litellm|catalog)$/);
    }
    const reviewed = (await listModels(t.db, { active: true })).filter((m) => !m.needs_review && m.model_type !== "legacy");
    const priced = reviewed.filter((m) => m.pricing.input_per_mtok !== null && m.pricing.output_per_mtok !== null);
    expect(priced.length / reviewed.length).toBeGreaterThanOrEqual(0.9);
    // The fake models.dev states gpt-5's cache price, which the catalog does not.
    const gpt5 = (await listModels(t.db)).find((m) => m.model_name === "gpt-5")!;
    expect(gpt5.pricing).toMatchObject({ input_per_mtok: 1.25, output_per_mtok: 10, cache_read_per_mtok: 0.125 });
    expect(gpt5.provenance.pricing?.source).toBe("models.dev");
  });

  it("states no capability false without a source naming it", async () => {
    for (const m of await listModels(t.db)) {
      const stated = CAPABILITY_KEYS.filter((k) => m.capabilities[k] === false);
      if (stated.length > 0) expect(m.provenance.capabilities, `${m.model_name} ${stated.join(",")}`).not.toBeNull();
    }
    const known = (await listModels(t.db)).filter((m) => CAPABILITY_KEYS.some((k) => m.capabilities[k] === null));
    expect(known.length).toBeGreaterThan(0); // the unknown is answered as null, not false
  });

  it("answers provenance in the config answer over HTTP, and the first known price in the price history", async () => {
    for (const provider of ["openai", "anthropic", "google", "mistral"] as Provider[]) {
      for (const type of DEFAULT_TIERS) {
        const { status, json } = await get(`/api/ai-model-config?provider=${provider}&type=${type}`);
        expect(status).toBe(200);
        expect(Object.keys(json.provenance).sort()).toEqual(["capabilities", "context_window", "max_tokens", "pricing"]);
        expect(json.provenance.pricing).toMatchObject({ source: expect.any(String), as_of: expect.any(String) });
      }
    }
    const gpt5 = (await listModels(t.db)).find((m) => m.model_name === "gpt-5")!;
    const { json } = await get(`/api/admin/models/${gpt5.id}`);
    expect(json.price_history[0]).toMatchObject({ input_per_mtok: 1.25, output_per_mtok: 10, source: "models.dev" });
    expect(json.price_history.at(-1)).toMatchObject({ source: "catalog" }); // the seeded first known price
  });

  it("rewrites nothing on a second run over the same facts: no price row, no provenance date moves", async () => {
    const before = figuresOf(await listModels(t.db));
    const gpt5 = (await listModels(t.db)).find((m) => m.model_name === "gpt-5")!;
    const history = (await get(`/api/admin/models/${gpt5.id}`)).json.price_history.length;
    await run();
    expect(figuresOf(await listModels(t.db))).toEqual(before);
    expect((await get(`/api/admin/models/${gpt5.id}`)).json.price_history).toHaveLength(history);
  });

  it.each(["500", "timeout", "malformed", "wrong-shape"] as MetadataFault[])("leaves every figure as it was when models.dev answers %s, and the run says so", async (fault) => {
    const before = figuresOf(await listModels(t.db));
    fake.setMetadataFault("models.dev", fault);
    const summary = await run();
    expect(summary.status).toBe("success");
    expect(summary.warnings).toContainEqual({ source: "models.dev", message: expect.stringMatching(/^models\.dev: .*kept the document of/) });
    expect(figuresOf(await listModels(t.db))).toEqual(before);
  });

  it("appends a price row, newest first, when a source changes a price", async () => {
    const doc = structuredClone((await (await fetch(fake.metadataUrls["models.dev"])).json()) as Record<string, { models: Record<string, { cost: Record<string, number> }> }>);
    doc.openai.models["gpt-5"].cost.input = 1.1;
    fake.setMetadataDocument("models.dev", doc);
    await run();
    const gpt5 = (await listModels(t.db)).find((m) => m.model_name === "gpt-5")!;
    expect(gpt5.pricing.input_per_mtok).toBe(1.1);
    const { json } = await get(`/api/admin/models/${gpt5.id}`);
    expect(json.price_history.slice(0, 2).map((p: { input_per_mtok: number }) => p.input_per_mtok)).toEqual([1.1, 1.25]);
    expect(Date.parse(json.price_history[0].effective_from)).toBeGreaterThan(Date.parse(json.price_history[1].effective_from));
  });
});

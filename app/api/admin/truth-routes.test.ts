import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as configRoute from "@/app/api/ai-model-config/route";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { listModels, type ModelRow } from "@/lib/db/models-repo";
import { runDiscovery } from "@/lib/discovery/run";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { jsonCaller, fakeCatalogsForFile, type Json } from "@/tests/support/http-json";
import { READ_KEY, setupConfigEnv } from "@/tests/support/config-fixtures";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import * as refreshRoute from "./metadata/refresh/route";
import * as overridesRoute from "./models/[id]/overrides/route";
import * as modelRoute from "./models/[id]/route";

setupConfigEnv();

// The route modules read the process environment: it points at the fake catalogs.
const fakes = fakeCatalogsForFile("300");

describe.each(DRIVERS)("overrides and metadata refresh over HTTP on %s", (driver) => {
  let t: TestDatabase;
  let server: AppServer;
  const call = jsonCaller(() => server.url);
  const byName = async (name: string) => (await listModels(t.db)).find((m) => m.model_name === name)!;
  const put = (m: ModelRow, body: unknown, token?: string) => call("PUT", `/api/admin/models/${m.id}/overrides`, body, token);
  const answer = async () => (await call("GET", "/api/ai-model-config?provider=openai&type=flagship", undefined, READ_KEY)).json;

  beforeAll(async () => {
    t = await createTestDb(driver);
    setDb(t.db);
    server = await startAppServer({
      routes: [
        { path: "/api/ai-model-config", module: configRoute },
        { path: "/api/admin/models/[id]/overrides", module: overridesRoute },
        { path: "/api/admin/models/[id]", module: modelRoute },
        { path: "/api/admin/metadata/refresh", module: refreshRoute },
      ],
    });
    fakes.fake.reset(); // the previous driver's last test left a fault behind
    await runDiscovery({ db: t.db, trigger: "cli", env: { ...fakeProviderEnv(fakes.fake), DISCOVERY_MAX_RETRIES: "0" } });
  });
  afterAll(async () => {
    await server?.close();
    setDb(undefined);
    await t?.close();
  });
  beforeEach(() => {
    fakes.fake.reset();
    resetConfigCache();
  });

  it("applies an admin's price, limit and capability at once, names the admin as their source, and audits it", async () => {
    const gpt5 = await byName("gpt-5");
    const { status, json } = await put(gpt5, { pricing: { input_per_mtok: 0.9 }, context_window: 350_000, capabilities: { vision: false } });
    expect(status).toBe(200);
    expect(json.model.overrides).toMatchObject({ pricing: { input_per_mtok: 0.9 }, context_window: 350_000, capabilities: { vision: false }, set_by: "admin-token" });
    const a = await answer();
    expect(a).toMatchObject({ model_name: "gpt-5", pricing: { input_per_mtok: 0.9, output_per_mtok: 10 }, context_window: 350_000, capabilities: { vision: false } });
    expect(a.provenance.pricing.source).toBe("admin");
    expect(a.provenance.context_window.source).toBe("admin");
    const details = (await call("GET", `/api/admin/models/${gpt5.id}`)).json;
    expect(details.price_history[0]).toMatchObject({ input_per_mtok: 0.9, source: "admin" });
    expect(details.fact_changes.map((c: Json) => c.field).sort()).toEqual(["overrides.capabilities", "overrides.context_window", "overrides.pricing"]);
    expect(details.fact_changes[0]).toMatchObject({ changed_by: "admin-token", source: "admin" });
  });

  it("clears a field with null, and the next source's figure comes back", async () => {
    const gpt5 = await byName("gpt-5");
    const { status, json } = await put(gpt5, { pricing: null, context_window: null });
    expect(status).toBe(200);
    expect(json.model.overrides).toEqual({ capabilities: { vision: false }, set_by: "admin-token", set_at: expect.any(String) });
    const a = await answer();
    expect(a.pricing).toMatchObject({ input_per_mtok: 1.25, output_per_mtok: 10 });
    expect(a.provenance.pricing.source).toBe("models.dev");
    expect(a.context_window).toBe(400_000);
    await put(gpt5, { capabilities: { vision: null } });
    expect((await answer()).capabilities.vision).toBe(true);
  });

  it("keeps an override across a later run", async () => {
    const gpt5 = await byName("gpt-5");
    await put(gpt5, { max_tokens: 64_000 });
    await runDiscovery({ db: t.db, trigger: "cli", env: { ...fakeProviderEnv(fakes.fake), DISCOVERY_MAX_RETRIES: "0" } });
    resetConfigCache();
    expect(await answer()).toMatchObject({ max_tokens: 64_000, provenance: { max_tokens: { source: "admin" } } });
    await put(gpt5, { max_tokens: null });
  });

  it("sets a successor by hand, keeps it across a run, and restores the stated one when cleared", async () => {
    const gpt5 = await byName("gpt-5");
    expect((await put(gpt5, { successor: "gpt-6" })).json.model).toMatchObject({ successor: "gpt-6", overrides: { successor: "gpt-6" } });
    expect(await answer()).toMatchObject({ model_name: "gpt-5", successor: "gpt-6" });
    await runDiscovery({ db: t.db, trigger: "cli", env: { ...fakeProviderEnv(fakes.fake), DISCOVERY_MAX_RETRIES: "0" } });
    expect(await byName("gpt-5")).toMatchObject({ successor: "gpt-6", metadata: { stated_successor: null } });
    const details = (await call("GET", `/api/admin/models/${gpt5.id}`)).json;
    expect(details.fact_changes).toContainEqual(expect.objectContaining({ field: "overrides.successor", to_value: "gpt-6", source: "admin" }));
    expect((await put(gpt5, { successor: null })).json.model.successor).toBeNull();
    // A row whose successor a source stated before the stated one was recorded gets it back when an admin's is cleared.
    const mini = await byName("gpt-5-mini");
    await t.db.query("update public.ai_model_configs set successor = 'gpt-5.5-mini', metadata = metadata - 'stated_successor' where id = $1", [mini.id]);
    expect((await put(mini, { successor: "gpt-9-mini" })).json.model.successor).toBe("gpt-9-mini");
    expect((await put(mini, { successor: null })).json.model.successor).toBe("gpt-5.5-mini");
    resetConfigCache();
  });

  it.each([
    [{ successor: "" }, "successor"],
    [{ pricing: { input_per_mtok: -1 } }, "pricing.input_per_mtok"],
    [{ context_window: 1.5 }, "context_window"],
    [{ capabilities: { vision: "yes" } }, "capabilities.vision"],
    [{ capabilities: { telepathy: true } }, "capabilities"],
    [{ price: 1 }, "price"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const { status, json } = await put(await byName("gpt-5"), body);
    expect(status).toBe(400);
    expect(JSON.stringify(json.error.issues)).toContain(field);
  });

  it("refuses a read key (403) and answers 404 for an unknown model", async () => {
    expect((await put(await byName("gpt-5"), { max_tokens: 1 }, READ_KEY)).status).toBe(403);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call("PUT", `/api/admin/models/${unknown}/overrides`, { max_tokens: 1 })).status).toBe(404);
  });

  it("refreshes the metadata without a listing: a changed price lands in the registry, audited", async () => {
    const doc = structuredClone((await (await fetch(fakes.fake.metadataUrls["models.dev"])).json()) as Json);
    doc.anthropic.models["claude-sonnet-4-5"].cost.output = 14;
    fakes.fake.setMetadataDocument("models.dev", doc);
    const { status, json } = await call("POST", "/api/admin/metadata/refresh", {});
    expect(status).toBe(200);
    expect(json.sources.find((s: Json) => s.source === "models.dev")).toMatchObject({ state: "fresh" });
    expect(json.changes).toContainEqual(expect.objectContaining({ provider: "anthropic", model_name: "claude-sonnet-4-5", field: "pricing", source: "models.dev" }));
    const sonnet = await byName("claude-sonnet-4-5");
    expect(sonnet.pricing.output_per_mtok).toBe(14);
    expect((await call("GET", `/api/admin/models/${sonnet.id}`)).json.fact_changes[0]).toMatchObject({ field: "pricing", source: "models.dev" });
  });

  it("changes no figure when a source fails during a refresh, and says so", async () => {
    const before = (await listModels(t.db)).map((m) => [m.model_name, m.pricing, m.context_window, m.capabilities, m.provenance]);
    fakes.fake.setMetadataFault("models.dev", "malformed");
    const { status, json } = await call("POST", "/api/admin/metadata/refresh", {});
    expect(status).toBe(200);
    expect(json.warnings).toContainEqual({ source: "models.dev", message: expect.stringContaining("models.dev") });
    expect(json.models_updated).toBe(0);
    expect((await listModels(t.db)).map((m) => [m.model_name, m.pricing, m.context_window, m.capabilities, m.provenance])).toEqual(before);
    expect((await call("POST", "/api/admin/metadata/refresh", { force: true })).status).toBe(400);
  });
});

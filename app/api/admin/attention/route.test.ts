import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfigCache } from "@/lib/config/cache";
import { setDb } from "@/lib/db/client";
import { listModels } from "@/lib/db/models-repo";
import { holdListing } from "@/lib/db/suspect-listings-repo";
import { runDiscovery } from "@/lib/discovery/run";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { jsonCaller, fakeCatalogsForFile, type Json } from "@/tests/support/http-json";
import { READ_KEY, setupConfigEnv } from "@/tests/support/config-fixtures";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { fakeMetadataEnv, fakeProviderEnv } from "@/tests/support/fake-providers/env";
import * as refreshRoute from "../metadata/refresh/route";
import * as overridesRoute from "../models/[id]/overrides/route";
import * as attentionRoute from "./route";

setupConfigEnv();

// The route modules read the process environment: it points at the fake catalogs.
const fakes = fakeCatalogsForFile("5000");

describe.each(DRIVERS)("GET /api/admin/attention on %s", (driver) => {
  let t: TestDatabase;
  let server: AppServer;
  const call = jsonCaller(() => server.url);
  const attention = async () => (await call("GET", "/api/admin/attention")).json;
  const ids = async () => ((await attention()).items as Json[]).map((i) => i.id);

  beforeAll(async () => {
    t = await createTestDb(driver);
    setDb(t.db);
    server = await startAppServer({
      routes: [
        { path: "/api/admin/attention", module: attentionRoute },
        { path: "/api/admin/metadata/refresh", module: refreshRoute },
        { path: "/api/admin/models/[id]/overrides", module: overridesRoute },
      ],
    });
    fakes.fake.reset();
    await runDiscovery({ db: t.db, trigger: "cli", env: { ...fakeProviderEnv(fakes.fake), ...fakeMetadataEnv(fakes.fake), DISCOVERY_MAX_RETRIES: "0" } });
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

  it("needs the admin token", async () => {
    expect((await call("GET", "/api/admin/attention", undefined, READ_KEY)).status).toBe(403);
  });

  it("names every unpriced active flagship or fast model and every model needing review, each with its model id", async () => {
    const { items, metadata_sources } = await attention();
    const models = await listModels(t.db);
    const unpriced = models.filter((m) => m.is_active && !m.is_default && !m.needs_review && m.model_type !== "legacy" && (m.pricing.input_per_mtok === null || m.pricing.output_per_mtok === null));
    const review = models.filter((m) => m.is_active && m.needs_review);
    expect(items.filter((i: Json) => i.kind === "unpriced").map((i: Json) => i.target.model_id).sort()).toEqual(unpriced.map((m) => m.id).sort());
    expect(items.filter((i: Json) => i.kind === "needs_review").map((i: Json) => i.target.model_id).sort()).toEqual(review.map((m) => m.id).sort());
    expect(metadata_sources.find((s: Json) => s.source === "models.dev")).toMatchObject({ enabled: true, last_error: null });
  });

  it("flags a default whose price goes missing, and drops it once an admin sets one", async () => {
    const gpt5 = (await listModels(t.db)).find((m) => m.is_default && m.provider === "openai" && m.model_type === "flagship")!;
    await t.db.query("update public.ai_model_configs set pricing = pricing || '{\"input_per_mtok\": null}'::jsonb where id = $1", [gpt5.id]);
    expect(await ids()).toContain(`default_missing_facts:${gpt5.id}`);
    expect((await call("PUT", `/api/admin/models/${gpt5.id}/overrides`, { pricing: { input_per_mtok: 1.25, output_per_mtok: 10 } })).status).toBe(200);
    expect(await ids()).not.toContain(`default_missing_facts:${gpt5.id}`);
  });

  it("puts a held listing and a retiring default at the top", async () => {
    const fast = (await listModels(t.db)).find((m) => m.is_default && m.provider === "anthropic" && m.model_type === "fast")!;
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await t.db.query("update public.ai_model_configs set shutdown_date = $2 where id = $1", [fast.id, soon]);
    await holdListing(t.db, { provider: "google", runId: null, missing: [{ id: "x", model_name: "gemini-x" }], confirmed: 5 });
    const { items } = await attention();
    expect(items[0]).toMatchObject({ id: "suspect_listing:google", severity: "critical", target: { kind: "section", section: "suspect-listings" } });
    const retiring = items.find((i: Json) => i.kind === "default_retiring");
    expect(retiring).toMatchObject({ target: { model_id: fast.id, model_name: fast.model_name }, title: "The anthropic fast default retires in 10 days" });
    await t.db.query("update public.ai_model_configs set shutdown_date = null where id = $1", [fast.id]);
    await t.db.query("update public.ai_suspect_listings set resolved_at = now()");
  });

  it("flags a metadata source whose refresh failed, until a refresh succeeds", async () => {
    fakes.fake.setMetadataFault("models.dev", "500");
    await call("POST", "/api/admin/metadata/refresh", {});
    const failing = (await attention()).items.find((i: Json) => i.kind === "metadata_source_failing");
    expect(failing).toMatchObject({ id: "metadata_source_failing:models.dev", target: { section: "metadata-sources" } });
    fakes.fake.setMetadataFault("models.dev", "none");
    await call("POST", "/api/admin/metadata/refresh", {});
    expect(await ids()).not.toContain("metadata_source_failing:models.dev");
  });
});

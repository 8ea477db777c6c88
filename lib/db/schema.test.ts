import { NO_EXTRA_PRICES } from "@/lib/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { getCatalog } from "@/lib/catalog";
import { migrate, readMigrations } from "./migrate";
import { insertModel, listDefaults, listModels } from "./models-repo";
import { listRuns } from "./runs-repo";

describe.each(DRIVERS)("schema on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver);
  });
  afterAll(async () => t?.close());

  it("records every migration where the Supabase CLI records them, and applies nothing twice", async () => {
    const rows = await t.db.query<{ version: string }>(
      "select version from supabase_migrations.schema_migrations order by version",
    );
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(t.db)).toEqual([]);
  });

  it("seeds the catalog with one flagship and one fast default per provider", async () => {
    const defaults = await listDefaults(t.db);
    const catalog = getCatalog();
    const got = defaults.map((d) => `${d.provider}/${d.model_type}/${d.model_name}`).sort();
    const want = Object.entries(catalog.providers)
      .flatMap(([p, c]) => [`${p}/flagship/${c.defaults.flagship}`, `${p}/fast/${c.defaults.fast}`])
      .sort();
    expect(got).toEqual(want);
    const all = await listModels(t.db);
    expect(all.length).toBe(Object.values(catalog.providers).reduce((n, p) => n + p.models.length, 0));
    const gpt5 = all.find((m) => m.model_name === "gpt-5")!;
    // The catalog states input and output only: the other four prices are unknown, never 0.
    expect(gpt5.pricing).toEqual({ input_per_mtok: 1.25, output_per_mtok: 10, ...NO_EXTRA_PRICES });
    expect(gpt5.provenance.pricing).toEqual({ source: "catalog", as_of: catalog.version });
    expect(gpt5.context_window).toBe(400000);
    expect(gpt5.release_date).toBe("2025-08-07");
    expect(gpt5.aliases).toContain("gpt-5-2025-08-07");
  });

  it("rejects a second default for the same provider and type", async () => {
    await expect(
      insertModel(t.db, { provider: "openai", model_name: "gpt-second-default", model_type: "flagship", is_default: true }),
    ).rejects.toThrow(/ai_model_configs_one_default|duplicate key/);
    // The same model as a non-default is fine, and a default of another type is a different slot.
    await insertModel(t.db, { provider: "openai", model_name: "gpt-second-default", model_type: "flagship" });
  });

  it("rejects a second running discovery", async () => {
    await t.db.query("insert into public.ai_model_update_logs (status, trigger) values ('running', 'cli')");
    await expect(
      t.db.query("insert into public.ai_model_update_logs (status, trigger) values ('running', 'admin')"),
    ).rejects.toThrow(/ai_model_update_logs_one_running|duplicate key/);
    await t.db.query("insert into public.ai_model_update_logs (status, trigger) values ('success', 'admin')");
    expect((await listRuns(t.db, { limit: 10 })).length).toBe(2);
  });

  it("rejects unknown providers, model types and run statuses", async () => {
    await expect(
      insertModel(t.db, { provider: "acme" as never, model_name: "x", model_type: "flagship" }),
    ).rejects.toThrow(/check constraint/);
    await expect(
      insertModel(t.db, { provider: "openai", model_name: "y", model_type: "huge" as never }),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db.query("insert into public.ai_model_update_logs (status) values ('exploded')"),
    ).rejects.toThrow(/check constraint/);
  });

  it("keeps a default active: deactivating the default without moving it fails", async () => {
    await expect(
      t.db.query("update public.ai_model_configs set is_active = false where provider = 'openai' and is_default"),
    ).rejects.toThrow(/ai_model_configs_default_is_active/);
  });

  it("rolls back every statement of a failed transaction", async () => {
    const before = (await listModels(t.db)).length;
    await expect(
      t.db.transaction(async (tx) => {
        await insertModel(tx, { provider: "mistral", model_name: "rollback-me", model_type: "fast" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await listModels(t.db)).length).toBe(before);
  });
});

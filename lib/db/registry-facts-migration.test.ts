import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "./migrate";
import { listModels } from "./models-repo";
import { listPriceHistory } from "./prices-repo";
import { DRIVERS, createEmptyDb, type TestDatabase } from "@/tests/support/databases";

const FACTS_MIGRATION = "20261201000100_registry_facts.sql";

/** The migrations before registry truth, in a directory of their own. */
function earlierMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amm-migrations-"));
  for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql") && f < FACTS_MIGRATION)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
  return dir;
}

describe.each(DRIVERS)("the registry facts migration on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyDb(driver);
    await migrate(t.db, earlierMigrations());
    // A row discovery wrote with no source for its capabilities, and one the catalog seeded.
    await t.db.query(
      `insert into public.ai_model_configs (provider, model_name, model_type, capabilities, pricing, metadata, source, last_validated_at) values
       ('openai', 'gpt-unknown', 'fast', '{"vision": false, "function_calling": true, "json_mode": false, "reasoning": false}', '{}', '{}', 'discovery', now()),
       ('openai', 'gpt-5', 'flagship', '{"vision": true, "function_calling": true, "json_mode": false, "reasoning": true}',
        '{"input_per_mtok": 1.25, "output_per_mtok": 10}', '{"catalog_source": "docs"}', 'catalog', null)`,
    );
    await migrate(t.db);
  });
  afterAll(async () => t?.close());

  it("turns a capability stored false without a source into unknown (null), keeping stated ones", async () => {
    const rows = await listModels(t.db);
    const unknown = rows.find((r) => r.model_name === "gpt-unknown")!;
    expect(unknown.capabilities).toEqual({ vision: null, function_calling: true, json_mode: null, reasoning: null });
    expect(unknown.provenance).toEqual({ pricing: null, context_window: null, max_tokens: null, capabilities: null });
  });

  it("keeps the catalog's false, names the catalog as the source of a seeded row, and opens its price history", async () => {
    const gpt5 = (await listModels(t.db)).find((r) => r.model_name === "gpt-5")!;
    expect(gpt5.capabilities.json_mode).toBe(false);
    expect(gpt5.provenance.pricing?.source).toBe("catalog");
    expect(gpt5.provenance.capabilities?.source).toBe("catalog");
    expect(gpt5.provenance.context_window).toBeNull(); // the row had none
    expect(await listPriceHistory(t.db, { modelId: gpt5.id })).toEqual([
      expect.objectContaining({ input_per_mtok: 1.25, output_per_mtok: 10, cache_read_per_mtok: null, source: "catalog" }),
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { insertModels } from "./models-repo";
import { listPriceHistory, recordPrices } from "./prices-repo";

const price = (input: number | null, output: number | null) => ({
  input_per_mtok: input, output_per_mtok: output, cache_read_per_mtok: null, cache_write_per_mtok: null,
  input_above_200k_per_mtok: null, output_above_200k_per_mtok: null,
});

describe.each(DRIVERS)("recordPrices on %s", (driver) => {
  let t: TestDatabase;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestDb(driver, { seed: false });
    ids = await insertModels(t.db, ["a", "b", "c"].map((n) => ({ provider: "openai" as const, model_name: n, model_type: "fast" as const })));
  });
  afterAll(() => t.close());

  it("appends a row only where the price is new or changed, and answers how many", async () => {
    const first = new Date("2026-01-01T00:00:00Z");
    const observe = (pricing: [number | null, number | null][]) =>
      pricing.map(([i, o], k) => ({ model_id: ids[k], pricing: price(i, o), source: "models.dev" as const }));
    expect(await recordPrices(t.db, observe([[1, 2], [3, 4], [null, null]]), first)).toBe(2);
    // The same prices again, and a change for b only.
    expect(await recordPrices(t.db, observe([[1, 2], [3, 5], [null, null]]), new Date("2026-02-01T00:00:00Z"))).toBe(1);
    const b = await listPriceHistory(t.db, { modelId: ids[1] });
    expect(b.map((r) => [r.output_per_mtok, r.effective_from])).toEqual([[5, "2026-02-01T00:00:00.000Z"], [4, "2026-01-01T00:00:00.000Z"]]);
    expect(await listPriceHistory(t.db, { modelId: ids[0] })).toHaveLength(1);
    expect(await listPriceHistory(t.db, { modelId: ids[2] })).toEqual([]);
    expect(await recordPrices(t.db, [], first)).toBe(0);
  });
});

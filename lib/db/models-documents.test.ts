import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { deactivateModels, insertModels, listModels, listModelsForSnapshot, listRegistryForPlan, touchModels } from "./models-repo";

// The snapshot's and the plan's reads come as one JSON document; each row must read as the row read gives it.
describe.each(DRIVERS)("the registry read as one document on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver);
    const ids = await insertModels(t.db, [
      { provider: "openai", model_name: "gpt-doc-1", model_type: "fast", version_rank: 12.5, aliases: ["gpt-doc-1-2026", "o'q\"uote"], release_date: "2026-01-31",
        capabilities: { vision: true, reasoning: null }, metadata: { discovery: { rules_version: "x", rule: 1, line: "l", listed_ids: [], raw: { a: 1 } }, note: "ü 🙂" },
        source: "discovery", last_validated_at: new Date("2026-02-03T04:05:06.789Z") },
      { provider: "mistral", model_name: "mistral-doc-2", model_type: "legacy", shutdown_date: "2026-03-01", successor: "mistral-doc-3" },
    ]);
    await touchModels(t.db, [ids[0]]);
    await deactivateModels(t.db, [ids[1]], "shut down on 2026-03-01");
  });
  afterAll(() => t.close());

  it("the snapshot's rows are listModels' rows, in its order, without the raw provider data", async () => {
    const rows = await listModels(t.db);
    expect(rows.length).toBeGreaterThan(10);
    expect(await listModelsForSnapshot(t.db)).toEqual(rows.map((r) => ({ ...r, metadata: {} })));
  });

  it("the plan's rows are the same rows without the listing facts and the five timestamps, one provider's when named", async () => {
    const rows = await listModels(t.db);
    const asPlanned = rows.map(({ discovered_at, created_at, updated_at, last_validated_at, deactivated_at, ...r }) => {
      void [discovered_at, created_at, updated_at, last_validated_at, deactivated_at];
      const { discovery, ...metadata } = r.metadata;
      void discovery;
      return { ...r, metadata };
    });
    const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await listRegistryForPlan(t.db))).toEqual(byId(asPlanned));
    expect(byId(await listRegistryForPlan(t.db, "mistral"))).toEqual(byId(asPlanned.filter((r) => r.provider === "mistral")));
  });
});

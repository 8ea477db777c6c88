import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listModels } from "@/lib/db/models-repo";
import type { ModelRow } from "@/lib/db/model-row";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { catalogRegistryRows } from "./registry-rows";

// What only a database gives a row: its id and its own timestamps.
function facts({ id, discovered_at, created_at, updated_at, ...row }: ModelRow) {
  void [id, discovered_at, created_at, updated_at];
  return row;
}
const byName = (rows: readonly ModelRow[]) => [...rows].sort((a, b) => `${a.provider}/${a.model_name}`.localeCompare(`${b.provider}/${b.model_name}`)).map(facts);

// A select question before this instance ever read the registry is answered from these rows: they must be the
// registry the seed writes, as it reads back.
describe.each(DRIVERS)("the catalog as registry rows, against a seeded registry on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver);
  });
  afterAll(() => t.close());

  it("are the seeded rows, but for the database's ids and timestamps", async () => {
    const seeded = await listModels(t.db);
    expect(seeded.length).toBeGreaterThan(10);
    expect(byName(catalogRegistryRows())).toEqual(byName(seeded));
  });

  it("are named apart from any database id, and built once", () => {
    expect(catalogRegistryRows()[0].id).toMatch(/^catalog:[a-z]+\/.+/);
    expect(catalogRegistryRows()).toBe(catalogRegistryRows());
  });
});

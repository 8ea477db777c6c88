import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { closedDb } from "@/tests/support/config-fixtures";
import { createTestDb, type TestDatabase } from "@/tests/support/databases";
import { readSnapshot, resetConfigCache } from "./cache";
import { getModelConfig } from "./service";

/** A real database handle that counts its queries and can hold them. */
function counted(db: Db) {
  let gate: Promise<void> | undefined;
  let open = () => {};
  const c: { queries: number; reads: number; hold(): void; release(): void; db: Db } = {
    queries: 0,
    reads: 0, // of the registry rows (a snapshot load also reads the registry version first)
    hold: () => void (gate = new Promise<void>((r) => (open = r))),
    release: () => open(),
    db: {
      ...db,
      async query<T>(text: string, params?: readonly unknown[]) {
        c.queries++;
        if (text.includes("ai_model_configs")) c.reads++;
        if (gate) await gate;
        return db.query<T>(text, params);
      },
    },
  };
  return c;
}

describe("the config cache's pause after a database failure", () => {
  let t: TestDatabase;
  let clock = 0;
  beforeAll(async () => {
    t = await createTestDb("pglite");
  });
  afterAll(async () => {
    setDb(undefined);
    resetConfigCache();
    await t?.close();
  });

  it("answers from the fallback at once without a query within the pause, and tries the database after it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      clock = 5_000_000;
      resetConfigCache({ now: () => clock, retryMs: 2_000 });
      const dead = counted(await closedDb("pglite"));
      setDb(dead.db);
      expect((await getModelConfig("openai", "flagship")).source).toBe("fallback");
      expect(dead.queries).toBe(1);

      clock += 1_999; // still inside the pause
      const started = performance.now();
      for (let i = 0; i < 5; i++) expect((await getModelConfig("openai", "fast")).source).toBe("fallback");
      expect(performance.now() - started).toBeLessThan(50);
      expect(dead.queries).toBe(1);

      clock += 2; // the pause is over: the next answer asks the database again
      expect((await getModelConfig("openai", "flagship")).source).toBe("fallback");
      expect(dead.queries).toBe(2);

      const alive = counted(t.db);
      setDb(alive.db);
      expect((await getModelConfig("openai", "flagship")).source).toBe("fallback"); // a new pause began
      expect(alive.reads).toBe(0);
      clock += 2_001;
      expect((await getModelConfig("openai", "flagship")).source).toBe("database");
      expect(alive.reads).toBe(1);
    } finally {
      logged.mockRestore();
    }
  });

  it("by default gives up on a hanging database within 2 s", async () => {
    resetConfigCache();
    const hanging = counted(t.db);
    setDb(hanging.db);
    hanging.hold();
    const started = performance.now();
    expect((await readSnapshot()).source).toBe("fallback");
    expect(performance.now() - started).toBeLessThan(2_000);
    hanging.release();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getFallbackDefault } from "@/lib/catalog";
import { setDb } from "@/lib/db/client";
import { bumpRegistryVersion } from "@/lib/db/registry-version-repo";
import type { Db } from "@/lib/db/types";
import { closedDb, makeDefault } from "@/tests/support/config-fixtures";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { invalidateConfigCache, readSnapshot, resetConfigCache } from "./cache";
import { getModelConfig } from "./service";

/** A real database that counts its queries and can hold them until released. */
function instrumented(db: Db) {
  let gate: Promise<void> | undefined;
  let open: () => void = () => {};
  const handle = {
    /** Reads of the registry rows; `checks` counts version reads (a load reads the version first, too). */
    queries: 0,
    checks: 0,
    statements: 0,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = undefined;
      open();
    },
    db: {
      ...db,
      async query<T>(text: string, params?: readonly unknown[]) {
        handle.statements++;
        if (text.includes("ai_model_configs")) handle.queries++;
        if (text.includes("ai_registry_version")) handle.checks++;
        if (gate) await gate;
        return db.query<T>(text, params);
      },
    } as Db,
  };
  return handle;
}

describe.each(DRIVERS)("config snapshot on %s", (driver) => {
  let t: TestDatabase;
  let clock = 0;
  beforeAll(async () => {
    t = await createTestDb(driver);
  });
  afterAll(async () => {
    setDb(undefined);
    resetConfigCache();
    await t?.close();
  });
  beforeEach(async () => {
    clock = 1_000_000;
    resetConfigCache({ now: () => clock });
    await makeDefault(t.db, "openai", "flagship", "gpt-5");
  });

  it("shares one query among concurrent readers", async () => {
    const db = instrumented(t.db);
    setDb(db.db);
    const answers = await Promise.all(Array.from({ length: 10 }, () => getModelConfig("openai", "flagship")));
    expect(db.queries).toBe(1);
    expect(new Set(answers.map((a) => a.model_name))).toEqual(new Set(["gpt-5"]));
  });

  it("keeps the snapshot while the registry version stays, asking it once per interval, and reloads when it moves", async () => {
    resetConfigCache({ now: () => clock, checkMs: 1_000 });
    const db = instrumented(t.db);
    setDb(db.db);
    await getModelConfig("openai", "flagship");
    expect([db.queries, db.checks]).toEqual([1, 1]);
    clock += 500;
    expect((await getModelConfig("openai", "fast")).source).toBe("cache");
    expect(db.checks).toBe(1); // not due yet: no query at all
    clock += 600;
    expect((await getModelConfig("openai", "fast")).source).toBe("cache");
    expect([db.queries, db.checks]).toEqual([1, 2]);
    clock += 6 * 60_000; // past the TTL, but the check finds the version where it was
    expect((await getModelConfig("openai", "fast")).source).toBe("cache");
    expect([db.queries, db.checks]).toEqual([1, 3]);
    await t.db.transaction((tx) => bumpRegistryVersion(tx)); // another instance's change
    clock += 1_000;
    expect((await getModelConfig("openai", "fast")).source).toBe("database");
    expect(db.queries).toBe(2);
  });

  it("reads the registry again once the TTL has passed while the version cannot be read", async () => {
    resetConfigCache({ now: () => clock, checkMs: 10 * 60_000 });
    const db = instrumented(t.db);
    setDb(db.db);
    await getModelConfig("openai", "flagship");
    clock += 4 * 60_000;
    expect((await getModelConfig("openai", "fast")).source).toBe("cache");
    expect(db.queries).toBe(1);
    clock += 2 * 60_000;
    expect((await getModelConfig("openai", "fast")).source).toBe("database");
    expect(db.queries).toBe(2);
  });

  it("starts a new read after an invalidation instead of joining one begun before it", async () => {
    const db = instrumented(t.db);
    setDb(db.db);
    db.hold();
    const before = getModelConfig("openai", "flagship");
    await vi.waitFor(() => expect(db.statements).toBe(1));
    invalidateConfigCache();
    const after = getModelConfig("openai", "flagship");
    await vi.waitFor(() => expect(db.statements).toBe(2));
    db.release();
    await Promise.all([before, after]);
  });

  it("answers the last default it saw when the registry's slot turns empty, then the catalog once that model retires", async () => {
    setDb(t.db);
    await makeDefault(t.db, "mistral", "fast", "mistral-fast-registry-only");
    expect((await getModelConfig("mistral", "fast")).model_name).toBe("mistral-fast-registry-only");
    await t.db.query("update public.ai_model_configs set is_default = false where provider = 'mistral' and model_type = 'fast'");
    invalidateConfigCache();
    expect(await getModelConfig("mistral", "fast")).toMatchObject({ model_name: "mistral-fast-registry-only", source: "fallback" });
    await t.db.query("update public.ai_model_configs set is_active = false where model_name = 'mistral-fast-registry-only'");
    invalidateConfigCache();
    expect(await getModelConfig("mistral", "fast")).toMatchObject({
      model_name: getFallbackDefault("mistral", "fast").model_name,
      source: "fallback",
    });
    await makeDefault(t.db, "mistral", "fast", getFallbackDefault("mistral", "fast").model_name);
  });

  it("logs an outage once when it starts and once when the database is back", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const infos = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      setDb(await closedDb(driver));
      for (let i = 0; i < 4; i++) {
        clock += 3_000; // past the retry pause each time
        expect((await getModelConfig("openai", "flagship")).source).toBe("fallback");
      }
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0][0])).toMatch(/unreachable/);
      setDb(t.db);
      clock += 3_000;
      expect((await getModelConfig("openai", "flagship")).source).toBe("database");
      await getModelConfig("openai", "flagship");
      expect(infos.mock.calls.filter((c) => /reachable again/.test(String(c[0])))).toHaveLength(1);
    } finally {
      errors.mockRestore();
      infos.mockRestore();
    }
  });

  it("does not wait for a database that hangs: it answers from the fallback after the refresh timeout", async () => {
    resetConfigCache({ now: () => clock, refreshTimeoutMs: 20 });
    const db = instrumented(t.db);
    setDb(db.db);
    db.hold();
    const read = await readSnapshot();
    expect(read.source).toBe("fallback");
    expect(read.snapshot).toBeUndefined();
    db.release();
  });
});

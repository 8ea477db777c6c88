import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { getServiceKey, insertServiceKey } from "@/lib/db/service-keys-repo";
import type { Db } from "@/lib/db/types";
import { closedDb } from "@/tests/support/config-fixtures";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { flushUsage, noteRead, resetUsage, unflushedUsage, USAGE_FLUSH_MS } from "./usage";

/** A real database that counts every statement sent to it. */
function counting(db: Db) {
  const c = { statements: 0, db: undefined as unknown as Db };
  const wrap = (inner: Db): Db => ({
    ...inner,
    async query<T>(text: string, params?: readonly unknown[]) {
      c.statements++;
      return inner.query<T>(text, params);
    },
    transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
  });
  c.db = wrap(db);
  return c;
}

const stored = async (db: Db) =>
  db.query<{ target: string; day: string; count: number }>("select target, to_char(day, 'YYYY-MM-DD') as day, count from public.ai_service_key_usage order by target, day");

describe.each(DRIVERS)("service key read counts on %s", (driver) => {
  let t: TestDatabase;
  let keyId: string;
  beforeAll(async () => {
    t = await createTestDb(driver, { seed: false });
  });
  afterAll(async () => {
    resetUsage();
    setDb(undefined);
    await t?.close();
  });
  beforeEach(async () => {
    resetUsage();
    await t.db.query("delete from public.ai_service_keys");
    keyId = (await insertServiceKey(t.db, { name: "billing", secret_hash: "a".repeat(64), prefix: "amm_sk_aaaa", overrides: {}, created_by: "test" })).id;
  });

  it("counts many reads in memory without a statement, then writes them in one flush that adds up", async () => {
    const db = counting(t.db);
    setDb(db.db);
    const at = new Date("2026-12-01T10:00:00Z");
    for (let i = 0; i < 250; i++) noteRead(keyId, "slot", "openai:flagship", at);
    noteRead(keyId, "route", "summarize", new Date("2026-12-01T11:00:00Z"));
    expect(db.statements).toBe(0);
    expect(await stored(t.db)).toEqual([]);
    expect(unflushedUsage()).toHaveLength(2);

    expect(await flushUsage(db.db)).toBe(2);
    expect(db.statements).toBeLessThanOrEqual(4); // the counts and the last use, in one transaction
    expect(await stored(t.db)).toEqual([
      { target: "openai:flagship", day: "2026-12-01", count: 250 },
      { target: "summarize", day: "2026-12-01", count: 1 },
    ]);
    expect((await getServiceKey(t.db, keyId))?.last_used_at).toBe("2026-12-01T11:00:00.000Z");

    for (let i = 0; i < 5; i++) noteRead(keyId, "slot", "openai:flagship", at);
    noteRead(keyId, "slot", "openai:flagship", new Date("2026-12-02T00:00:01Z"));
    await flushUsage(db.db);
    expect(await stored(t.db)).toEqual([
      { target: "openai:flagship", day: "2026-12-01", count: 255 },
      { target: "openai:flagship", day: "2026-12-02", count: 1 },
      { target: "summarize", day: "2026-12-01", count: 1 },
    ]);
  });

  it("sends nothing when nothing was read", async () => {
    const db = counting(t.db);
    expect(await flushUsage(db.db)).toBe(0);
    expect(db.statements).toBe(0);
  });

  it("keeps the counts of a failed flush for the next one", async () => {
    noteRead(keyId, "select", "type=fast", new Date("2026-12-01T10:00:00Z"));
    noteRead(keyId, "select", "type=fast", new Date("2026-12-01T10:00:00Z"));
    expect(await flushUsage(await closedDb(driver))).toBe(0);
    expect(unflushedUsage()).toEqual([{ key_id: keyId, day: "2026-12-01", kind: "select", target: "type=fast", count: 2 }]);
    noteRead(keyId, "select", "type=fast", new Date("2026-12-01T10:00:00Z"));
    await flushUsage(t.db);
    expect(await stored(t.db)).toEqual([{ target: "type=fast", day: "2026-12-01", count: 3 }]);
    expect(unflushedUsage()).toEqual([]);
  });

  it("flushes by itself a few seconds after the first unwritten read", async () => {
    setDb(t.db);
    noteRead(keyId, "slot", "google:fast");
    expect(await stored(t.db)).toEqual([]);
    await vi.waitFor(async () => expect((await stored(t.db)).map((r) => r.count)).toEqual([1]), { timeout: USAGE_FLUSH_MS + 3000, interval: 200 });
  }, USAGE_FLUSH_MS + 5000);
});

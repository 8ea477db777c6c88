import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import type { CopyValue } from "./copy-text";
import { insertModels, listModels, type NewModel } from "./models-repo";
import { toJson, toTextArray } from "./params";

const AWKWARD = ["tab\there", "new\nline", "cr\rlf\r\n", "back\\slash\\", "\\N", "\\.", "quote \" and '", "ünï 模型 🙂", ""];

describe.each(DRIVERS)("copyIn on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver, { seed: false });
    await t.db.exec("create table copy_probe (n integer primary key, t text, b boolean, x numeric, j jsonb, a text[])");
  });
  afterAll(() => t.close());

  it("copies awkward text, nulls, numbers, jsonb and arrays as they were", async () => {
    const rows: CopyValue[][] = AWKWARD.map((s, n) => [n, s, n % 2 === 0, n / 4, toJson({ s, n, nested: [s, null] }), toTextArray([s, "x"])]);
    rows.push([99, null, null, null, null, null]);
    expect(await t.db.copyIn("copy_probe (n, t, b, x, j, a)", rows)).toBe(rows.length);
    const back = await t.db.query<{ n: number; t: string | null; b: boolean | null; x: string | null; j: unknown; a: string[] | null }>(
      "select n, t, b, x::text as x, j, a from copy_probe order by n",
    );
    expect(back.map((r) => r.t)).toEqual([...AWKWARD, null]);
    expect(back.map((r) => r.b)).toEqual([...AWKWARD.map((_, n) => n % 2 === 0), null]);
    expect(back.map((r) => (r.x === null ? null : Number(r.x)))).toEqual([...AWKWARD.map((_, n) => n / 4), null]);
    expect(back.map((r) => r.j)).toEqual([...AWKWARD.map((s, n) => ({ s, n, nested: [s, null] })), null]);
    expect(back.map((r) => r.a)).toEqual([...AWKWARD.map((s) => [s, "x"]), null]);
    expect(await t.db.copyIn("copy_probe (n, t)", [])).toBe(0);
  });

  it("fails with the server's error on a row near the end and leaves nothing of the transaction", async () => {
    const rows: CopyValue[][] = Array.from({ length: 3_000 }, (_, i) => [1_000 + i, `r${i}`]);
    rows.push([1_000, "duplicate key on the last row"]);
    const before = await t.db.query<{ n: number }>("select count(*)::int as n from copy_probe");
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query("insert into copy_probe (n, t) values (500, 'inside')");
        await tx.copyIn("copy_probe (n, t)", rows);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await t.db.query<{ n: number }>("select count(*)::int as n from copy_probe")).toEqual(before);
    // The connection is usable afterwards (not left in an aborted transaction).
    expect(await t.db.copyIn("copy_probe (n, t)", [[2, "after"]]).catch(() => "duplicate")).toBe("duplicate");
    expect(await t.db.copyIn("copy_probe (n, t)", [[5_000, "after"]])).toBe(1);
  });
});

describe.each(DRIVERS)("insertModels of many rows on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver, { seed: false });
  });
  afterAll(() => t.close());

  it("writes every column as one insert statement would (COPY on PostgreSQL from 100 rows)", async () => {
    const models: NewModel[] = Array.from({ length: 150 }, (_, i) => ({
      provider: "openai", model_name: `m-${i}-${AWKWARD[i % AWKWARD.length].replace(/\s/g, "_") || "x"}`, model_type: "fast",
      display_name: i % 3 === 0 ? null : AWKWARD[i % AWKWARD.length], family: i % 2 ? "fam\tily" : null, version_rank: i * 1.5,
      capabilities: { vision: i % 2 === 0, reasoning: null }, aliases: i % 4 ? [AWKWARD[i % AWKWARD.length], "a\"b"] : [],
      metadata: { note: AWKWARD[i % AWKWARD.length], n: i }, release_date: i % 5 ? null : "2025-01-31",
      is_active: i % 7 !== 0, deactivation_reason: i % 7 === 0 ? "shut down on 2025-01-01" : null,
      source: i % 2 ? "discovery" : "catalog", last_validated_at: new Date("2026-01-02T03:04:05.678Z"),
    }));
    const ids = await insertModels(t.db, models);
    expect(ids).toHaveLength(models.length);
    const rows = new Map((await listModels(t.db)).map((r) => [r.id, r]));
    models.forEach((m, i) => {
      const r = rows.get(ids[i])!;
      expect(r).toMatchObject({
        model_name: m.model_name, display_name: m.display_name, family: m.family ?? null, version_rank: m.version_rank,
        capabilities: m.capabilities, aliases: m.aliases, metadata: m.metadata, release_date: m.release_date,
        is_active: m.is_active, deactivation_reason: m.deactivation_reason, source: m.source, is_default: false,
        max_tokens: null, context_window: null, successor: null,
        last_validated_at: "2026-01-02T03:04:05.678Z",
        confirmed_at: m.source === "discovery" ? "2026-01-02T03:04:05.678Z" : null,
      });
      expect(r.pricing.input_per_mtok).toBeNull();
      expect(r.deactivated_at === null).toBe(m.is_active);
      if (!m.is_active) expect(r.deactivated_at).toBe(r.created_at);
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listEvents } from "@/lib/db/events-repo";
import { DRIVERS, createTestDb, type TestDatabase } from "@/tests/support/databases";
import { runDailyCheck } from "./daily-check";
import { daysUntil } from "./lifecycle";

const now = new Date("2026-12-01T04:00:00Z");
const day = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe.each(DRIVERS)("the daily check's notices on %s", (driver) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDb(driver);
    await t.db.query("update public.ai_model_configs set shutdown_date = '2026-12-21' where model_name = 'claude-haiku-4-5'");
    await t.db.query("update public.ai_model_configs set shutdown_date = '2027-06-01' where model_name = 'gpt-5'");
  });
  afterEach(async () => t?.close());

  it("announces a default within 30 days of shutdown once per threshold, and never one further away", async () => {
    expect((await runDailyCheck(t.db, { now })).retiring).toEqual(["anthropic/claude-haiku-4-5"]);
    expect((await runDailyCheck(t.db, { now: day(1) })).retiring).toEqual([]);
    expect((await runDailyCheck(t.db, { now: day(14) })).retiring).toEqual(["anthropic/claude-haiku-4-5"]); // 6 days left: the 7-day threshold
    const events = await listEvents(t.db, { type: "model.retiring" });
    expect(events.map((e) => e.data.threshold_days)).toEqual([7, 30]);
    expect(events[1].data).toMatchObject({ provider: "anthropic", model_name: "claude-haiku-4-5", shutdown_date: "2026-12-21", days_left: 20, is_default: true });
  });

  it("announces a default without a price once", async () => {
    await t.db.query(`update public.ai_model_configs set pricing = '{"input_per_mtok": null, "output_per_mtok": null}' where model_name = 'mistral-large-latest'`);
    expect((await runDailyCheck(t.db, { now })).unpriced).toEqual(["mistral/mistral-large-latest"]);
    expect((await runDailyCheck(t.db, { now: day(1) })).unpriced).toEqual([]);
  });
});

describe("daysUntil", () => {
  it("counts whole days, rounding up", () => {
    expect(daysUntil("2026-12-02", now)).toBe(1);
    expect(daysUntil("2026-12-01", now)).toBe(0);
  });
});

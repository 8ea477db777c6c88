import { initialProgress } from "@/lib/db/run-log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRun, startRun } from "@/lib/db/runs-repo";
import { createTestDb, DRIVERS, type TestDatabase } from "@/tests/support/databases";
import { stopActiveRuns, trackRun, untrackRun } from "./active-runs";

describe.each(DRIVERS)("stopping the server during a run on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDb(driver, { seed: false });
  });
  afterAll(() => t.close());

  it("marks this process's running run as failed, so its lease no longer blocks the next run", async () => {
    const run = await startRun(t.db, { trigger: "admin", leaseMs: 3_600_000, progress: initialProgress() });
    trackRun(run.id, t.db);
    expect(await stopActiveRuns()).toEqual([run.id]);
    const after = await getRun(t.db, run.id);
    expect(after).toMatchObject({ status: "failed", lease_expires_at: null });
    expect(JSON.stringify(after!.errors)).toContain("the server stopped during the run");
    const next = await startRun(t.db, { trigger: "admin", leaseMs: 60_000, progress: initialProgress() });
    expect(next.status).toBe("running");
    untrackRun(next.id);
    expect(await stopActiveRuns()).toEqual([]);
    expect((await getRun(t.db, next.id))!.status).toBe("running");
  });
});

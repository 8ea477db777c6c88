import { initialProgress } from "@/lib/db/run-log";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDb } from "./client";
import { getRun, startRun } from "./runs-repo";

describe("a run left running by a dead process, on the embedded database", () => {
  it("is marked failed when the database is opened again, so a new run may start at once", { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amm-orphan-"));
    const url = `pglite://${dir}/db`;
    try {
      const first = await openDb(url);
      // A lease of an hour: without the reclaim, the next run would wait it out.
      const orphan = await startRun(first, { trigger: "admin", leaseMs: 3_600_000, progress: initialProgress() });
      await first.close();

      const second = await openDb(url);
      try {
        const run = await getRun(second, orphan.id);
        expect(run).toMatchObject({ status: "failed", lease_expires_at: null });
        expect(JSON.stringify(run!.errors)).toMatch(/stopped without finishing/);
        const next = await startRun(second, { trigger: "admin", leaseMs: 60_000, progress: initialProgress() });
        expect(next.status).toBe("running");
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

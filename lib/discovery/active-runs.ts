import { failRunningRun } from "@/lib/db/orphan-runs";
import type { Db } from "@/lib/db/types";

// On globalThis: the shutdown hook (instrumentation) and the routes are separate bundles of one process.
const holder = globalThis as unknown as { __ammActiveRuns?: Map<string, Db> };
const active = () => (holder.__ammActiveRuns ??= new Map<string, Db>());

/** Notes a run this process is executing, with the database it writes to. */
export function trackRun(id: string, db: Db): void {
  active().set(id, db);
}

export function untrackRun(id: string): void {
  active().delete(id);
}

/**
 * Marks every run this process is executing as failed ("the server stopped"), releasing its lease at once
 * instead of after it expires; the run's own finish then finds it no longer running and writes nothing.
 */
export async function stopActiveRuns(): Promise<string[]> {
  const stopped: string[] = [];
  for (const [id, db] of active()) {
    if (await failRunningRun(db, id, "the server stopped during the run").catch(() => false)) stopped.push(id);
    active().delete(id);
  }
  return stopped;
}

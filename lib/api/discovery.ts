import { after } from "next/server";
import { getDb } from "@/lib/db/client";
import { expireStaleRuns, getRun, type RunRow } from "@/lib/db/runs-repo";
import { startDiscovery, type RunDiscoveryOptions, type RunSummary } from "@/lib/discovery/run";
import { NotFoundError } from "@/lib/errors";
import { logError } from "@/lib/log";

/** A started run the caller did not wait for. */
export interface RunStarted {
  success: true;
  run_id: string;
  status: "running";
}

/**
 * Starts a discovery for a route: waits for the summary, or (wait=false) answers as soon as the run row
 * exists. A run under way is RunConflictError (409 with its run_id).
 */
export async function triggerDiscovery(
  params: Pick<RunDiscoveryOptions, "trigger" | "triggeredBy"> & { wait: boolean },
): Promise<RunSummary | RunStarted> {
  const db = await getDb();
  const started = await startDiscovery({ db, trigger: params.trigger, triggeredBy: params.triggeredBy });
  if (params.wait) return started.done;
  // The run goes on after the answer; it records its own outcome (and failure) on its run row.
  const done = started.done.catch((err) => logError(`discovery ${started.runId}: background run failed`, err));
  try {
    after(() => done); // keeps a serverless function alive until the run ends (up to maxDuration)
  } catch {
    // Outside a request (tests, scripts) the promise simply runs on.
  }
  return { success: true, run_id: started.runId, status: "running" };
}

/** One run by id for the UI to poll; 404 when unknown. */
export async function getRunForApi(id: string): Promise<RunRow> {
  const db = await getDb();
  await expireStaleRuns(db); // a run whose process died shows as failed, not running forever
  const run = await getRun(db, id);
  if (!run) throw new NotFoundError(`No discovery run with id ${id}`);
  return run;
}

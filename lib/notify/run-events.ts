import type { Db } from "@/lib/db/types";
import type { RunOutcome } from "@/lib/discovery/outcome";
import { emitEvent } from "./events";

/** Announces a run that did not fully succeed (run.failed or run.partial), with its errors; a success says nothing. */
export async function emitRunEvent(tx: Db, runId: string, outcome: Pick<RunOutcome, "status" | "errors" | "providers_checked">): Promise<void> {
  if (outcome.status === "success") return;
  await emitEvent(tx, outcome.status === "failed" ? "run.failed" : "run.partial", {
    run_id: runId, status: outcome.status, errors: outcome.errors, providers_checked: outcome.providers_checked,
  });
}

import { insertDefaultChanges } from "@/lib/db/audit-repo";
import { clearDefault, deactivateModels, insertDiscoveredModels, lockRegistry, refreshListedModels, setDefault, touchModels } from "@/lib/db/models-write-repo";
import { finishRun, type FinishRunParams } from "@/lib/db/runs-repo";
import type { Db } from "@/lib/db/types";
import type { ChangePlan } from "./plan";

/**
 * Writes a plan in the caller's transaction, in the order the constraints need: old defaults cleared,
 * models deactivated, listed models refreshed (reactivated), new ones inserted, new defaults set, one audit
 * row per default change. Any error propagates so the caller's transaction rolls everything back.
 */
async function writePlan(tx: Db, plan: ChangePlan, audit: { changedBy: string; runId: string }): Promise<void> {
  for (const c of plan.defaultChanges) if (c.from_id) await clearDefault(tx, c.provider, c.model_type);
  await deactivateModels(tx, plan.deactivations.map((d) => d.id));
  await refreshListedModels(tx, plan.refreshes);
  await touchModels(tx, plan.unchanged);
  await insertDiscoveredModels(tx, plan.adds);
  for (const c of plan.defaultChanges) if (c.to) await setDefault(tx, c.provider, c.to, c.model_type);
  await insertDefaultChanges(
    tx,
    plan.defaultChanges.map((c) => ({
      provider: c.provider, model_type: c.model_type, from_model: c.from, to_model: c.to, reason: c.reason,
      changed_by: audit.changedBy, run_id: audit.runId,
    })),
  );
}

/** A run whose lease another process took over (it was marked failed): its results must not be written. */
export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`run ${runId} lost its lease before it could finish`);
    this.name = "LeaseLostError";
  }
}

/**
 * The only writer of a run: plans from the registry as it is inside the transaction, writes the plan and
 * closes the run row, all in one transaction. On error nothing of it is kept.
 */
export async function applyRun(
  db: Db,
  runId: string,
  makePlan: (tx: Db) => Promise<ChangePlan>,
  finish: (plan: ChangePlan) => FinishRunParams,
  changedBy: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockRegistry(tx); // an admin change cannot slip between reading the registry and writing the plan
    const plan = await makePlan(tx);
    await writePlan(tx, plan, { changedBy, runId });
    const run = await finishRun(tx, runId, finish(plan), { onlyIfRunning: true });
    if (!run) throw new LeaseLostError(runId);
  });
}

import { deactivateModels, insertModels, listRegistryForPlan, lockRegistry, refreshListedModels, touchModels } from "@/lib/db/models-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import type { Db } from "@/lib/db/types";
import { moveDefaults, releaseSlots } from "@/lib/registry/move-defaults";
import { loadPolicyState, writePolicyWrites } from "@/lib/registry/policy-state";
import { planChanges, type ChangePlan } from "./plan";
import type { ProviderListing } from "./types";

/** A run whose lease another process took over (it was marked failed): its results must not be written. */
export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`run ${runId} lost its lease before it could finish`);
    this.name = "LeaseLostError";
  }
}

/**
 * Writes a plan in the caller's transaction, in the order the constraints need: moved slots freed, models
 * deactivated, listed models refreshed (reactivated), new ones inserted, then the new defaults set with one
 * audit row each. Any error propagates so the caller's transaction rolls everything back.
 */
async function writePlan(tx: Db, plan: ChangePlan, audit: { changedBy: string; runId: string }): Promise<void> {
  await releaseSlots(tx, plan.defaultChanges);
  await deactivateModels(tx, plan.deactivations.map((d) => d.id));
  await refreshListedModels(tx, plan.refreshes);
  await touchModels(tx, plan.unchanged);
  await insertModels(tx, plan.adds.map((m) => ({ ...m, source: "discovery" as const, last_validated_at: new Date() })));
  await moveDefaults(tx, plan.defaultChanges, audit);
  await writePolicyWrites(tx, plan.pending, audit.changedBy);
}

/**
 * Plans from the registry as it is inside the caller's transaction (the registry lock keeps admin changes
 * out until it commits) and writes the plan; answers the plan written.
 */
export async function planAndWrite(
  tx: Db,
  run: { runId: string; listings: readonly ProviderListing[]; now: Date; changedBy: string },
): Promise<ChangePlan> {
  await lockRegistry(tx);
  const plan = planChanges({ registry: await listRegistryForPlan(tx), listings: run.listings, settings: await getProviderSettings(tx), now: run.now, policy: await loadPolicyState(tx) });
  await writePlan(tx, plan, { changedBy: run.changedBy, runId: run.runId });
  return plan;
}

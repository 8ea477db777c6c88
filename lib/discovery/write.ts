import { deactivateModels, insertModels, listRegistryForPlan, lockRegistry, refreshListedModels, touchModels } from "@/lib/db/models-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import type { Db } from "@/lib/db/types";
import { moveDefaults, releaseSlots } from "@/lib/registry/move-defaults";
import { loadPolicyState, writePolicyWrites } from "@/lib/registry/policy-state";
import { recordProbes } from "@/lib/db/probes-repo";
import { emitEvent } from "@/lib/notify/events";
import { planChanges, type ChangePlan } from "./plan";
import type { CandidateProbes } from "./probe-candidates";
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
  run: { runId: string; listings: readonly ProviderListing[]; now: Date; changedBy: string; probes?: CandidateProbes },
): Promise<ChangePlan> {
  await lockRegistry(tx);
  const registry = await listRegistryForPlan(tx);
  const plan = planChanges({ registry, listings: run.listings, settings: await getProviderSettings(tx), now: run.now, policy: await loadPolicyState(tx), blocked: run.probes?.blocked });
  await writePlan(tx, plan, { changedBy: run.changedBy, runId: run.runId });
  await writeProbes(tx, plan, run.runId, run.probes);
  return plan;
}

/** Stores the run's probe results; each failed candidate is a run warning and an alert.raised that says why it was not promoted. */
async function writeProbes(tx: Db, plan: ChangePlan, runId: string, probes: CandidateProbes | undefined): Promise<void> {
  if (!probes?.results.length) return;
  await recordProbes(tx, probes.results);
  for (const r of probes.results.filter((x) => !x.ok)) {
    const message = `${r.model_name} not promoted: its probe (${r.mode}) failed: ${r.error}`;
    plan.warnings.push({ source: r.provider, message });
    await emitEvent(tx, "alert.raised", { kind: "probe_failed", provider: r.provider, model_name: r.model_name, mode: r.mode, status: r.status, error: r.error, message, run_id: runId });
  }
}

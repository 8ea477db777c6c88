import { deactivateModels, insertModels, listRegistryForPlan, lockRegistry, refreshListedModels, touchModels } from "@/lib/db/models-repo";
import { recordPrices, type PriceObservation } from "@/lib/db/prices-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import { holdListing, listOpenListings, resolveListings } from "@/lib/db/suspect-listings-repo";
import type { Db } from "@/lib/db/types";
import { runWriteTimeoutMs } from "@/lib/db/drivers/deadline";
import type { Env } from "@/lib/env";
import { moveDefaults, releaseSlots } from "@/lib/registry/move-defaults";
import type { ModelValues } from "./enrich";
import { mergePlans, planListingPausing, type ChangePlan, type PlanInput } from "./plan";
import { oneAfterAnother, planWhileWriting } from "./pipeline";
import { loadPolicyState, writePolicyWrites } from "@/lib/registry/policy-state";
import { recordProbes } from "@/lib/db/probes-repo";
import { bumpRegistryVersion } from "@/lib/db/registry-version-repo";
import { emitEvent } from "@/lib/notify/events";
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
 * Writes a plan in the caller's transaction. Its largest statement comes first (the touch of unchanged models
 * on a re-run, the insert of new ones on a first load), so the database works on it while the run plans the
 * next provider; then the order the constraints need: moved slots freed (a refresh may change a default's
 * tier), models deactivated, listed models refreshed (reactivated), then the new defaults set with one audit
 * row each. Any error propagates so the caller's transaction rolls everything back.
 */
async function writePlan(tx: Db, plan: ChangePlan, audit: { changedBy: string; runId: string; now: Date }): Promise<void> {
  await touchModels(tx, plan.unchanged);
  // An insert never sets a default, so it cannot meet a slot that is still to be freed.
  const validatedAt = new Date();
  const added = await insertModels(tx, plan.adds.map((m) => ({ ...m, source: "discovery" as const, last_validated_at: validatedAt })));
  await releaseSlots(tx, plan.defaultChanges);
  for (const reason of new Set(plan.deactivations.map((d) => d.reason))) {
    await deactivateModels(tx, plan.deactivations.filter((d) => d.reason === reason).map((d) => d.id), reason);
  }
  await refreshListedModels(tx, plan.refreshes);
  const prices = [...plan.refreshes.map((r) => observed(r.id, r)), ...plan.adds.map((a, i) => observed(added[i], a))];
  await recordPrices(tx, prices.filter((p): p is PriceObservation => p !== null), audit.now);
  await moveDefaults(tx, plan.defaultChanges, audit);
  await writePolicyWrites(tx, plan.pending, audit.changedBy);
  await recordSuspectListings(tx, plan, audit.runId);
}

/** Held listings wait for an admin; a provider listed without suspicion closes the one it had open. */
async function recordSuspectListings(tx: Db, plan: ChangePlan, runId: string): Promise<void> {
  for (const s of plan.suspect) await holdListing(tx, { provider: s.provider, runId, missing: s.missing, confirmed: s.confirmed });
  const held = new Set(plan.suspect.map((s) => s.provider));
  await resolveListings(tx, [...plan.listed].filter((p) => !held.has(p)));
}

/** A model's price as the plan decided it, for the price history; none when no source is named. */
function observed(id: string, v: ModelValues): PriceObservation | null {
  const source = v.provenance?.pricing?.source;
  return source ? { model_id: id, pricing: v.pricing, source } : null;
}

/** A run's write transaction: each statement may take DATABASE_RUN_WRITE_TIMEOUT_MS, not a route's short budget. */
export function runWriteTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>, env: Env = process.env): Promise<T> {
  return db.transaction(fn, { statementTimeoutMs: runWriteTimeoutMs(env) });
}

/**
 * Plans from the registry as it is inside the caller's transaction (the registry lock keeps admin changes
 * out until it commits) and writes the plan, provider by provider: each provider's writes run while the next
 * one is planned (lib/discovery/pipeline.ts, one statement in flight at a time). Answers the plan written.
 */
export async function planAndWrite(
  tx: Db,
  run: { runId: string; listings: readonly ProviderListing[]; now: Date; changedBy: string; metadata?: PlanInput["metadata"]; probes?: CandidateProbes },
): Promise<ChangePlan> {
  await lockRegistry(tx);
  const held = Object.fromEntries((await listOpenListings(tx)).map((l) => [l.provider, l.missing.map((m) => m.id)]));
  const input: Omit<PlanInput, "registry"> = {
    listings: run.listings, settings: await getProviderSettings(tx), now: run.now, held, metadata: run.metadata,
    policy: await loadPolicyState(tx), blocked: run.probes?.blocked,
  };
  const audit = { changedBy: run.changedBy, runId: run.runId, now: run.now };
  // Every provider's rows are read before the first write, the later ones while the first is planned.
  const registries = oneAfterAnother(run.listings.map((l) => () => listRegistryForPlan(tx, l.provider)));
  const parts = await planWhileWriting(
    run.listings,
    async (listing, i) => planListingPausing({ ...input, registry: await registries[i] }, listing),
    (part) => writePlan(tx, part, audit),
    Promise.all(registries),
  );
  const plan = mergePlans(parts);
  await writeProbes(tx, plan, run.runId, run.probes);
  await bumpRegistryVersion(tx); // every instance reloads its snapshot (validated dates move even when nothing else did)
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

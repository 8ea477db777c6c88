import { PROVIDERS, type Provider } from "@/lib/domain";
import type { RunError, RunWarning } from "@/lib/db/run-log";
import type { FinishRunParams } from "@/lib/db/runs-repo";
import type { ChangePlan } from "./plan";
import type { ProgressTracker } from "./progress";
import type { RunSummary } from "./summary";
import type { ProviderListing } from "./types";

/** What a run found before it wrote anything. */
export interface RunFindings {
  configured: Provider[];
  skipped: Provider[];
  listings: ProviderListing[];
  errors: RunError[];
  tracker: ProgressTracker;
  startedAt: number;
  /** Warnings found before planning (a metadata source that failed). */
  warnings?: RunWarning[];
}

/** The run row's closing values as this module builds them: typed, so the summary is read back without casts. */
export interface RunOutcome extends FinishRunParams {
  status: RunSummary["status"];
  providers_checked: Provider[];
}

/** The run row's closing values from what the run found and the plan it wrote (none when the write failed). */
export function runOutcome(f: RunFindings, plan: ChangePlan | undefined, status: RunSummary["status"], extraErrors: RunError[] = []): RunOutcome {
  const setAside = (p: Provider) => plan?.setAside.filter((s) => s.provider === p).length ?? 0;
  return {
    status,
    models_discovered: plan?.discovered ?? 0,
    models_added: plan?.adds.length ?? 0,
    models_deprecated: plan?.deactivations.length ?? 0,
    models_reactivated: plan?.reactivations.length ?? 0,
    models_set_aside: plan?.setAside.length ?? 0,
    providers_checked: f.configured,
    progress: f.tracker.snapshot(),
    provider_results: Object.fromEntries(
      PROVIDERS.map((p) => {
        const l = f.listings.find((x) => x.provider === p);
        return [p, { state: f.tracker.state[p].state, models: l?.models.length ?? 0, pages: l?.pages ?? 0, set_aside: setAside(p) }];
      }),
    ),
    added_models: (plan?.adds ?? []).map((a) => ({ provider: a.provider, model_name: a.model_name, model_type: a.model_type, needs_review: a.needs_review })),
    deprecated_models: (plan?.deactivations ?? []).map((d) => ({ provider: d.provider, model_name: d.model_name })),
    default_changes: plan?.defaultChanges ?? [],
    warnings: [...(f.warnings ?? []), ...(plan?.warnings ?? []), ...f.skipped.map((p) => ({ source: p, message: "skipped (no API key)" }))],
    errors: [...f.errors, ...extraErrors],
    execution_time_ms: Date.now() - f.startedAt,
  };
}

/** The answer of a run (CONTRACT §3) from its closing values. */
export function toSummary(runId: string, o: RunOutcome, skipped: Provider[]): RunSummary {
  return {
    success: o.status !== "failed",
    run_id: runId,
    status: o.status,
    models_discovered: o.models_discovered,
    models_added: o.models_added,
    models_deprecated: o.models_deprecated,
    models_reactivated: o.models_reactivated,
    models_set_aside: o.models_set_aside,
    providers_checked: o.providers_checked,
    providers_skipped: skipped,
    errors: o.errors,
    warnings: o.warnings,
    execution_time_ms: o.execution_time_ms,
    default_changes: o.default_changes.map(({ provider, model_type, from, to }) => ({ provider, model_type, from, to })),
  };
}

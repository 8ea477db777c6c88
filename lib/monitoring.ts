// The monitoring alerts of the original design, as a pure function of the run history and the registry.
import type { RunRowWire } from "@/lib/config/schemas";
import { DEFAULT_TIERS, PROVIDERS } from "@/lib/domain";

/** The least of a run the console needs to judge it (typed by the run log's schemas). */
export type RunForAlerts = Pick<RunRowWire, "status" | "run_date"> & Partial<Pick<RunRowWire, "progress" | "providers_checked" | "errors">>;

export interface MonitoringAlert {
  id: "low_provider_coverage" | "no_recent_additions" | "no_recent_success" | "never_run" | "empty_slot";
  severity: "warning" | "critical" | "info";
  title: string;
  message: string;
}

/** The least of a registry row the empty-slot alert needs. */
export interface SlotHolder {
  provider: string;
  model_type: string;
  is_default: boolean;
  is_active: boolean;
}

/** "provider/tier" of every flagship and fast slot no active model holds (its default retired with nothing eligible). */
export function emptySlots(models: readonly SlotHolder[]): string[] {
  return PROVIDERS.flatMap((p) =>
    DEFAULT_TIERS.filter((t) => !models.some((m) => m.provider === p && m.model_type === t && m.is_default && m.is_active)).map((t) => `${p}/${t}`),
  );
}

const DAY = 86_400_000;
/** A run should reach at least this share of the providers. */
export const MIN_PROVIDER_SHARE = 0.75;
/** Without a new model for this long, discovery or the classifier is probably missing releases. */
export const NO_ADDITION_DAYS = 90;
/** The cron runs monthly; a success older than this means at least one run was missed or failed. */
export const NO_SUCCESS_DAYS = 35;

/** Providers a run listed successfully: those whose progress is "done", else those checked without an error. */
export function providersReached(run: RunForAlerts): string[] {
  const progress = Object.entries(run.progress ?? {});
  if (progress.length) return progress.filter(([, p]) => p?.state === "done").map(([name]) => name);
  const failed = new Set((run.errors ?? []).map((e) => e.provider ?? ""));
  return (run.providers_checked ?? []).filter((p) => !failed.has(p));
}

function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / DAY);
}

/**
 * The alerts to show: the last finished run reached fewer than 75% of the providers; no model was added
 * for 3+ months; no successful run for 35+ days (or none at all). `runs` newest first; `lastAddedAt` is
 * the newest discovered_at of the registry; with `models`, also every slot no active default holds.
 */
export function computeAlerts(input: { runs: RunForAlerts[]; lastAddedAt: string | null; now?: Date; models?: readonly SlotHolder[] }): MonitoringAlert[] {
  const now = input.now ?? new Date();
  const alerts: MonitoringAlert[] = [];
  const empty = input.models ? emptySlots(input.models) : [];
  if (empty.length) {
    alerts.push({
      id: "empty_slot",
      severity: "critical",
      title: "No eligible default",
      message: `No eligible model holds ${empty.join(", ")}: the config API answers the built-in default there. Pin or classify a live model.`,
    });
  }
  const finished = input.runs.filter((r) => r.status !== "running");
  if (finished.length === 0) {
    alerts.push({
      id: "never_run",
      severity: "info",
      title: "No discovery run yet",
      message: "The registry holds the built-in catalog. Run discovery to check the providers for new models.",
    });
  } else {
    const last = finished[0];
    const reached = providersReached(last).length;
    if (reached / PROVIDERS.length < MIN_PROVIDER_SHARE) {
      alerts.push({
        id: "low_provider_coverage",
        severity: "critical",
        title: "The last run missed providers",
        message: `The last discovery run reached ${reached} of ${PROVIDERS.length} providers. Check the API keys and the errors in the run history.`,
      });
    }
    const lastSuccess = finished.find((r) => r.status === "success");
    if (!lastSuccess || daysBetween(new Date(lastSuccess.run_date), now) >= NO_SUCCESS_DAYS) {
      alerts.push({
        id: "no_recent_success",
        severity: "warning",
        title: "No successful run recently",
        message: lastSuccess
          ? `The last fully successful discovery run was ${daysBetween(new Date(lastSuccess.run_date), now)} days ago (expected monthly).`
          : "None of the recorded discovery runs succeeded for every provider.",
      });
    }
  }
  if (input.lastAddedAt) {
    const days = daysBetween(new Date(input.lastAddedAt), now);
    if (days >= NO_ADDITION_DAYS) {
      alerts.push({
        id: "no_recent_additions",
        severity: "warning",
        title: "No new model for 3 months",
        message: `The newest model in the registry was added ${days} days ago. Providers release often: check that discovery classifies new families.`,
      });
    }
  }
  return alerts;
}

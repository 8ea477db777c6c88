import type { DefaultChange, Provider } from "@/lib/domain";
import type { RunError, RunWarning } from "@/lib/db/run-log";
import type { RunCounts, RunStatus } from "@/lib/db/runs-repo";

/** What a run answers (CONTRACT §3), plus the extras the UI shows. */
export interface RunSummary extends RunCounts {
  /** False only when the run failed; a partial run did apply what it learnt. */
  success: boolean;
  run_id: string;
  status: Exclude<RunStatus, "running">;
  /** Providers that had a key and were asked. */
  providers_checked: Provider[];
  /** Providers without a key: skipped, not failed. */
  providers_skipped: Provider[];
  errors: RunError[];
  warnings: RunWarning[];
  execution_time_ms: number;
  /** The moves without their reasons (the run log keeps those). */
  default_changes: Omit<DefaultChange, "reason">[];
}

/**
 * success = every configured provider answered and no listing was held; partial = some failed, or the vanish
 * guard held a listing (`held`); failed = none answered, or no provider has a key at all (a run that can learn
 * nothing is reported, not passed off as fine). A failed apply makes the run failed too; run.ts sets that.
 */
export function runStatus(configured: number, answered: number, held = 0): Exclude<RunStatus, "running"> {
  if (configured === 0 || answered === 0) return "failed";
  return answered === configured && held === 0 ? "success" : "partial";
}

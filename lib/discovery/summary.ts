import type { DefaultTier, Provider } from "@/lib/domain";
import type { RunStatus } from "@/lib/db/runs-repo";

/** What a run answers (CONTRACT §3), plus the extras the UI shows. */
export interface RunSummary {
  /** False only when the run failed; a partial run did apply what it learnt. */
  success: boolean;
  run_id: string;
  status: Exclude<RunStatus, "running">;
  models_discovered: number;
  models_added: number;
  models_deprecated: number;
  models_reactivated: number;
  models_set_aside: number;
  /** Providers that had a key and were asked. */
  providers_checked: Provider[];
  /** Providers without a key: skipped, not failed. */
  providers_skipped: Provider[];
  errors: { provider: string; message: string }[];
  warnings: string[];
  execution_time_ms: number;
  default_changes: { provider: Provider; model_type: DefaultTier; from: string | null; to: string | null }[];
}

/** success = every configured provider answered; partial = some failed; failed = none answered (or apply failed). */
export function runStatus(configured: number, answered: number, applyFailed: boolean): Exclude<RunStatus, "running"> {
  if (applyFailed || configured === 0 || answered === 0) return "failed";
  return answered === configured ? "success" : "partial";
}

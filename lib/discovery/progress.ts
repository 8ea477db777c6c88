import type { Provider } from "@/lib/domain";
import { initialProgress, type ProviderProgress, type RunProgress } from "@/lib/db/run-log";
import { updateRunProgress } from "@/lib/db/runs-repo";
import type { Db } from "@/lib/db/types";
import { logWarn } from "@/lib/log";
import { trackRun, untrackRun } from "./active-runs";

export { initialProgress, type RunProgress };

/**
 * Keeps a run's per-provider progress and writes it to the run row: at most one write in flight, the latest
 * state wins (so pages arriving faster than the database answers coalesce). Also renews the run's lease.
 */
export class ProgressTracker {
  readonly state: RunProgress = initialProgress();
  private writing: Promise<void> | undefined;
  private dirty = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly db: Db,
    private readonly runId: string,
    private readonly leaseMs: number,
    private readonly onProgress?: (progress: RunProgress) => void,
  ) {}

  /** Renews the lease every third of its length until stop(). */
  startLease(): void {
    trackRun(this.runId, this.db);
    this.timer = setInterval(() => this.schedule(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.timer.unref?.();
  }

  update(provider: Provider, patch: Partial<ProviderProgress>): void {
    this.state[provider] = { ...this.state[provider], ...patch };
    this.onProgress?.(this.snapshot());
    this.schedule();
  }

  snapshot(): RunProgress {
    return structuredClone(this.state);
  }

  private schedule(): void {
    this.dirty = true;
    if (this.writing) return;
    this.writing = this.drain().finally(() => {
      this.writing = undefined;
    });
  }

  private async drain(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      try {
        await updateRunProgress(this.db, this.runId, this.snapshot(), this.leaseMs);
      } catch (err) {
        logWarn(`discovery: could not write progress of run ${this.runId}: ${String(err)}`);
      }
    }
  }

  /** Stops lease renewal and waits for the last progress write. */
  async stop(): Promise<void> {
    untrackRun(this.runId);
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.dirty = false;
    await this.writing;
  }
}

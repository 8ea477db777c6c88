// The console's views of a run's typed JSON columns (lib/db/run-log.ts): progress in provider order.
import type { ProviderProgress } from "@/lib/db/run-log";
import type { RunRowWire as RunRow } from "@/lib/config/schemas";
import { PROVIDERS } from "@/lib/domain";

export type ProgressState = ProviderProgress["state"];
export interface ProviderProgressView extends ProviderProgress {
  provider: string;
}

function providerOrder(p: string): number {
  const i = (PROVIDERS as readonly string[]).indexOf(p);
  return i < 0 ? PROVIDERS.length : i;
}

/** Per-provider progress in the usual provider order; providers checked but not yet reported are pending. */
export function readProgress(run: Pick<RunRow, "progress" | "providers_checked">): ProviderProgressView[] {
  const out = new Map<string, ProviderProgressView>();
  for (const p of run.providers_checked ?? []) out.set(p, { provider: p, state: "pending", pages: 0, models_seen: 0 });
  for (const [provider, progress] of Object.entries(run.progress ?? {})) {
    if (progress) out.set(provider, { provider, ...progress });
  }
  return [...out.values()].sort((a, b) => providerOrder(a.provider) - providerOrder(b.provider));
}

/** How many providers a run finished ("done") out of those it checked. */
export function providerTally(run: Pick<RunRow, "progress" | "providers_checked">): { done: number; total: number } {
  const all = readProgress(run);
  return { done: all.filter((p) => p.state === "done").length, total: all.length };
}

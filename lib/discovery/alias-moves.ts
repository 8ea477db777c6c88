import type { Provider } from "@/lib/domain";
import type { RunWarning } from "@/lib/db/run-log";
import { snapshotKey } from "./classify";
import { compareText } from "@/lib/registry/rank";
import type { CompiledRules } from "./rules-schema";

/** The dated snapshot a rolling name points at: its newest dated id other than itself, or null. */
export function aliasTarget(provider: Provider, name: string, ids: readonly string[], rules: CompiledRules): string | null {
  let best: { id: string; stamp: string } | null = null;
  for (const id of ids) {
    if (id === name) continue;
    const { stamp } = snapshotKey(provider, id, rules);
    if (stamp && (!best || compareText(stamp, best.stamp) > 0)) best = { id, stamp };
  }
  return best?.id ?? null;
}

/**
 * The run log's line when a rolling name (mistral-medium-latest) the provider lists now points at another
 * snapshot than the row's stored aliases said; null when it did not move or nothing is known of before.
 */
export function aliasMove(
  provider: Provider,
  name: string,
  before: readonly string[],
  after: readonly string[],
  rules: CompiledRules,
): RunWarning | null {
  if (snapshotKey(provider, name, rules).stamp) return null; // a dated snapshot points at itself
  const was = aliasTarget(provider, name, before, rules);
  const now = aliasTarget(provider, name, after, rules);
  if (!was || !now || was === now) return null;
  return { source: provider, message: `${name} now points at ${now} (was ${was}); the registry row moved with it` };
}

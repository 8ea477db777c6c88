import { DEFAULT_TIERS, type DefaultTier, type Provider } from "@/lib/domain";
import { insertDefaultChanges } from "@/lib/db/audit-repo";
import { listModels, type ModelRow } from "@/lib/db/models-repo";
import { clearDefault, setDefault } from "@/lib/db/models-write-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import type { Db } from "@/lib/db/types";
import { classifyName, snapshotKey } from "./classify";
import { pickDefault, type RankedEntry } from "./rank";
import { getRules } from "./rules-schema";

/** A registry row as ranking sees it (its stored tier holds; the name gives version and line). */
export function entryFromRow(row: ModelRow): RankedEntry {
  const rules = getRules();
  const { key, stamp } = snapshotKey(row.provider, row.model_name, rules);
  const cls = classifyName(row.provider, key, rules);
  return {
    ref: row.id, provider: row.provider, model_name: row.model_name, tier: row.model_type, line: cls.line,
    version: cls.version, preference: cls.preference, stamp, release_date: row.release_date, is_active: row.is_active,
    needs_review: row.needs_review, is_preview: row.is_preview, shutdown_date: row.shutdown_date, locked: true,
  };
}

export interface SlotChange {
  provider: Provider;
  model_type: DefaultTier;
  from: string | null;
  to: string | null;
}

/**
 * Re-picks the default of a provider's unpinned slots from the registry as it stands (after an admin
 * change), writing the moves and their audit rows in the caller's transaction. A slot with no eligible
 * model keeps its current default if that is still active.
 */
export async function recomputeDefaults(
  tx: Db,
  provider: Provider,
  params: { tiers?: readonly DefaultTier[]; reason: string; changedBy: string; now?: Date },
): Promise<SlotChange[]> {
  const rules = getRules();
  const rows = await listModels(tx, { provider });
  const settings = await getProviderSettings(tx);
  const entries = rows.map(entryFromRow);
  const opts = { allowPreview: settings[provider].allow_preview_defaults, now: params.now ?? new Date(), guardDays: rules.shutdownGuardDays };
  const changes: SlotChange[] = [];
  for (const tier of params.tiers ?? DEFAULT_TIERS) {
    const current = rows.find((r) => r.is_default && r.model_type === tier);
    if (current?.is_pinned) continue;
    const best = pickDefault(entries, tier, rules.providers[provider].rankOrder, opts);
    if (!best && current?.is_active) continue;
    if (best?.ref === current?.id) continue;
    if (current) await clearDefault(tx, provider, tier);
    if (best) await setDefault(tx, provider, best.model_name, tier);
    changes.push({ provider, model_type: tier, from: current?.model_name ?? null, to: best?.model_name ?? null });
  }
  await insertDefaultChanges(
    tx,
    changes.map((c) => ({ provider, model_type: c.model_type, from_model: c.from, to_model: c.to, reason: params.reason, changed_by: params.changedBy })),
  );
  return changes;
}

import type { PlanRow } from "@/lib/db/model-row";
import { classifyName, snapshotKey } from "@/lib/discovery/classify";
import { getRules, type CompiledRules } from "@/lib/discovery/rules-schema";
import type { DefaultTier } from "@/lib/domain";
import type { RankedEntry } from "./rank";

/** A model as default choice sees it: ranking facts plus the slot it holds now, if any. */
export interface SlotEntry extends RankedEntry {
  /** The slot this model is the default of before the change. */
  holds: DefaultTier | null;
  pinned: boolean;
}

/**
 * A registry row as ranking sees it: its stored tier holds, its name gives version and line by the rules,
 * and it is locked against demotion (it was pinned, classified by hand, or not listed in this run).
 */
export function toRankedEntry(row: PlanRow, rules: CompiledRules = getRules()): SlotEntry {
  const { key, stamp } = snapshotKey(row.provider, row.model_name, rules);
  const c = classifyName(row.provider, key, rules);
  return {
    ref: row.id, provider: row.provider, model_name: row.model_name, tier: row.model_type, line: c.line,
    version: c.version, preference: c.preference, stamp, release_date: row.release_date, is_active: row.is_active,
    needs_review: row.needs_review, is_preview: row.is_preview, shutdown_date: row.shutdown_date, locked: true,
    holds: row.is_default && row.model_type !== "legacy" ? row.model_type : null,
    pinned: row.is_pinned,
  };
}

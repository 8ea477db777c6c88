import { hash } from "node:crypto";
import type { PlanRow } from "@/lib/db/model-row";
import type { ModelValues } from "./enrich";
import { canonicalJson } from "./canonical-json";
import type { ListedGroup } from "./group";
import { appendTo } from "@/lib/collections";

/**
 * Assigns each listed group at most one registry row: exact name first, then a listed id, the key, an alias.
 */
export function matchRows(groups: ListedGroup[], rows: readonly PlanRow[], stableSuffix: string): Map<ListedGroup, PlanRow> {
  const index = (keys: (r: PlanRow) => string[]) => {
    const m = new Map<string, PlanRow[]>();
    for (const r of rows) for (const k of keys(r)) appendTo(m, k, r);
    return m;
  };
  const byName = index((r) => [r.model_name]);
  const byLower = index((r) => [r.model_name.toLowerCase()]);
  const byAlias = index((r) => r.aliases);
  const candidates: ((g: ListedGroup) => string[])[] = [
    (g) => [g.id],
    (g) => g.ids,
    (g) => [g.key, g.key + stableSuffix],
    (g) => g.ids,
  ];
  const maps = [byName, byName, byLower, byAlias];
  const out = new Map<ListedGroup, PlanRow>();
  const taken = new Set<string>();
  candidates.forEach((keysOf, i) => {
    for (const g of groups) {
      // A split snapshot is matched by its own ids only: a stale alias or its group's key must not claim it.
      if (out.has(g) || (g.split && i >= 2)) continue;
      const r = keysOf(g).flatMap((k) => maps[i].get(k) ?? []).find((row) => !taken.has(row.id));
      if (r) {
        out.set(g, r);
        taken.add(r.id);
      }
    }
  });
  return out;
}

/** Stamps a model's values (the plan's own object, in place) with a hash of them, so the next run can skip rewriting an unchanged row. */
export function stampFingerprint(values: ModelValues): ModelValues {
  // One-shot hash: a Hash object per model was a tenth of a 20,000-model plan.
  const fingerprint = hash("sha1", canonicalJson(values)!, "base64url");
  values.metadata.fingerprint = fingerprint;
  return values;
}

import type { ModelRow } from "@/lib/db/model-row";
import { getRules, type CompiledRules } from "@/lib/discovery/rules-schema";
import { PROVIDERS, TIERS, type Provider } from "@/lib/domain";
import { isShutDown } from "./lifecycle";
import { compareRank, shutsDownSoon } from "./rank";
import { toRankedEntry, type SlotEntry } from "./ranked-entry";
import type { RouteConstraints, SelectQuery } from "./select-query";

/** CONTRACT §9: a model this close to its shutdown never qualifies for a select answer. */
export const SELECT_GUARD_DAYS = 30;

/**
 * The constraints a model fails, by parameter name (empty when it meets them all). An unknown fact (a null
 * capability, price or limit) never meets a constraint on it.
 */
export function unmetConstraints(row: ModelRow, c: RouteConstraints): string[] {
  const out: string[] = [];
  const missing = (c.capabilities ?? []).filter((k) => row.capabilities[k] !== true);
  if (missing.length) out.push(`capabilities (${missing.join(", ")})`);
  const atLeast = (v: number | null, min: number | undefined) => min === undefined || (v !== null && v >= min);
  const atMost = (v: number | null, max: number | undefined) => max === undefined || (v !== null && v <= max);
  if (!atLeast(row.context_window, c.min_context)) out.push("min_context");
  if (!atLeast(row.max_tokens, c.min_output)) out.push("min_output");
  if (!atMost(row.pricing.input_per_mtok, c.max_input_price)) out.push("max_input_price");
  if (!atMost(row.pricing.output_per_mtok, c.max_output_price)) out.push("max_output_price");
  if (c.providers && !c.providers.includes(row.provider)) out.push("providers");
  return out;
}

/** Active, reviewed, not shut down nor within 30 days of it, a preview only when asked for. */
function isSelectable(row: ModelRow, q: SelectQuery, now: Date): boolean {
  if (!row.is_active || row.needs_review || isShutDown(row.shutdown_date, now)) return false;
  if (shutsDownSoon(row.shutdown_date, now, SELECT_GUARD_DAYS)) return false;
  return (q.include_preview || !row.is_preview) && (q.type === "any" || row.model_type === q.type);
}

// Ranking facts per row object: snapshot rows are shared by every request until the next refresh.
const entries = new WeakMap<ModelRow, SlotEntry>();
function entryOf(row: ModelRow, rules: CompiledRules): SlotEntry {
  let e = entries.get(row);
  if (!e) entries.set(row, (e = toRankedEntry(row, rules)));
  return e;
}

/** Each row's place in its provider's own ranking of its tier: the default first, then by rank. */
function providerPositions(rows: readonly ModelRow[], rules: CompiledRules): Map<ModelRow, number> {
  const groups = new Map<string, ModelRow[]>();
  for (const r of rows) {
    const key = `${r.provider}/${r.model_type}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const out = new Map<ModelRow, number>();
  for (const group of groups.values()) {
    const order = rules.providers[group[0].provider].rankOrder;
    group
      .sort((a, b) => Number(b.is_default) - Number(a.is_default) || compareRank(entryOf(b, rules), entryOf(a, rules), order))
      .forEach((r, i) => out.set(r, i));
  }
  return out;
}

// Unknown prices sort after every known one.
const priceKey = (v: number | null) => v ?? Number.POSITIVE_INFINITY;

/**
 * Every model that answers a select question, best first (pure). order=rank: tier (flagship, fast, legacy),
 * then the place in its provider's ranking, then the order of `providers` (else the usual provider order);
 * order=price: input price, then output price, ascending, ties by rank.
 */
export function selectModels(q: SelectQuery, models: readonly ModelRow[], now: Date, rules: CompiledRules = getRules()): ModelRow[] {
  const eligible = models.filter((m) => isSelectable(m, q, now) && unmetConstraints(m, q).length === 0);
  const positions = providerPositions(eligible, rules);
  const providerOrder: readonly Provider[] = q.providers ?? PROVIDERS;
  const byRank = (a: ModelRow, b: ModelRow) =>
    TIERS.indexOf(a.model_type) - TIERS.indexOf(b.model_type) ||
    positions.get(a)! - positions.get(b)! ||
    providerOrder.indexOf(a.provider) - providerOrder.indexOf(b.provider);
  const byPrice = (a: ModelRow, b: ModelRow) =>
    priceKey(a.pricing.input_per_mtok) - priceKey(b.pricing.input_per_mtok) ||
    priceKey(a.pricing.output_per_mtok) - priceKey(b.pricing.output_per_mtok) ||
    byRank(a, b);
  return eligible.sort(q.order === "price" ? byPrice : byRank);
}

import type { DefaultTier, Provider, Tier } from "@/lib/domain";
import { compareVersions } from "@/lib/discovery/classify";

/** What ranking and default choice need to know of one model (registry row or listed newcomer). */
export interface RankedEntry {
  ref: string;
  provider: Provider;
  model_name: string;
  tier: Tier;
  line: string | null;
  version: number[];
  preference: number;
  stamp: string | null;
  release_date: string | null;
  is_active: boolean;
  needs_review: boolean;
  is_preview: boolean;
  shutdown_date: string | null;
  /** Pinned, admin-classified or not listed this run: demotion leaves its tier alone. */
  locked: boolean;
}

/** Plain code-unit order (stamps and dates sort this way; far cheaper than localeCompare). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type RankOrder = readonly ("version" | "preference")[];

/** Orders two models of one tier: >0 when a ranks higher (newer generation, preferred line, newer snapshot). */
export function compareRank(a: RankedEntry, b: RankedEntry, order: RankOrder): number {
  for (const field of order) {
    const d = field === "version" ? compareVersions(a.version, b.version) : a.preference - b.preference;
    if (d !== 0) return d;
  }
  return (
    compareText(a.stamp ?? "", b.stamp ?? "") ||
    compareText(a.release_date ?? "", b.release_date ?? "") ||
    compareText(b.model_name, a.model_name)
  );
}

/** True when the model shuts down within the guard window (or already has). */
export function shutsDownSoon(shutdown: string | null, now: Date, guardDays: number): boolean {
  if (!shutdown) return false;
  return Date.parse(`${shutdown}T00:00:00Z`) - now.getTime() < guardDays * 86_400_000;
}

export interface EligibilityOptions {
  allowPreview: boolean;
  now: Date;
  guardDays: number;
}

/** Whether a model may become a default: active, reviewed, not a preview (unless allowed), not shutting down. */
export function isDefaultEligible(e: RankedEntry, o: EligibilityOptions): boolean {
  return e.is_active && !e.needs_review && (o.allowPreview || !e.is_preview) && !shutsDownSoon(e.shutdown_date, o.now, o.guardDays);
}

/** The best-ranked eligible model of a tier, or undefined when none qualifies. */
export function pickDefault<E extends RankedEntry>(
  entries: readonly E[],
  tier: DefaultTier,
  order: RankOrder,
  o: EligibilityOptions,
): E | undefined {
  let best: E | undefined;
  for (const e of entries) {
    if (e.tier !== tier || !isDefaultEligible(e, o)) continue;
    if (!best || compareRank(e, best, order) > 0) best = e;
  }
  return best;
}

/**
 * Refs of flagship/fast models that a newer generation of their line supersedes: an active, reviewed,
 * non-preview model of the same line, not about to shut down, with a higher version. Locked models keep their tier.
 */
export function supersededRefs(entries: readonly RankedEntry[], now: Date, guardDays: number): Set<string> {
  const newest = new Map<string, number[]>();
  for (const e of entries) {
    if (!e.line || !e.is_active || e.needs_review || e.is_preview || e.tier === "legacy") continue;
    if (shutsDownSoon(e.shutdown_date, now, guardDays)) continue;
    const cur = newest.get(e.line);
    if (!cur || compareVersions(e.version, cur) > 0) newest.set(e.line, e.version);
  }
  const out = new Set<string>();
  for (const e of entries) {
    if (!e.line || e.locked || e.tier === "legacy") continue;
    const top = newest.get(e.line);
    if (top && compareVersions(top, e.version) > 0) out.add(e.ref);
  }
  return out;
}

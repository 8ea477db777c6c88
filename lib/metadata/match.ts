import type { Provider } from "@/lib/domain";
import type { MetadataSource, ModelFacts } from "./types";

/** One source's facts, indexed once per document so matching thousands of ids costs a few map look-ups each. */
export interface FactsIndex {
  source: MetadataSource;
  as_of: string;
  size: number;
  byKey: ReadonlyMap<string, ModelFacts>;
}

/** A model the way discovery knows it: its provider, the id it was listed under, and the registry's aliases. */
export interface ModelQuery {
  provider: Provider;
  id: string;
  aliases?: readonly string[];
}

export type MatchedBy = "exact" | "snapshot" | "alias" | "alias_snapshot";

export interface FactsMatch {
  facts: ModelFacts;
  /** How the entry was found, and under which id: for the run log and for reviewing a match. */
  matched_by: MatchedBy;
  matched_id: string;
}

const keyOf = (provider: Provider, id: string) => `${provider}\u0000${id}`;

/** Builds the index of one source's facts; a later duplicate of the same provider and id is ignored. */
export function buildFactsIndex(source: MetadataSource, asOf: string, facts: readonly ModelFacts[]): FactsIndex {
  const byKey = new Map<string, ModelFacts>();
  for (const f of facts) {
    const key = keyOf(f.provider, f.model_id);
    if (!byKey.has(key)) byKey.set(key, f);
  }
  return { source, as_of: asOf, size: byKey.size, byKey };
}

// Each provider's own dated-snapshot suffix, and nothing looser: gpt-5-mini must never fall back to gpt-5.
const SNAPSHOT_SUFFIX: Record<Provider, RegExp> = {
  openai: /-\d{4}-\d{2}-\d{2}$/, // gpt-5-2025-08-07
  anthropic: /-\d{8}$/, // claude-sonnet-4-5-20250929
  google: /-\d{3}$/, // gemini-2.0-flash-001
  mistral: /-\d{4}$/, // mistral-large-2411
};

/** A listed id as the catalogs key it: Gemini's `models/` prefix removed. */
export function bareId(provider: Provider, id: string): string {
  return provider === "google" && id.startsWith("models/") ? id.slice("models/".length) : id;
}

/** The id without its dated snapshot suffix, or null when it has none. */
export function withoutSnapshot(provider: Provider, id: string): string | null {
  const stripped = id.replace(SNAPSHOT_SUFFIX[provider], "");
  return stripped !== id && stripped.length > 0 ? stripped : null;
}

/** The ids to try, in order: exact, without snapshot suffix, each alias, each alias without its suffix. */
export function candidateIds(query: ModelQuery): { id: string; by: MatchedBy }[] {
  const own = bareId(query.provider, query.id);
  const out: { id: string; by: MatchedBy }[] = [{ id: own, by: "exact" }];
  const ownStripped = withoutSnapshot(query.provider, own);
  if (ownStripped) out.push({ id: ownStripped, by: "snapshot" });
  const aliases = (query.aliases ?? []).map((a) => bareId(query.provider, a));
  for (const a of aliases) out.push({ id: a, by: "alias" });
  for (const a of aliases) {
    const s = withoutSnapshot(query.provider, a);
    if (s) out.push({ id: s, by: "alias_snapshot" });
  }
  return out;
}

/** The source's entry for a listed model, by exact id, snapshot suffix or alias; null when nothing matches exactly. */
export function matchFacts(index: FactsIndex, query: ModelQuery): FactsMatch | null {
  for (const c of candidateIds(query)) {
    const facts = index.byKey.get(keyOf(query.provider, c.id));
    if (facts) return { facts, matched_by: c.by, matched_id: c.id };
  }
  return null;
}

import type { Provider, Tier } from "@/lib/domain";
import { getRules, type CompiledRules } from "./rules-schema";

/** What the rules say about one model id. */
export interface Classification {
  tier: Tier;
  family: string | null;
  /** What a newer generation supersedes (see rules.json). */
  line: string | null;
  /** Parsed version parts ("4-5" → [4, 5]); [] when the name carries none. */
  version: number[];
  preference: number;
  /** False when no rule matched: the tier is a guess and the model needs an admin's review. */
  recognised: boolean;
  rule: number | null;
  is_preview: boolean;
}

/** Splits an id into its snapshot group key and its snapshot stamp (gpt-5-2025-08-07 → gpt-5, 2025-08-07). */
export function snapshotKey(provider: Provider, id: string, rules: CompiledRules = getRules()): { key: string; stamp: string | null } {
  const pr = rules.providers[provider];
  const lower = id.toLowerCase();
  if (pr.stableSuffix && lower.endsWith(pr.stableSuffix)) return { key: lower.slice(0, -pr.stableSuffix.length), stamp: null };
  const m = pr.snapshot.exec(lower);
  if (m && m.index > 0) return { key: lower.slice(0, m.index), stamp: m[1] ?? m[0] };
  return { key: lower, stamp: null };
}

export function parseVersion(text: string | undefined): number[] {
  if (!text) return [];
  return text.split(/[.-]/).filter(Boolean).map(Number).filter(Number.isFinite);
}

/** Compares two parsed versions part by part: >0 when a is newer. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function fill(template: string, groups: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => groups[name] ?? "").replace(/-+$/, "");
}

/**
 * Classifies a model id by the provider's ordered rules (first match wins), on its snapshot group key.
 * An unrecognised chat model gets a best-guess tier and recognised=false: it goes to review, never default.
 */
export function classifyName(provider: Provider, id: string, rules: CompiledRules = getRules()): Classification {
  const { key } = snapshotKey(provider, id, rules);
  const is_preview = rules.preview.test(key);
  for (const rule of rules.providers[provider].rules) {
    const m = rule.regex.exec(key);
    if (!m) continue;
    const groups = m.groups ?? {};
    const family = fill(rule.family, groups);
    return {
      tier: rule.tier,
      family,
      line: rule.line ? fill(rule.line, groups) : family,
      version: parseVersion(groups.version),
      preference: rule.preference,
      recognised: true,
      rule: rule.index,
      is_preview,
    };
  }
  return {
    tier: rules.fastGuess.test(key) ? "fast" : "flagship",
    family: null,
    line: null,
    version: [],
    preference: 0,
    recognised: false,
    rule: null,
    is_preview,
  };
}

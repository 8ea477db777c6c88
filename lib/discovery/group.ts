import type { Provider } from "@/lib/domain";
import { snapshotKey } from "./classify";
import { compareText } from "@/lib/registry/rank";
import { getRules, type CompiledRules } from "./rules-schema";
import type { ProviderModel } from "./types";

/** One model as the registry sees it: a stable alias and its dated snapshots folded together. */
export interface ListedGroup {
  provider: Provider;
  /** The snapshot group key (gpt-5 for gpt-5-2025-08-07). */
  key: string;
  /** The registry name: the listed stable alias, else the newest snapshot. */
  id: string;
  /** Every listed id and alias of the group, the preferred one first. */
  ids: string[];
  /** Newest snapshot stamp of the group, if any (a tie-breaker in ranking). */
  stamp: string | null;
  /** The preferred member's facts, gaps filled from the other members. */
  model: ProviderModel;
}

/**
 * Folds a provider's chat models into snapshot groups (gpt-5 with gpt-5-2025-08-07; claude-sonnet-4-5-20250929
 * under claude-sonnet-4-5; mistral-large-2411 with mistral-large-latest).
 */
export function groupListing(provider: Provider, models: readonly ProviderModel[], rules: CompiledRules = getRules()): ListedGroup[] {
  const pr = rules.providers[provider];
  const byKey = new Map<string, ProviderModel[]>();
  const keyOf = new Map<ProviderModel, string>();
  for (const m of models) {
    // A model's aliases may name another key (Mistral lists aliases per entry): join on the first known one.
    const keys = [m.id, ...m.aliases].map((id) => snapshotKey(provider, id, rules).key);
    const key = keys.find((k) => byKey.has(k)) ?? keys[0];
    keyOf.set(m, key);
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }
  const groups: ListedGroup[] = [];
  for (const [key, members] of byKey) {
    const all = new Set<string>();
    for (const m of members) for (const id of [m.id, ...m.aliases]) all.add(id);
    const stamped = [...all]
      .map((id) => ({ id, stamp: snapshotKey(provider, id, rules).stamp }))
      .sort((a, b) => compareText(b.stamp ?? "", a.stamp ?? "") || compareText(a.id, b.id));
    const stable = [...all].find((id) => id.toLowerCase() === key + pr.stableSuffix);
    const id = stable ?? stamped.find((s) => s.stamp)?.id ?? stamped[0].id;
    const newestStamp = stamped.find((s) => s.stamp)?.stamp ?? null;
    const preferred = members.find((m) => m.id === id) ?? members.find((m) => m.aliases.includes(id)) ?? members[0];
    groups.push({
      provider,
      key,
      id,
      ids: [id, ...[...all].filter((x) => x !== id)],
      stamp: newestStamp,
      model: mergeFacts(preferred, members),
    });
  }
  return groups;
}

function mergeFacts(preferred: ProviderModel, members: readonly ProviderModel[]): ProviderModel {
  const others = members.filter((m) => m !== preferred);
  const pick = <K extends keyof ProviderModel>(k: K): ProviderModel[K] =>
    preferred[k] ?? others.map((m) => m[k]).find((v) => v !== null && v !== undefined) ?? preferred[k];
  return {
    ...preferred,
    display_name: pick("display_name"),
    release_date: pick("release_date"),
    input_token_limit: pick("input_token_limit"),
    output_token_limit: pick("output_token_limit"),
    shutdown_date: pick("shutdown_date"),
    capabilities: Object.assign({}, ...others.map((m) => m.capabilities), preferred.capabilities),
  };
}

import type { Provider } from "@/lib/domain";
import { snapshotKey } from "./classify";
import { compareText } from "@/lib/registry/rank";
import { getRules, type CompiledRules } from "./rules-schema";
import type { ProviderModel } from "./types";
import { appendTo } from "@/lib/collections";

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
  /** A dated snapshot with a lifecycle of its own, split from its alias group: matched by its own ids only. */
  split: boolean;
}

/** Whether two listed models retire alike: same shutdown date and same stated successor. */
function sameLifecycle(a: ProviderModel, b: ProviderModel): boolean {
  return a.shutdown_date === b.shutdown_date && a.successor === b.successor;
}

/**
 * Folds a provider's chat models into snapshot groups (gpt-5 with gpt-5-2025-08-07; claude-sonnet-4-5-20250929
 * under claude-sonnet-4-5; mistral-large-2411 with mistral-large-latest). A snapshot whose shutdown date or
 * successor differs from its group's preferred member is a group of its own (gpt-4o-2024-05-13 retires
 * before gpt-4o does), so one row never carries another's lifecycle.
 */
export function groupListing(provider: Provider, models: readonly ProviderModel[], rules: CompiledRules = getRules()): ListedGroup[] {
  const groups: ListedGroup[] = [];
  for (const [key, members] of byGroupKey(provider, models, rules)) {
    const whole = foldGroup(provider, key, members, rules);
    const { preferred } = whole;
    const apart = members.filter((m) => m !== preferred && !sameLifecycle(m, preferred));
    // Nothing split off (nearly every group): the fold of all members is the group.
    const kept = apart.length === 0 ? whole.group : foldGroup(provider, key, members.filter((m) => !apart.includes(m)), rules, new Set(apart.map((m) => m.id))).group;
    groups.push(kept);
    const claimed = new Set(kept.ids);
    for (const m of apart) groups.push(splitGroup(provider, key, m, claimed, rules));
  }
  return groups;
}

/** A split snapshot as its own group: its id and the aliases its alias group does not claim. */
function splitGroup(provider: Provider, key: string, m: ProviderModel, claimed: Set<string>, rules: CompiledRules): ListedGroup {
  const ids = [m.id, ...m.aliases.filter((a) => a !== m.id && !claimed.has(a))];
  return { provider, key, id: m.id, ids, stamp: snapshotKey(provider, m.id, rules).stamp, model: { ...m, aliases: ids.slice(1) }, split: true };
}

function byGroupKey(provider: Provider, models: readonly ProviderModel[], rules: CompiledRules): Map<string, ProviderModel[]> {
  const byKey = new Map<string, ProviderModel[]>();
  for (const m of models) {
    // A model's aliases may name another key (Mistral lists aliases per entry): join on the first known one.
    const keys = [m.id, ...m.aliases].map((id) => snapshotKey(provider, id, rules).key);
    const key = keys.find((k) => byKey.has(k)) ?? keys[0];
    appendTo(byKey, key, m);
  }
  return byKey;
}

/** One snapshot group from its members (leaving out ids split off): the name, every id, newest stamp, merged facts. */
function foldGroup(
  provider: Provider,
  key: string,
  members: ProviderModel[],
  rules: CompiledRules,
  leaveOut: ReadonlySet<string> = new Set(),
): { group: ListedGroup; preferred: ProviderModel } {
  const pr = rules.providers[provider];
  const all = new Set<string>();
  for (const m of members) for (const id of [m.id, ...m.aliases]) if (!leaveOut.has(id)) all.add(id);
  const stamped = [...all]
    .map((id) => ({ id, stamp: snapshotKey(provider, id, rules).stamp }))
    .sort((a, b) => compareText(b.stamp ?? "", a.stamp ?? "") || compareText(a.id, b.id));
  const stable = [...all].find((id) => id.toLowerCase() === key + pr.stableSuffix);
  const id = stable ?? stamped.find((s) => s.stamp)?.id ?? stamped[0].id;
  const newestStamp = stamped.find((s) => s.stamp)?.stamp ?? null;
  const preferred = members.find((m) => m.id === id) ?? members.find((m) => m.aliases.includes(id)) ?? members[0];
  const ids = [id, ...[...all].filter((x) => x !== id)];
  return { group: { provider, key, id, ids, stamp: newestStamp, model: mergeFacts(preferred, members), split: false }, preferred };
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
    // The lifecycle is the preferred member's own: members that differ were split off.
    shutdown_date: preferred.shutdown_date,
    successor: preferred.successor,
    capabilities: Object.assign({}, ...others.map((m) => m.capabilities), preferred.capabilities),
  };
}

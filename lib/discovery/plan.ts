import { createHash } from "node:crypto";
import { findCatalogModel } from "@/lib/catalog";
import type { Provider } from "@/lib/domain";
import type { ModelRow } from "@/lib/db/model-row";
import type { RunWarning } from "@/lib/db/run-log";
import { applyPolicy, emptyPolicyState, isDeadDefault, type PolicyState, type PolicyWrites } from "@/lib/registry/apply-policy";
import { chooseDefaults } from "@/lib/registry/choose-defaults";
import { supersededRefs } from "@/lib/registry/rank";
import { toRankedEntry, type SlotEntry } from "@/lib/registry/ranked-entry";
import type { DefaultChange, DefaultSettings } from "@/lib/registry/types";
import { splitChatModels } from "./chat-filter";
import { classifyName } from "./classify";
import { isAdminClassified, valuesFor, type CatalogLookup, type ModelValues } from "./enrich";
import { groupListing, type ListedGroup } from "./group";
import { getRules, type CompiledRules } from "./rules-schema";
import type { ProviderListing } from "./types";

export interface ModelRef {
  id: string;
  provider: Provider;
  model_name: string;
}

/** What one run will change, computed without touching the database. */
export interface ChangePlan {
  adds: ModelValues[];
  /** Listed models already in the registry (reactivated ones included), with their new values. */
  refreshes: (ModelValues & { id: string })[];
  /** Listed, active models whose values did not change: only their last_validated_at moves. */
  unchanged: string[];
  reactivations: ModelRef[];
  deactivations: ModelRef[];
  /** Default slots whose model changes, in the order they are applied. */
  defaultChanges: DefaultChange[];
  /** Pending changes the slots' promotion policies open or close (lib/registry/apply-policy.ts). */
  pending: PolicyWrites;
  warnings: RunWarning[];
  setAside: { provider: Provider; id: string; reason: string }[];
  /** Every model the providers listed (chat or not). */
  discovered: number;
}

export interface PlanInput {
  registry: readonly ModelRow[];
  /** Successful, complete listings only: a failed provider's models are not touched. */
  listings: readonly ProviderListing[];
  settings?: DefaultSettings;
  now: Date;
  rules?: CompiledRules;
  catalog?: CatalogLookup;
  /** Slot policies and pending changes (default: every slot auto). */
  policy?: PolicyState;
  /** `provider/model` of candidates that failed their probe: never promoted in this plan. */
  blocked?: ReadonlySet<string>;
}

interface Entry extends SlotEntry {
  row?: ModelRow;
  values?: ModelValues;
}

/** Assigns each listed group at most one registry row: exact name first, then a listed id, the key, an alias. */
function matchRows(groups: ListedGroup[], rows: readonly ModelRow[], stableSuffix: string): Map<ListedGroup, ModelRow> {
  const index = (keys: (r: ModelRow) => string[]) => {
    const m = new Map<string, ModelRow[]>();
    for (const r of rows) for (const k of keys(r)) m.set(k, [...(m.get(k) ?? []), r]);
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
  const out = new Map<ListedGroup, ModelRow>();
  const taken = new Set<string>();
  candidates.forEach((keysOf, i) => {
    for (const g of groups) {
      if (out.has(g)) continue;
      const r = keysOf(g).flatMap((k) => maps[i].get(k) ?? []).find((row) => !taken.has(row.id));
      if (r) {
        out.set(g, r);
        taken.add(r.id);
      }
    }
  });
  return out;
}

/** JSON with object keys sorted, so equal values hash equally whatever order they were built in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Stamps a model's values with a hash of them, so the next run can skip rewriting an unchanged row. */
function withFingerprint(values: ModelValues): ModelValues {
  const fingerprint = createHash("sha1").update(canonicalJson(values)).digest("base64url");
  return { ...values, metadata: { ...values.metadata, fingerprint } };
}

/**
 * Computes a run's changes from the registry and the successful listings (pure): adds, refreshes,
 * reactivations, deactivations (unless more than half of a provider's active models vanished), and the
 * default of each unpinned (provider, flagship|fast) slot.
 */
export function planChanges(input: PlanInput): ChangePlan {
  const rules = input.rules ?? getRules();
  const lookup = input.catalog ?? findCatalogModel;
  const plan: ChangePlan = { adds: [], refreshes: [], unchanged: [], reactivations: [], deactivations: [], defaultChanges: [], pending: { opened: [], closed: [] }, warnings: [], setAside: [], discovered: 0 };
  for (const listing of input.listings) {
    const provider = listing.provider;
    const pr = rules.providers[provider];
    plan.discovered += listing.models.length;
    const { chat, setAside } = splitChatModels(listing.models, rules);
    plan.setAside.push(...setAside);
    const groups = groupListing(provider, chat, rules);
    const rows = input.registry.filter((r) => r.provider === provider);
    const matched = matchRows(groups, rows, pr.stableSuffix);
    const meta = { rankOrder: pr.rankOrder, rulesVersion: rules.version };

    const entries: Entry[] = groups.map((g) => {
      const row = matched.get(g);
      const cls = classifyName(provider, g.key, rules);
      const values = valuesFor(g, cls, row, lookup, meta);
      return {
        ref: row?.id ?? `new:${values.model_name}`, provider, model_name: values.model_name, tier: values.model_type,
        line: cls.line, version: cls.version, preference: cls.preference, stamp: g.stamp, release_date: values.release_date,
        is_active: true, needs_review: values.needs_review, is_preview: values.is_preview, shutdown_date: values.shutdown_date,
        locked: !!row?.is_pinned || isAdminClassified(row) || !cls.recognised, row, values,
        holds: row?.is_default && row.model_type !== "legacy" ? row.model_type : null, pinned: !!row?.is_pinned,
      };
    });

    // Rows this listing no longer names: deactivated, unless that is most of the provider's active models.
    const listedIds = new Set([...matched.values()].map((r) => r.id));
    const missing = rows.filter((r) => r.is_active && !listedIds.has(r.id));
    const activeBefore = rows.filter((r) => r.is_active).length;
    const keepMissing = missing.length > 0 && missing.length > activeBefore / 2;
    if (keepMissing) {
      plan.warnings.push({
        source: provider,
        message: `${missing.length} of ${activeBefore} active models are missing from the listing; kept them active (suspect listing)`,
      });
    }
    for (const r of rows.filter((row) => !listedIds.has(row.id))) {
      const e: Entry = { ...toRankedEntry(r, rules), row: r };
      if (r.is_active && !keepMissing) {
        e.is_active = false;
        plan.deactivations.push({ id: r.id, provider, model_name: r.model_name });
      }
      entries.push(e);
    }

    // Newer generations supersede older ones of the same line.
    const byRef = new Map(entries.map((e) => [e.ref, e]));
    for (const ref of supersededRefs(entries, input.now, rules.shutdownGuardDays)) {
      const e = byRef.get(ref)!;
      e.tier = "legacy";
      if (e.values) e.values.model_type = "legacy";
    }

    const candidates = input.blocked?.size ? entries.filter((e) => e.holds || !input.blocked!.has(`${provider}/${e.model_name}`)) : entries;
    const { changes, kept } = chooseDefaults(candidates, input.settings ?? {}, input.now, { providers: [provider], rules });
    const holder = (tier: string) => entries.find((e) => e.holds === tier);
    const decided = applyPolicy(changes, input.policy ?? emptyPolicyState(), { now: input.now, providers: [provider], dead: (_, tier) => isDeadDefault(holder(tier), input.now) });
    // A pinned default, one nothing better replaces, or one whose replacement is pending, keeps its slot.
    for (const e of [...kept, ...decided.deferred.map((c) => holder(c.model_type)!)]) e.tier = e.holds!;
    plan.defaultChanges.push(...decided.moves);
    plan.pending.opened.push(...decided.opened);
    plan.pending.closed.push(...decided.closed);

    const takenNames = new Set(rows.map((r) => r.model_name));
    for (const e of entries) {
      if (!e.values) continue;
      if (e.row) {
        const values = withFingerprint({ ...e.values, model_type: e.tier });
        if (e.row.is_active && e.row.metadata.fingerprint === values.metadata.fingerprint) plan.unchanged.push(e.row.id);
        else plan.refreshes.push({ ...values, id: e.row.id });
        if (!e.row.is_active) plan.reactivations.push({ id: e.row.id, provider, model_name: e.row.model_name });
      } else {
        // Two listed groups naming one model would break the unique (provider, model_name): keep the first.
        if (takenNames.has(e.values.model_name)) {
          plan.warnings.push({ source: provider, message: `${e.values.model_name} is listed under two names; kept one entry` });
          continue;
        }
        takenNames.add(e.values.model_name);
        plan.adds.push(withFingerprint({ ...e.values, model_type: e.tier }));
      }
    }
  }
  return plan;
}

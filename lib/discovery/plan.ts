import { createHash } from "node:crypto";
import { findCatalogModel } from "@/lib/catalog";
import { DEFAULT_TIERS, type DefaultTier, type Provider } from "@/lib/domain";
import type { ModelRow } from "@/lib/db/models-repo";
import { splitChatModels } from "./chat-filter";
import { classifyName, snapshotKey, type Classification } from "./classify";
import { isAdminClassified, valuesFor, type CatalogLookup, type ModelValues } from "./enrich";
import { groupListing, type ListedGroup } from "./group";
import { pickDefault, supersededRefs, type RankedEntry } from "./rank";
import { getRules, type CompiledRules } from "./rules-schema";
import type { ProviderListing } from "./types";

export interface ModelRef {
  id: string;
  provider: Provider;
  model_name: string;
}

export interface DefaultChange {
  provider: Provider;
  model_type: DefaultTier;
  /** Registry id of the old default (cleared first), null when the slot was empty. */
  from_id: string | null;
  from: string | null;
  /** Name of the new default (possibly a model this plan adds), null when the slot empties. */
  to: string | null;
  reason: string;
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
  warnings: string[];
  setAside: { provider: Provider; id: string; reason: string }[];
  /** Every model the providers listed (chat or not). */
  discovered: number;
}

export interface PlanInput {
  registry: readonly ModelRow[];
  /** Successful, complete listings only: a failed provider's models are not touched. */
  listings: readonly ProviderListing[];
  settings?: Partial<Record<Provider, { allow_preview_defaults: boolean }>>;
  now: Date;
  rules?: CompiledRules;
  catalog?: CatalogLookup;
}

interface Entry extends RankedEntry {
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

function rowEntry(row: ModelRow, cls: Classification, stamp: string | null): Entry {
  return {
    ref: row.id, provider: row.provider, model_name: row.model_name, tier: row.model_type, line: cls.line,
    version: cls.version, preference: cls.preference, stamp, release_date: row.release_date,
    is_active: row.is_active, needs_review: row.needs_review, is_preview: row.is_preview,
    shutdown_date: row.shutdown_date, locked: true, row,
  };
}

/**
 * Computes a run's changes from the registry and the successful listings (pure): adds, refreshes,
 * reactivations, deactivations (unless more than half of a provider's active models vanished), and the
 * default of each unpinned (provider, flagship|fast) slot.
 */
export function planChanges(input: PlanInput): ChangePlan {
  const rules = input.rules ?? getRules();
  const lookup = input.catalog ?? findCatalogModel;
  const plan: ChangePlan = { adds: [], refreshes: [], unchanged: [], reactivations: [], deactivations: [], defaultChanges: [], warnings: [], setAside: [], discovered: 0 };
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
      };
    });

    // Rows this listing no longer names: deactivated, unless that is most of the provider's active models.
    const listedIds = new Set([...matched.values()].map((r) => r.id));
    const missing = rows.filter((r) => r.is_active && !listedIds.has(r.id));
    const activeBefore = rows.filter((r) => r.is_active).length;
    const keepMissing = missing.length > 0 && missing.length > activeBefore / 2;
    if (keepMissing) {
      plan.warnings.push(
        `${provider}: ${missing.length} of ${activeBefore} active models are missing from the listing; kept them active (suspect listing)`,
      );
    }
    for (const r of rows.filter((row) => !listedIds.has(row.id))) {
      const { key, stamp } = snapshotKey(provider, r.model_name, rules);
      const e = rowEntry(r, classifyName(provider, key, rules), stamp);
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

    planDefaults(provider, entries, rows, input, rules, plan);

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
          plan.warnings.push(`${provider}: ${e.values.model_name} is listed under two names; kept one entry`);
          continue;
        }
        takenNames.add(e.values.model_name);
        plan.adds.push(withFingerprint({ ...e.values, model_type: e.tier }));
      }
    }
  }
  return plan;
}

function planDefaults(
  provider: Provider,
  entries: Entry[],
  rows: readonly ModelRow[],
  input: PlanInput,
  rules: CompiledRules,
  plan: ChangePlan,
): void {
  const opts = {
    allowPreview: input.settings?.[provider]?.allow_preview_defaults ?? false,
    now: input.now,
    guardDays: rules.shutdownGuardDays,
  };
  for (const tier of DEFAULT_TIERS) {
    const current = rows.find((r) => r.is_default && r.model_type === tier);
    const currentEntry = current ? entries.find((e) => e.ref === current.id) : undefined;
    const stillActive = !!currentEntry?.is_active;
    if (current?.is_pinned && stillActive) {
      currentEntry!.tier = tier; // the admin's pin holds its slot
      continue;
    }
    const best = pickDefault(entries, tier, rules.providers[provider].rankOrder, opts);
    if (!best && stillActive) {
      currentEntry!.tier = tier; // nothing better qualifies: keep what callers already use
      continue;
    }
    if (best && current && best.ref === current.id) continue;
    const reason = !current
      ? "run: slot had no default"
      : !stillActive
        ? `run: ${current.model_name} is no longer listed${current.is_pinned ? " (was pinned)" : ""}`
        : currentEntry!.tier !== tier
          ? `run: ${current.model_name} was superseded by a newer generation`
          : best
            ? `run: ${best.model_name} ranks higher`
            : "run: no eligible model";
    if (!best && !current) continue;
    plan.defaultChanges.push({
      provider, model_type: tier, from_id: current?.id ?? null, from: current?.model_name ?? null,
      to: best?.model_name ?? null, reason,
    });
  }
}

import { findCatalogModel } from "@/lib/catalog";
import type { DefaultTier, Provider } from "@/lib/domain";
import type { PlanRow } from "@/lib/db/model-row";
import type { ListedRefresh } from "@/lib/db/models-repo";
import type { RunWarning } from "@/lib/db/run-log";
import { applyPolicy, emptyPolicyState, isDeadDefault, type PolicyState, type PolicyWrites } from "@/lib/registry/apply-policy";
import { chooseDefaults } from "@/lib/registry/choose-defaults";
import { isShutDown, shutdownReason, VANISHED_REASON } from "@/lib/registry/lifecycle";
import { supersededRefs } from "@/lib/registry/rank";
import { toRankedEntry, type SlotEntry } from "@/lib/registry/ranked-entry";
import type { DefaultChange, DefaultSettings } from "@/lib/registry/types";
import { aliasMove } from "./alias-moves";
import { splitChatModels } from "./chat-filter";
import { classifyName } from "./classify";
import { noFacts, type MetadataFacts, type MetadataSource } from "@/lib/metadata";
import { isAdminClassified, valuesFor, type CatalogLookup, type ModelValues } from "./enrich";
import { groupListing } from "./group";
import { matchRows, withFingerprint } from "./match";
import { getRules, type CompiledRules } from "./rules-schema";
import type { ProviderListing } from "./types";
import { judgeVanished, type SuspectListing } from "./vanish-guard";

export type { SuspectListing } from "./vanish-guard";

export interface ModelRef {
  id: string;
  provider: Provider;
  model_name: string;
}

/** A model going inactive in this run, and why ("no longer listed", "shut down on <date>"). */
export interface Deactivation extends ModelRef {
  reason: string;
}

/** A new model's values, inactive from the start when its shutdown date has already passed. */
export type PlannedAdd = ModelValues & { is_active: boolean; deactivation_reason: string | null };

/** What one run will change, computed without touching the database. */
export interface ChangePlan {
  adds: PlannedAdd[];
  /** Listed models already in the registry (reactivated and retired ones included), with their new values. */
  refreshes: ListedRefresh[];
  /** Listed, active models whose values did not change: only their last_validated_at moves. */
  unchanged: string[];
  reactivations: ModelRef[];
  /** Models no longer listed, and models whose shutdown date has passed (listed or not). */
  deactivations: Deactivation[];
  /** Listings the vanish guard held: nothing of them was deactivated. */
  suspect: SuspectListing[];
  /** Default slots whose model changes, in the order they are applied. */
  defaultChanges: DefaultChange[];
  /** Pending changes the slots' promotion policies open or close (lib/registry/apply-policy.ts). */
  pending: PolicyWrites;
  warnings: RunWarning[];
  setAside: { provider: Provider; id: string; reason: string }[];
  /** Every model the providers listed (chat or not). */
  discovered: number;
  /** The providers whose complete listing this plan read. */
  listed: Provider[];
}

export interface PlanInput {
  registry: readonly PlanRow[];
  /** Successful, complete listings only: a failed provider's models are not touched. */
  listings: readonly ProviderListing[];
  settings?: DefaultSettings;
  now: Date;
  rules?: CompiledRules;
  catalog?: CatalogLookup;
  /** The metadata sources' facts (none when omitted) and the sources that could not be read at all. */
  metadata?: { facts: MetadataFacts; unavailable: ReadonlySet<MetadataSource> };
  /** Per provider, the missing models of its held listing that waits for an admin (the vanish guard keeps it). */
  held?: Partial<Record<Provider, readonly string[]>>;
  /** Slot policies and pending changes (default: every slot auto). */
  policy?: PolicyState;
  /** `provider/model` of candidates that failed their probe: never promoted in this plan. */
  blocked?: ReadonlySet<string>;
}

interface Entry extends SlotEntry {
  row?: PlanRow;
  values?: ModelValues;
  /** Why it goes inactive in this run, if it does. */
  deactivation?: string;
}

/**
 * Computes a run's changes from the registry and the successful listings (pure): adds, refreshes,
 * reactivations, retirements (a shutdown date that has passed retires a model even while it is listed),
 * deactivations (unless the vanish guard holds the listing), and the default of each unpinned slot.
 */
export function planChanges(input: PlanInput): ChangePlan {
  const rules = input.rules ?? getRules();
  const plan: ChangePlan = { adds: [], refreshes: [], unchanged: [], reactivations: [], deactivations: [], suspect: [], defaultChanges: [], pending: { opened: [], closed: [] }, warnings: [], setAside: [], discovered: 0, listed: input.listings.map((l) => l.provider) };
  for (const listing of input.listings) planProvider(plan, listing, input, rules);
  return plan;
}

/** One provider's part of the plan. */
function planProvider(plan: ChangePlan, listing: ProviderListing, input: PlanInput, rules: CompiledRules): void {
  const provider = listing.provider;
  plan.discovered += listing.models.length;
  const { chat, setAside } = splitChatModels(listing.models, rules);
  plan.setAside.push(...setAside);
  const groups = groupListing(provider, chat, rules);
  const rows = input.registry.filter((r) => r.provider === provider);
  const matched = matchRows(groups, rows, rules.providers[provider].stableSuffix);
  const run = { facts: input.metadata?.facts ?? noFacts(), unavailable: input.metadata?.unavailable ?? new Set<MetadataSource>(), now: input.now };
  const meta = { rankOrder: rules.providers[provider].rankOrder, rulesVersion: rules.version, run };
  const lookup = input.catalog ?? findCatalogModel;

  const entries: Entry[] = groups.map((g) => {
    const row = matched.get(g);
    const cls = classifyName(provider, g.key, rules);
    const values = valuesFor(g, cls, row, lookup, meta);
    const move = row && aliasMove(provider, row.model_name, row.aliases, [values.model_name, ...values.aliases], rules);
    if (move) plan.warnings.push(move);
    return {
      ref: row?.id ?? `new:${values.model_name}`, provider, model_name: values.model_name, tier: values.model_type,
      line: cls.line, version: cls.version, preference: cls.preference, stamp: g.stamp, release_date: values.release_date,
      is_active: true, needs_review: values.needs_review, is_preview: values.is_preview, shutdown_date: values.shutdown_date,
      locked: !!row?.is_pinned || isAdminClassified(row) || !cls.recognised, row, values,
      holds: row?.is_default && row.model_type !== "legacy" ? row.model_type : null, pinned: !!row?.is_pinned,
    };
  });
  const listedIds = new Set([...matched.values()].map((r) => r.id));
  entries.push(...unlistedEntries(plan, provider, rows, listedIds, input.held?.[provider] ?? [], rules));
  retireByDate(entries, input.now);
  for (const e of entries) {
    if (e.row?.is_active && e.deactivation) plan.deactivations.push({ id: e.row.id, provider, model_name: e.row.model_name, reason: e.deactivation });
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
  plan.warnings.push(...retiredDefaultWarnings(decided.moves, entries));
  writeEntries(plan, provider, entries, rows);
}

/** Registry rows the listing no longer names, as entries; the vanish guard decides which go inactive. */
function unlistedEntries(
  plan: ChangePlan,
  provider: Provider,
  rows: readonly PlanRow[],
  listedIds: Set<string>,
  heldIds: readonly string[],
  rules: CompiledRules,
): Entry[] {
  const unlisted = rows.filter((r) => !listedIds.has(r.id));
  const verdict = judgeVanished(provider, rows, unlisted.filter((r) => r.is_active), heldIds);
  if (verdict.suspect) plan.suspect.push(verdict.suspect);
  if (verdict.warning) plan.warnings.push(verdict.warning);
  const going = new Set(verdict.deactivate.map((r) => r.id));
  return unlisted.map((r) => ({
    ...toRankedEntry(r, rules),
    row: r,
    ...(going.has(r.id) ? { is_active: false, deactivation: VANISHED_REASON } : {}),
  }));
}

/** A model whose shutdown day has come is inactive, listed or not; the reason names the date. */
function retireByDate(entries: Entry[], now: Date): void {
  for (const e of entries) {
    const date = e.values ? e.values.shutdown_date : e.row?.shutdown_date;
    // An unlisted row that was already inactive keeps the reason it went with.
    if (!date || !isShutDown(date, now) || (!e.values && !e.row?.is_active)) continue;
    e.is_active = false;
    e.deactivation = shutdownReason(date);
  }
}

/** The run's warning for each slot whose default retired: where it moved, or that none is left. */
function retiredDefaultWarnings(changes: readonly DefaultChange[], entries: readonly Entry[]): RunWarning[] {
  const out: RunWarning[] = [];
  for (const c of changes) {
    const from = entries.find((e) => e.holds === c.model_type && e.model_name === c.from);
    if (!from?.deactivation?.startsWith("shut down")) continue;
    const tier = c.model_type as DefaultTier;
    out.push({
      source: c.provider,
      message: c.to
        ? `${c.from} ${from.deactivation}; the ${tier} default moved to ${c.to}`
        : `${c.from} ${from.deactivation} and no eligible ${tier} model is left; config answers fall back to the built-in default`,
    });
  }
  return out;
}

/** The listed entries as refreshes, touches, reactivations and adds. */
function writeEntries(plan: ChangePlan, provider: Provider, entries: readonly Entry[], rows: readonly PlanRow[]): void {
  const takenNames = new Set(rows.map((r) => r.model_name));
  for (const e of entries) {
    if (!e.values) continue;
    const values = withFingerprint({ ...e.values, model_type: e.tier });
    const lifecycle = { is_active: !e.deactivation, deactivation_reason: e.deactivation ?? null };
    if (e.row) {
      const same =
        e.row.is_active === lifecycle.is_active &&
        e.row.deactivation_reason === lifecycle.deactivation_reason &&
        e.row.metadata.fingerprint === values.metadata.fingerprint;
      if (same) plan.unchanged.push(e.row.id);
      else plan.refreshes.push({ ...values, ...lifecycle, id: e.row.id });
      if (!e.row.is_active && lifecycle.is_active) plan.reactivations.push({ id: e.row.id, provider, model_name: e.row.model_name });
      continue;
    }
    // Two listed groups naming one model would break the unique (provider, model_name): keep the first.
    if (takenNames.has(e.values.model_name)) {
      plan.warnings.push({ source: provider, message: `${e.values.model_name} is listed under two names; kept one entry` });
      continue;
    }
    takenNames.add(e.values.model_name);
    plan.adds.push({ ...values, ...lifecycle });
  }
}

// One provider's part of a run's plan (lib/discovery/plan.ts): its entries, their lifecycle, its slots, its writes.
import { findCatalogModel } from "@/lib/catalog";
import type { DefaultTier, Provider } from "@/lib/domain";
import type { PlanRow } from "@/lib/db/model-row";
import type { RunWarning } from "@/lib/db/run-log";
import { noFacts, type MetadataSource } from "@/lib/metadata";
import { applyPolicy, emptyPolicyState, isDeadDefault } from "@/lib/registry/apply-policy";
import { chooseDefaults } from "@/lib/registry/choose-defaults";
import { isShutDown, shutdownReason, VANISHED_REASON } from "@/lib/registry/lifecycle";
import { supersededRefs } from "@/lib/registry/rank";
import { toRankedEntry, type SlotEntry } from "@/lib/registry/ranked-entry";
import type { DefaultChange } from "@/lib/registry/types";
import { aliasMove } from "./alias-moves";
import { splitChatModels } from "./chat-filter";
import { classifyName } from "./classify";
import { isAdminClassified, valuesFor, type CatalogLookup, type ModelValues } from "./enrich";
import { groupListing, type ListedGroup } from "./group";
import { matchRows, stampFingerprint } from "./match";
import type { ChangePlan, PlanInput } from "./plan";
import type { CompiledRules } from "./rules-schema";
import type { ProviderListing } from "./types";
import { judgeVanished } from "./vanish-guard";

// Models planned between two pauses of planListingSteps (a caller may give the event loop a turn at each).
const STEP = 64;

interface Entry extends SlotEntry {
  row?: PlanRow;
  values?: ModelValues;
  /** Why it goes inactive in this run, if it does. */
  deactivation?: string;
}

/** Plans one provider's listing into `plan`, pausing (a yield) every STEP models: see planListing and planListingPausing. */
export function* planListingSteps(plan: ChangePlan, listing: ProviderListing, input: PlanInput, rules: CompiledRules): Generator<void, void, void> {
  const provider = listing.provider;
  plan.discovered += listing.models.length;
  const { chat, setAside } = splitChatModels(listing.models, rules);
  plan.setAside.push(...setAside);
  const groups = groupListing(provider, chat, rules);
  const rows = input.registry.filter((r) => r.provider === provider);
  const matched = matchRows(groups, rows, rules.providers[provider].stableSuffix);
  const run = { facts: input.metadata?.facts ?? noFacts(), unavailable: input.metadata?.unavailable ?? new Set<MetadataSource>(), now: input.now, statedAt: input.now.toISOString() };
  const meta = { rankOrder: rules.providers[provider].rankOrder, rulesVersion: rules.version, run };
  const lookup = input.catalog ?? findCatalogModel;

  const entries: Entry[] = [];
  for (const g of groups) {
    entries.push(listedEntry(plan, g, matched.get(g), { lookup, meta, rules }));
    if (entries.length % STEP === 0) yield;
  }
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
  yield* writeEntries(plan, provider, entries, rows);
}

/** A listed group as an entry: its values, and how the slots see it. */
function listedEntry(
  plan: ChangePlan,
  g: ListedGroup,
  row: PlanRow | undefined,
  ctx: { lookup: CatalogLookup; meta: Parameters<typeof valuesFor>[4]; rules: CompiledRules },
): Entry {
  const provider = g.provider;
  const cls = classifyName(provider, g.key, ctx.rules);
  const values = valuesFor(g, cls, row, ctx.lookup, ctx.meta);
  const move = row && aliasMove(provider, row.model_name, row.aliases, [values.model_name, ...values.aliases], ctx.rules);
  if (move) plan.warnings.push(move);
  return {
    ref: row?.id ?? `new:${values.model_name}`, provider, model_name: values.model_name, tier: values.model_type,
    line: cls.line, version: cls.version, preference: cls.preference, stamp: g.stamp, release_date: values.release_date,
    is_active: true, needs_review: values.needs_review, is_preview: values.is_preview, shutdown_date: values.shutdown_date,
    locked: !!row?.is_pinned || isAdminClassified(row) || !cls.recognised, row, values,
    holds: row?.is_default && row.model_type !== "legacy" ? row.model_type : null, pinned: !!row?.is_pinned,
  };
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
function* writeEntries(plan: ChangePlan, provider: Provider, entries: readonly Entry[], rows: readonly PlanRow[]): Generator<void, void, void> {
  const takenNames = new Set(rows.map((r) => r.model_name));
  let written = 0;
  for (const e of entries) {
    if (!e.values) continue;
    if (++written % STEP === 0) yield;
    // The entry's values are the plan's own (valuesFor made them): settled in place, not copied again.
    e.values.model_type = e.tier;
    const values = stampFingerprint(e.values);
    const lifecycle = { is_active: !e.deactivation, deactivation_reason: e.deactivation ?? null };
    if (e.row) {
      const same =
        e.row.is_active === lifecycle.is_active &&
        e.row.deactivation_reason === lifecycle.deactivation_reason &&
        e.row.metadata.fingerprint === values.metadata.fingerprint;
      if (same) plan.unchanged.push(e.row.id);
      else plan.refreshes.push(Object.assign(values, lifecycle, { id: e.row.id }));
      if (!e.row.is_active && lifecycle.is_active) plan.reactivations.push({ id: e.row.id, provider, model_name: e.row.model_name });
      continue;
    }
    // Two listed groups naming one model would break the unique (provider, model_name): keep the first.
    if (takenNames.has(e.values.model_name)) {
      plan.warnings.push({ source: provider, message: `${e.values.model_name} is listed under two names; kept one entry` });
      continue;
    }
    takenNames.add(e.values.model_name);
    plan.adds.push(Object.assign(values, lifecycle));
  }
}

import type { Provider } from "@/lib/domain";
import type { PlanRow } from "@/lib/db/model-row";
import type { ListedRefresh } from "@/lib/db/models-repo";
import type { RunWarning } from "@/lib/db/run-log";
import type { MetadataFacts, MetadataSource } from "@/lib/metadata";
import type { PolicyState, PolicyWrites } from "@/lib/registry/apply-policy";
import type { DefaultChange, DefaultSettings } from "@/lib/registry/types";
import type { CatalogLookup, ModelValues } from "./enrich";
import { planListingSteps } from "./plan-listing";
import { getRules, type CompiledRules } from "./rules-schema";
import type { ProviderListing } from "./types";
import type { SuspectListing } from "./vanish-guard";

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

/**
 * Computes a run's changes from the registry and the successful listings (pure): adds, refreshes,
 * reactivations, retirements (a shutdown date that has passed retires a model even while it is listed),
 * deactivations (unless the vanish guard holds the listing), and the default of each unpinned slot.
 */
export function planChanges(input: PlanInput): ChangePlan {
  const rules = input.rules ?? getRules();
  return mergePlans(input.listings.map((listing) => planListing(input, listing, rules)));
}

const emptyPlan = (listed: Provider[]): ChangePlan => ({
  adds: [], refreshes: [], unchanged: [], reactivations: [], deactivations: [], suspect: [], defaultChanges: [],
  pending: { opened: [], closed: [] }, warnings: [], setAside: [], discovered: 0, listed,
});

/** planChanges that gives the event loop turns as it goes (planListingPausing), for a caller that serves requests meanwhile. */
export async function planChangesPausing(input: PlanInput): Promise<ChangePlan> {
  const rules = input.rules ?? getRules();
  const parts: ChangePlan[] = [];
  for (const listing of input.listings) parts.push(await planListingPausing(input, listing, rules));
  return mergePlans(parts);
}

/** Providers' plans as one, in their order: no provider's part reads or changes another's. */
export function mergePlans(parts: readonly ChangePlan[]): ChangePlan {
  const plan = emptyPlan([]);
  for (const part of parts) {
    for (const key of ["adds", "refreshes", "unchanged", "reactivations", "deactivations", "suspect", "defaultChanges", "warnings", "setAside", "listed"] as const) {
      (plan[key] as unknown[]).push(...part[key]);
    }
    plan.pending.opened.push(...part.pending.opened);
    plan.pending.closed.push(...part.pending.closed);
    plan.discovered += part.discovered;
  }
  return plan;
}

/** One provider's part of the plan: planChanges of its listing alone. */
export function planListing(input: PlanInput, listing: ProviderListing, rules: CompiledRules = input.rules ?? getRules()): ChangePlan {
  const plan = emptyPlan([listing.provider]);
  for (const steps = planListingSteps(plan, listing, input, rules); !steps.next().done; );
  return plan;
}

// How long a paused plan keeps the thread between turns of the event loop (a few milliseconds of planning).
const PAUSE_EVERY_STEPS = 4;

/**
 * The same part as planListing, giving the event loop a turn every few hundred models: a run's write of the
 * previous provider (its replies, its next statements) goes on while this one is planned.
 */
export async function planListingPausing(input: PlanInput, listing: ProviderListing, rules: CompiledRules = input.rules ?? getRules()): Promise<ChangePlan> {
  const plan = emptyPlan([listing.provider]);
  const steps = planListingSteps(plan, listing, input, rules);
  for (let n = 1; !steps.next().done; n++) {
    if (n % PAUSE_EVERY_STEPS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return plan;
}


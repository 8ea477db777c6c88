import { getRules, type CompiledRules } from "@/lib/discovery/rules-schema";
import { DEFAULT_TIERS, PROVIDERS, type DefaultTier, type Provider } from "@/lib/domain";
import { isShutDown, shutdownReason } from "./lifecycle";
import { pickDefault } from "./rank";
import type { SlotEntry } from "./ranked-entry";
import type { DefaultChange, DefaultSettings } from "./types";

/** Why a slot's default moves; a run names it in its log, an admin action gives its own reason. */
export type MoveCause = "empty_slot" | "gone" | "retired" | "superseded" | "outranked" | "no_eligible";

export interface DefaultsChoice {
  /** Slots whose default moves, in provider and tier order. */
  changes: DefaultChange[];
  /** Defaults that keep their slot although the plan demoted or outranked them (pinned, or nothing better qualifies). */
  kept: SlotEntry[];
}

export interface ChooseOptions {
  /** Only these slots (default: every flagship and fast slot of the providers in `entries`). */
  providers?: readonly Provider[];
  tiers?: readonly DefaultTier[];
  /** One reason for every change (an admin action); otherwise each gets the run's text for its cause. */
  reason?: string;
  rules?: CompiledRules;
}

/** The run log's text for a move. */
export function runReason(cause: MoveCause, from: SlotEntry | undefined, to: SlotEntry | undefined): string {
  switch (cause) {
    case "empty_slot":
      return "run: slot had no default";
    case "retired":
      return `run: ${from!.model_name} ${shutdownReason(from!.shutdown_date!)}`;
    case "gone":
      return `run: ${from!.model_name} is no longer listed${from!.pinned ? " (was pinned)" : ""}`;
    case "superseded":
      return `run: ${from!.model_name} was superseded by a newer generation`;
    case "outranked":
      return `run: ${to!.model_name} ranks higher`;
    case "no_eligible":
      return "run: no eligible model";
  }
}

/** Active and not past its shutdown date (a run may not have retired it yet): may keep a slot. */
function isLive(e: SlotEntry, now: Date): boolean {
  return e.is_active && !isShutDown(e.shutdown_date, now);
}

function causeOf(tier: DefaultTier, current: SlotEntry | undefined, best: SlotEntry | undefined, now: Date): MoveCause {
  if (!current) return "empty_slot";
  if (isShutDown(current.shutdown_date, now)) return "retired";
  if (!current.is_active) return "gone";
  if (current.tier !== tier) return "superseded";
  return best ? "outranked" : "no_eligible";
}

/**
 * The one rule of default choice (pure): per (provider, flagship|fast) slot, a pinned, active default
 * stays; otherwise the best-ranked eligible model takes the slot (active, reviewed, no preview unless
 * allowed, not shutting down within the guard window); with none eligible the current default stays
 * while it is active. Entries carry the slot they hold now (`holds`).
 */
export function chooseDefaults(entries: readonly SlotEntry[], settings: DefaultSettings, now: Date, options: ChooseOptions = {}): DefaultsChoice {
  const rules = options.rules ?? getRules();
  const out: DefaultsChoice = { changes: [], kept: [] };
  const providers = options.providers ?? PROVIDERS.filter((p) => entries.some((e) => e.provider === p));
  for (const provider of providers) {
    const mine = entries.filter((e) => e.provider === provider);
    const opts = { allowPreview: settings[provider]?.allow_preview_defaults ?? false, now, guardDays: rules.shutdownGuardDays };
    for (const tier of options.tiers ?? DEFAULT_TIERS) {
      const current = mine.find((e) => e.holds === tier);
      if (current?.pinned && isLive(current, now)) {
        out.kept.push(current);
        continue;
      }
      const best = pickDefault(mine, tier, rules.providers[provider].rankOrder, opts);
      if (!best && current && isLive(current, now)) {
        out.kept.push(current);
        continue;
      }
      if (!best && !current) continue;
      if (best && current && best.ref === current.ref) continue;
      const cause = causeOf(tier, current, best, now);
      const reason = options.reason ?? runReason(cause, current, best);
      out.changes.push({ provider, model_type: tier, from: current?.model_name ?? null, to: best?.model_name ?? null, reason });
    }
  }
  return out;
}

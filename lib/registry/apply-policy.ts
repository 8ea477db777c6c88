import { DEFAULT_TIERS, type DefaultTier, type Provider } from "@/lib/domain";
import type { NewPending, PendingRow } from "@/lib/db/pending-repo";
import { DEFAULT_SOAK_DAYS, type SlotPolicy } from "@/lib/db/policies-repo";
import type { SlotEntry } from "./ranked-entry";
import type { DefaultChange } from "./types";

/** What the policy step needs besides the changes: the slots' policies and their pending changes. */
export interface PolicyState {
  policies: readonly Pick<SlotPolicy, "provider" | "model_type" | "policy" | "soak_days">[];
  /** Open pending changes. */
  open: readonly PendingRow[];
  /** Targets an admin rejected: not proposed again for that slot. */
  rejected: readonly { provider: Provider; model_type: DefaultTier; to: string }[];
}

/** What a policy step writes besides the moves themselves. */
export interface PolicyWrites {
  opened: NewPending[];
  closed: { id: string; status: "promoted" | "withdrawn" }[];
}

export interface PolicyOutcome extends PolicyWrites {
  /** Changes that move the default now. */
  moves: DefaultChange[];
  /** Changes held back (pending soak or approval): their slot keeps its current default. */
  deferred: DefaultChange[];
}

export const emptyPolicyState = (): PolicyState => ({ policies: [], open: [], rejected: [] });

const DAY_MS = 86_400_000;
const sameSlot = (a: { provider: Provider; model_type: DefaultTier }, b: { provider: Provider; model_type: DefaultTier }) =>
  a.provider === b.provider && a.model_type === b.model_type;

/** True when a slot's current default must be replaced at once whatever the policy: none, inactive, or past its shutdown. */
export function isDeadDefault(current: Pick<SlotEntry, "is_active" | "shutdown_date"> | undefined, now: Date): boolean {
  if (!current || !current.is_active) return true;
  return !!current.shutdown_date && Date.parse(`${current.shutdown_date}T00:00:00Z`) <= now.getTime();
}

/**
 * The promotion policy between choice and write (pure): auto changes, and changes whose slot's default is
 * dead, move now; under soak or approve a new best candidate becomes pending (one open per slot, replaced
 * when the best changes); a soak candidate moves once it has been pending `soak_days` and is still the best;
 * pending changes of slots in scope that no longer have a change are withdrawn.
 */
export function applyPolicy(
  changes: readonly DefaultChange[],
  state: PolicyState,
  ctx: { now: Date; dead: (provider: Provider, tier: DefaultTier) => boolean; providers: readonly Provider[]; tiers?: readonly DefaultTier[] },
): PolicyOutcome {
  const out: PolicyOutcome = { moves: [], deferred: [], opened: [], closed: [] };
  for (const c of changes) {
    const policy = state.policies.find((p) => sameSlot(p, c));
    const open = state.open.find((p) => sameSlot(p, c));
    const kind = policy?.policy ?? "auto";
    if (kind === "auto" || c.to === null || ctx.dead(c.provider, c.model_type)) {
      out.moves.push(c);
      if (open) out.closed.push({ id: open.id, status: open.to === c.to ? "promoted" : "withdrawn" });
      continue;
    }
    const soakMs = (policy?.soak_days ?? DEFAULT_SOAK_DAYS) * DAY_MS;
    if (open && open.to === c.to) {
      if (kind === "soak" && Date.parse(open.first_seen_at) + soakMs <= ctx.now.getTime()) {
        out.moves.push({ ...c, reason: `${c.reason} (after a ${policy?.soak_days ?? DEFAULT_SOAK_DAYS}-day soak)` });
        out.closed.push({ id: open.id, status: "promoted" });
      } else out.deferred.push(c);
      continue;
    }
    if (open) out.closed.push({ id: open.id, status: "withdrawn" });
    out.deferred.push(c);
    if (state.rejected.some((r) => sameSlot(r, c) && r.to === c.to)) continue;
    out.opened.push({
      provider: c.provider, model_type: c.model_type, from: c.from, to: c.to, reason: c.reason, policy: kind,
      first_seen_at: ctx.now, promote_after: kind === "soak" ? new Date(ctx.now.getTime() + soakMs) : null,
    });
  }
  const tiers = ctx.tiers ?? DEFAULT_TIERS;
  for (const p of state.open) {
    const inScope = ctx.providers.includes(p.provider) && tiers.includes(p.model_type);
    if (inScope && !changes.some((c) => sameSlot(c, p))) out.closed.push({ id: p.id, status: "withdrawn" });
  }
  return out;
}

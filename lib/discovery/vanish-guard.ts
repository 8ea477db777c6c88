import type { Provider } from "@/lib/domain";
import type { PlanRow } from "@/lib/db/model-row";
import type { RunWarning } from "@/lib/db/run-log";

/** A listing that would deactivate most of what earlier complete listings confirmed: held for an admin. */
export interface SuspectListing {
  provider: Provider;
  /** The active models it no longer names (kept active until an admin accepts the listing). */
  missing: { id: string; model_name: string }[];
  /** How many of the provider's active models an earlier complete listing confirmed. */
  confirmed: number;
}

export interface VanishVerdict {
  /** Rows to deactivate now (none when the listing is suspect). */
  deactivate: PlanRow[];
  suspect: SuspectListing | null;
  warning: RunWarning | null;
}

/**
 * The vanish guard (pure): the active rows a listing no longer names are deactivated, unless more than half
 * of the provider's confirmed active rows are among them; then every one of them stays active. Rows no
 * complete listing ever confirmed (the seeded catalog) do not count, so a fresh install's first run goes through.
 * A listing held earlier (`heldIds`, its missing models) stays held while any of them is still missing:
 * only an admin's acceptance or their return lets the run deactivate.
 */
export function judgeVanished(
  provider: Provider,
  rows: readonly PlanRow[],
  missing: readonly PlanRow[],
  heldIds: readonly string[] = [],
): VanishVerdict {
  const confirmed = rows.filter((r) => r.is_active && r.confirmed_at !== null).length;
  const missingConfirmed = missing.filter((r) => r.confirmed_at !== null).length;
  const stillHeld = missing.some((r) => heldIds.includes(r.id));
  if (!stillHeld && (missingConfirmed === 0 || missingConfirmed <= confirmed / 2)) return { deactivate: [...missing], suspect: null, warning: null };
  return {
    deactivate: [],
    suspect: { provider, missing: missing.map((r) => ({ id: r.id, model_name: r.model_name })), confirmed },
    warning: {
      source: provider,
      message:
        `${missingConfirmed} of ${confirmed} active models are missing from the listing; kept them active (suspect listing) ` +
        "until an admin accepts the listing or they are listed again",
    },
  };
}

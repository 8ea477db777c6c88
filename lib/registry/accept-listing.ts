import { deactivateModels, listModels } from "@/lib/db/models-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import { getOpenListing, markAccepted, type SuspectListingRow } from "@/lib/db/suspect-listings-repo";
import type { Provider } from "@/lib/domain";
import { NotFoundError } from "@/lib/errors";
import { adminChange } from "./admin-change";
import { chooseDefaults } from "./choose-defaults";
import { moveDefaults, releaseSlots } from "./move-defaults";
import { toRankedEntry } from "./ranked-entry";
import type { Action, DefaultChange } from "./types";

export interface AcceptListingResult {
  listing: SuspectListingRow;
  /** The models the accepted listing no longer named, now inactive. */
  deactivated: { id: string; model_name: string }[];
  default_changes: DefaultChange[];
}

/**
 * An admin accepts the provider's held listing: the models it no longer named go inactive now (reason
 * "no longer listed"), the slots they held move to the best eligible model with audit rows, and later runs
 * judge the provider's listings afresh. NotFoundError when no held listing waits.
 */
export async function acceptListing({ ctx, input }: Action<{ provider: Provider }>): Promise<AcceptListingResult> {
  return adminChange(ctx.db, async (tx) => {
    const open = await getOpenListing(tx, input.provider);
    if (!open) throw new NotFoundError(`No held listing of ${input.provider} waits for a decision`);
    const rows = await listModels(tx, { provider: input.provider });
    const missing = new Set(open.missing.map((m) => m.id));
    const going = rows.filter((r) => r.is_active && missing.has(r.id));
    const entries = rows.map((r) => ({ ...toRankedEntry(r), ...(missing.has(r.id) ? { is_active: false } : {}) }));
    const { changes } = chooseDefaults(entries, await getProviderSettings(tx), new Date(), {
      providers: [input.provider],
      reason: `admin: accepted the ${input.provider} listing`,
    });
    await releaseSlots(tx, changes);
    await deactivateModels(tx, going.map((r) => r.id));
    await moveDefaults(tx, changes, { changedBy: ctx.actor });
    const listing = await markAccepted(tx, open.id, ctx.actor);
    return { listing, deactivated: going.map((r) => ({ id: r.id, model_name: r.model_name })), default_changes: changes };
  });
}

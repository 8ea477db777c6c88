import { listModels } from "@/lib/db/models-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import type { Db } from "@/lib/db/types";
import type { DefaultTier, Provider } from "@/lib/domain";
import { chooseDefaults } from "./choose-defaults";
import { moveDefaults } from "./move-defaults";
import { toRankedEntry } from "./ranked-entry";
import type { DefaultChange } from "./types";

/**
 * Re-picks a provider's unpinned defaults from the registry as it stands (after an admin change) and
 * writes the moves with their audit rows, in the caller's transaction.
 */
export async function recomputeDefaults(
  tx: Db,
  provider: Provider,
  params: { tiers?: readonly DefaultTier[]; reason: string; changedBy: string; now?: Date },
): Promise<DefaultChange[]> {
  const rows = await listModels(tx, { provider });
  const settings = await getProviderSettings(tx);
  const { changes } = chooseDefaults(rows.map((r) => toRankedEntry(r)), settings, params.now ?? new Date(), {
    providers: [provider],
    tiers: params.tiers,
    reason: params.reason,
  });
  await moveDefaults(tx, changes, { changedBy: params.changedBy });
  return changes;
}

import { listModels } from "@/lib/db/models-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import type { Db } from "@/lib/db/types";
import type { DefaultTier, Provider } from "@/lib/domain";
import { applyPolicy, isDeadDefault } from "./apply-policy";
import { chooseDefaults } from "./choose-defaults";
import { moveDefaults } from "./move-defaults";
import { loadPolicyState, writePolicyWrites } from "./policy-state";
import { toRankedEntry } from "./ranked-entry";
import type { DefaultChange } from "./types";

/**
 * Re-picks a provider's unpinned defaults from the registry as it stands (after an admin change, or the
 * daily check), passes them through the slots' promotion policies, and writes the moves with their audit
 * rows and the pending changes, in the caller's transaction; answers the moves.
 */
export async function recomputeDefaults(
  tx: Db,
  provider: Provider,
  params: { tiers?: readonly DefaultTier[]; reason: string; changedBy: string; now?: Date },
): Promise<DefaultChange[]> {
  const rows = await listModels(tx, { provider });
  const settings = await getProviderSettings(tx);
  const now = params.now ?? new Date();
  const entries = rows.map((r) => toRankedEntry(r));
  const { changes } = chooseDefaults(entries, settings, now, { providers: [provider], tiers: params.tiers, reason: params.reason });
  const dead = (p: Provider, tier: DefaultTier) => isDeadDefault(entries.find((e) => e.provider === p && e.holds === tier), now);
  const decided = applyPolicy(changes, await loadPolicyState(tx), { now, dead, providers: [provider], tiers: params.tiers });
  await moveDefaults(tx, decided.moves, { changedBy: params.changedBy });
  await writePolicyWrites(tx, decided, params.changedBy);
  return decided.moves;
}

import { closePending, insertPending, listPending, listRejected } from "@/lib/db/pending-repo";
import { listSlotPolicies } from "@/lib/db/policies-repo";
import type { Db } from "@/lib/db/types";
import { emitEvent } from "@/lib/notify/events";
import type { PolicyState, PolicyWrites } from "./apply-policy";

/** The slots' policies, open pending changes and rejected targets, as the policy step reads them. */
export async function loadPolicyState(tx: Db): Promise<PolicyState> {
  return { policies: await listSlotPolicies(tx), open: await listPending(tx), rejected: await listRejected(tx) };
}

/**
 * Writes what the policy step decided besides the moves, in the caller's transaction: closes replaced and
 * promoted pending changes first (one open per slot), then opens the new ones, each announced as default.pending.
 */
export async function writePolicyWrites(tx: Db, writes: PolicyWrites, by: string): Promise<void> {
  for (const c of writes.closed) await closePending(tx, c.id, c.status, by);
  for (const p of writes.opened) {
    const row = await insertPending(tx, p);
    await emitEvent(tx, "default.pending", {
      id: row.id, provider: row.provider, model_type: row.model_type, from: row.from, to: row.to, reason: row.reason,
      policy: row.policy, first_seen_at: row.first_seen_at, promote_after: row.promote_after,
    });
  }
}

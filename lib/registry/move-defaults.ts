import { insertDefaultChanges } from "@/lib/db/audit-repo";
import { clearDefault, setDefault } from "@/lib/db/models-repo";
import type { Db } from "@/lib/db/types";
import { emitEvent } from "@/lib/notify/events";
import type { DefaultChange } from "./types";

export interface MoveAudit {
  /** Who moves the defaults, for the audit table. */
  changedBy: string;
  /** The run that moves them, if a run does. */
  runId?: string | null;
  /** Pin the models that take the slots (an admin's pin). */
  pin?: boolean;
}

/**
 * Frees the slots that changes move. A run calls it first, before models change tier or vanish, so the
 * one-default-per-slot index never sees two; moveDefaults calls it too (then it finds them free).
 */
export async function releaseSlots(tx: Db, changes: readonly DefaultChange[]): Promise<void> {
  for (const c of changes) if (c.from) await clearDefault(tx, c.provider, c.model_type);
}

/**
 * The only writer of defaults: frees each slot, gives it its new model (pinned when asked) and records one
 * audit row and one default.changed event per change, in the caller's transaction.
 */
export async function moveDefaults(tx: Db, changes: readonly DefaultChange[], audit: MoveAudit): Promise<void> {
  await releaseSlots(tx, changes);
  for (const c of changes) if (c.to) await setDefault(tx, c.provider, c.to, c.model_type, audit.pin ?? false);
  await insertDefaultChanges(tx, changes, { changedBy: audit.changedBy, runId: audit.runId });
  // Announced in the same transaction: a crash loses neither the move nor its notice.
  for (const c of changes) {
    if (c.from === c.to) continue;
    const data = { provider: c.provider, model_type: c.model_type, from: c.from, to: c.to, reason: c.reason, changed_by: audit.changedBy, run_id: audit.runId ?? null };
    await emitEvent(tx, "default.changed", data);
  }
}

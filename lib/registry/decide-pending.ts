import { getSlotDefault, listModels } from "@/lib/db/models-repo";
import { closePending, getPending, type PendingRow } from "@/lib/db/pending-repo";
import type { Db } from "@/lib/db/types";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { adminChange } from "./admin-change";
import { moveDefaults } from "./move-defaults";
import type { Action, DefaultChange } from "./types";

async function requireOpen(tx: Db, id: string): Promise<PendingRow> {
  const pending = await getPending(tx, id);
  if (!pending) throw new NotFoundError(`No pending change with id ${id}`);
  if (pending.status !== "open") throw new ConflictError(`Pending change ${id} is already ${pending.status}`);
  return pending;
}

/**
 * Approves an open pending change: its model becomes the slot's default (unpinned, audited, announced)
 * if it is still an active, reviewed model of that tier; 409 otherwise.
 */
export async function approvePending({ ctx, input }: Action<{ id: string }>): Promise<{ pending: PendingRow; change: DefaultChange }> {
  return adminChange(ctx.db, async (tx) => {
    const pending = await requireOpen(tx, input.id);
    const model = (await listModels(tx, { provider: pending.provider })).find((m) => m.model_name === pending.to);
    if (!model || !model.is_active || model.needs_review || model.model_type !== pending.model_type) {
      throw new ConflictError(`${pending.to} is no longer an active ${pending.model_type} model; it cannot become the default`);
    }
    const from = (await getSlotDefault(tx, pending.provider, pending.model_type))?.model_name ?? null;
    const change = { provider: pending.provider, model_type: pending.model_type, from, to: pending.to, reason: `admin: approved (${pending.reason})` };
    await moveDefaults(tx, [change], { changedBy: ctx.actor });
    await closePending(tx, pending.id, "approved", ctx.actor);
    return { pending: (await getPending(tx, pending.id))!, change };
  });
}

/** Rejects an open pending change: the slot keeps its default, and runs do not propose that model for it again. */
export async function rejectPending({ ctx, input }: Action<{ id: string }>): Promise<{ pending: PendingRow }> {
  return adminChange(ctx.db, async (tx) => {
    const pending = await requireOpen(tx, input.id);
    await closePending(tx, pending.id, "rejected", ctx.actor);
    return { pending: (await getPending(tx, pending.id))! };
  });
}

import { getSlotDefault, type ModelRow } from "@/lib/db/models-repo";
import type { DefaultTier } from "@/lib/domain";
import { adminChange, requireModel } from "./admin-change";
import { moveDefaults } from "./move-defaults";
import { pinBlocker } from "./pin-rule";
import type { Action } from "./types";

/** Makes a model the pinned default of its slot: it must be active, reviewed and flagship or fast. */
export async function pinModel({ ctx, input }: Action<{ id: string }>): Promise<ModelRow> {
  return adminChange(ctx.db, async (tx) => {
    const model = await requireModel(tx, input.id);
    const blocker = pinBlocker(model);
    if (blocker) throw blocker;
    const tier = model.model_type as DefaultTier;
    const from = (await getSlotDefault(tx, model.provider, tier))?.model_name ?? null;
    const change = { provider: model.provider, model_type: tier, from, to: model.model_name, reason: "admin: pinned" };
    await moveDefaults(tx, [change], { changedBy: ctx.actor, pin: true });
    return requireModel(tx, input.id);
  });
}

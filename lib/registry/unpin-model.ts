import { clearPin, getSlotDefault, type ModelRow } from "@/lib/db/models-repo";
import type { DefaultTier } from "@/lib/domain";
import { ConflictError } from "@/lib/errors";
import { adminChange, requireModel } from "./admin-change";
import { moveDefaults } from "./move-defaults";
import { recomputeDefaults } from "./recompute";
import type { Action, DefaultChange } from "./types";

export interface UnpinResult {
  model: ModelRow;
  /** The slot's default afterwards. */
  default: ModelRow | null;
  changes: DefaultChange[];
}

/** Unpins a model and re-picks its slot at once; answers the model and the slot's default afterwards. */
export async function unpinModel({ ctx, input }: Action<{ id: string }>): Promise<UnpinResult> {
  return adminChange(ctx.db, async (tx) => {
    const model = await requireModel(tx, input.id);
    if (!model.is_pinned) throw new ConflictError(`${model.model_name} is not pinned`);
    await clearPin(tx, input.id);
    const tier = model.model_type as DefaultTier;
    const changes = await recomputeDefaults(tx, model.provider, { tiers: [tier], reason: "admin: unpinned, slot recomputed", changedBy: ctx.actor });
    if (changes.length === 0) {
      // The slot keeps its model; the audit still records that the pin was lifted.
      const kept = { provider: model.provider, model_type: tier, from: model.model_name, to: model.model_name, reason: "admin: unpinned (still the best-ranked)" };
      await moveDefaults(tx, [kept], { changedBy: ctx.actor });
    }
    return { model: await requireModel(tx, input.id), default: (await getSlotDefault(tx, model.provider, tier)) ?? null, changes };
  });
}

import { getDefaultChange } from "@/lib/db/audit-repo";
import { getSlotDefault, listModels, type ModelRow } from "@/lib/db/models-repo";
import type { DefaultTier, Provider } from "@/lib/domain";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { adminChange } from "./admin-change";
import { moveDefaults } from "./move-defaults";
import type { Action, DefaultChange } from "./types";

export interface RestoreInput {
  provider: Provider;
  model_type: DefaultTier;
  /** The id of a default_history entry of this slot; its from_model comes back. */
  change_id: string;
}

/**
 * Rolls a slot back to the model an audited change replaced: pinned, reason "rollback", audited and
 * announced like every move. Never blocked by a probe; 409 when that model is no longer active in the slot's tier.
 */
export async function restoreDefault({ ctx, input }: Action<RestoreInput>): Promise<{ model: ModelRow; change: DefaultChange }> {
  return adminChange(ctx.db, async (tx) => {
    const entry = await getDefaultChange(tx, input.change_id);
    if (!entry || entry.provider !== input.provider || entry.model_type !== input.model_type) {
      throw new NotFoundError(`No default change ${input.change_id} for ${input.provider}/${input.model_type}`);
    }
    if (!entry.from_model) throw new ConflictError("That change filled an empty slot; there is no earlier model to restore");
    const model = (await listModels(tx, { provider: input.provider })).find((m) => m.model_name === entry.from_model);
    if (!model || !model.is_active || model.model_type !== input.model_type) {
      throw new ConflictError(`${entry.from_model} is no longer an active ${input.model_type} model and cannot be restored`);
    }
    const from = (await getSlotDefault(tx, input.provider, input.model_type))?.model_name ?? null;
    const change = { provider: input.provider, model_type: input.model_type, from, to: model.model_name, reason: "rollback" };
    await moveDefaults(tx, [change], { changedBy: ctx.actor, pin: true });
    const restored = (await listModels(tx, { provider: input.provider })).find((m) => m.id === model.id)!;
    return { model: restored, change };
  });
}

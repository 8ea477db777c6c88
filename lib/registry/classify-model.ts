import { classifyModel as writeClassification, type ModelRow } from "@/lib/db/models-repo";
import type { DefaultTier, Tier } from "@/lib/domain";
import { adminChange, requireModel } from "./admin-change";
import { moveDefaults } from "./move-defaults";
import { recomputeDefaults } from "./recompute";
import type { Action, DefaultChange } from "./types";

export interface ClassifyInput {
  id: string;
  model_type: Tier;
  family?: string | null;
}

/** Sets a model's tier (and family) by hand, clears its review flag, and re-picks the provider's unpinned defaults. */
export async function classifyModel({ ctx, input }: Action<ClassifyInput>): Promise<{ model: ModelRow; changes: DefaultChange[] }> {
  return adminChange(ctx.db, async (tx) => {
    const model = await requireModel(tx, input.id);
    const moves: DefaultChange[] = [];
    if (model.is_default && model.model_type !== input.model_type) {
      // Leaving its tier, the model leaves that tier's default slot (pin included).
      const left = { provider: model.provider, model_type: model.model_type as DefaultTier, from: model.model_name, to: null, reason: `admin: reclassified as ${input.model_type}` };
      await moveDefaults(tx, [left], { changedBy: ctx.actor });
      moves.push(left);
    }
    await writeClassification(tx, input.id, input.model_type, input.family);
    const changes = await recomputeDefaults(tx, model.provider, { reason: `admin: ${model.model_name} classified as ${input.model_type}`, changedBy: ctx.actor });
    return { model: await requireModel(tx, input.id), changes: [...moves, ...changes] };
  });
}

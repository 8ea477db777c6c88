import { ApiError } from "@/lib/api/errors";
import { invalidateConfigCache } from "@/lib/config/cache";
import type { DefaultTier, Provider, Tier } from "@/lib/domain";
import { insertDefaultChanges, listDefaultChanges, type DefaultChangeRow } from "@/lib/db/audit-repo";
import type { ModelRow } from "@/lib/db/models-repo";
import { classifyModel, clearDefault, getModelById, getSlotDefault, lockRegistry, setDefault, clearPin } from "@/lib/db/models-write-repo";
import { getProviderSettings, setAllowPreviewDefaults, type ProviderSettings } from "@/lib/db/settings-repo";
import type { Db } from "@/lib/db/types";
import { recomputeDefaults, type SlotChange } from "./defaults";

async function requireModel(db: Db, id: string): Promise<ModelRow> {
  const model = await getModelById(db, id);
  if (!model) throw new ApiError("not_found", `No model with id ${id}`);
  return model;
}

/** Runs an admin change in one transaction, then drops the config cache so callers see it at once. */
async function adminChange<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await lockRegistry(tx);
      return fn(tx);
    });
  } finally {
    invalidateConfigCache();
  }
}

/** One model with the default history of its provider and type. */
export async function getModelDetails(db: Db, id: string): Promise<{ model: ModelRow; default_history: DefaultChangeRow[] }> {
  const model = await requireModel(db, id);
  const default_history = await listDefaultChanges(db, { provider: model.provider, model_type: model.model_type, limit: 50 });
  return { model, default_history };
}

/** Makes a model the pinned default of its slot: it must be active, reviewed and flagship or fast. */
export async function pinModel(db: Db, id: string, changedBy: string): Promise<ModelRow> {
  return adminChange(db, async (tx) => {
    const model = await requireModel(tx, id);
    if (model.model_type === "legacy") throw new ApiError("bad_request", "A legacy model cannot be a default; classify it as flagship or fast first", { issues: [{ path: "model_type", message: "legacy has no default" }] });
    if (!model.is_active) throw new ApiError("conflict", `${model.model_name} is inactive and cannot be pinned`);
    if (model.needs_review) throw new ApiError("conflict", `${model.model_name} needs review; classify it before pinning`);
    const tier = model.model_type as DefaultTier;
    const from = (await getSlotDefault(tx, model.provider, tier))?.model_name ?? null;
    await clearDefault(tx, model.provider, tier);
    const pinned = await setDefault(tx, model.provider, model.model_name, tier, true);
    await insertDefaultChanges(tx, [{ provider: model.provider, model_type: tier, from_model: from, to_model: model.model_name, reason: "admin: pinned", changed_by: changedBy }]);
    return pinned;
  });
}

/** Unpins a model and re-picks its slot at once; answers the model and the slot's default afterwards. */
export async function unpinModel(db: Db, id: string, changedBy: string): Promise<{ model: ModelRow; default: ModelRow | null; changes: SlotChange[] }> {
  return adminChange(db, async (tx) => {
    const model = await requireModel(tx, id);
    if (!model.is_pinned) throw new ApiError("conflict", `${model.model_name} is not pinned`);
    await clearPin(tx, id);
    const tier = model.model_type as DefaultTier;
    const changes = await recomputeDefaults(tx, model.provider, { tiers: [tier], reason: "admin: unpinned, slot recomputed", changedBy });
    if (changes.length === 0) {
      // The slot keeps its model; the audit still records that the pin was lifted.
      await insertDefaultChanges(tx, [{ provider: model.provider, model_type: tier, from_model: model.model_name, to_model: model.model_name, reason: "admin: unpinned (still the best-ranked)", changed_by: changedBy }]);
    }
    const after = await requireModel(tx, id);
    return { model: after, default: (await getSlotDefault(tx, model.provider, tier)) ?? null, changes };
  });
}

/** Sets a model's tier (and family) by hand, clears its review flag, and re-picks the provider's unpinned defaults. */
export async function classifyModelAsAdmin(
  db: Db,
  id: string,
  input: { model_type: Tier; family?: string | null },
  changedBy: string,
): Promise<{ model: ModelRow; changes: SlotChange[] }> {
  return adminChange(db, async (tx) => {
    const model = await requireModel(tx, id);
    const moves: SlotChange[] = [];
    if (model.is_default && model.model_type !== input.model_type) {
      // Leaving its tier, the model leaves that tier's default slot (pin included).
      await clearDefault(tx, model.provider, model.model_type as DefaultTier);
      moves.push({ provider: model.provider, model_type: model.model_type as DefaultTier, from: model.model_name, to: null });
      await insertDefaultChanges(tx, [{ provider: model.provider, model_type: model.model_type, from_model: model.model_name, to_model: null, reason: `admin: reclassified as ${input.model_type}`, changed_by: changedBy }]);
    }
    await classifyModel(tx, id, input.model_type, input.family);
    const changes = await recomputeDefaults(tx, model.provider, { reason: `admin: ${model.model_name} classified as ${input.model_type}`, changedBy });
    return { model: await requireModel(tx, id), changes: [...moves, ...changes] };
  });
}

/** Every provider's settings. */
export async function getSettings(db: Db): Promise<ProviderSettings> {
  return getProviderSettings(db);
}

/** Allows or forbids preview defaults for a provider and re-picks its unpinned defaults accordingly. */
export async function updateProviderSettings(
  db: Db,
  input: { provider: Provider; allow_preview_defaults: boolean },
  changedBy: string,
): Promise<{ settings: ProviderSettings; changes: SlotChange[] }> {
  return adminChange(db, async (tx) => {
    await setAllowPreviewDefaults(tx, input.provider, input.allow_preview_defaults, changedBy);
    const changes = await recomputeDefaults(tx, input.provider, {
      reason: `admin: preview defaults ${input.allow_preview_defaults ? "allowed" : "forbidden"}`,
      changedBy,
    });
    return { settings: await getProviderSettings(tx), changes };
  });
}

import { listDefaultChanges, type DefaultChangeRow } from "@/lib/db/audit-repo";
import type { ModelRow } from "@/lib/db/models-repo";
import { getProbe, type ProbeRow } from "@/lib/db/probes-repo";
import type { Db } from "@/lib/db/types";
import { requireModel } from "./admin-change";
import { pinnability, type Pinnability } from "./pin-rule";

export interface ModelDetails {
  model: ModelRow;
  default_history: DefaultChangeRow[];
  /** Whether the admin may pin it now, and if not why (the rule pinModel enforces). */
  pin: Pinnability;
  /** The model's last probe before a promotion, if any. */
  probe: ProbeRow | null;
}

/** One model with the default history of its provider and type. */
export async function getModelDetails(db: Db, id: string): Promise<ModelDetails> {
  const model = await requireModel(db, id);
  const default_history = await listDefaultChanges(db, { provider: model.provider, model_type: model.model_type, limit: 50 });
  return { model, default_history, pin: pinnability(model), probe: (await getProbe(db, model.provider, model.model_name)) ?? null };
}

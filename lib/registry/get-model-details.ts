import { listDefaultChanges, type DefaultChangeRow } from "@/lib/db/audit-repo";
import { listFactChanges, type FactChangeRow } from "@/lib/db/fact-changes-repo";
import type { ModelRow } from "@/lib/db/models-repo";
import { listPriceHistory, type PriceRow } from "@/lib/db/prices-repo";
import { getProbe, type ProbeRow } from "@/lib/db/probes-repo";
import type { Db } from "@/lib/db/types";
import { requireModel } from "./admin-change";
import { pinnability, type Pinnability } from "./pin-rule";

export interface ModelDetails {
  model: ModelRow;
  default_history: DefaultChangeRow[];
  /** Newest first: each entry the price in effect from its effective_from. */
  price_history: PriceRow[];
  fact_changes: FactChangeRow[];
  /** Whether the admin may pin it now, and if not why (the rule pinModel enforces). */
  pin: Pinnability;
  /** The model's last probe before a promotion, if any. */
  probe: ProbeRow | null;
}

/** One model with the default history of its provider and type, its price history and its audited figure changes. */
export async function getModelDetails(db: Db, id: string): Promise<ModelDetails> {
  const model = await requireModel(db, id);
  const default_history = await listDefaultChanges(db, { provider: model.provider, model_type: model.model_type, limit: 50 });
  const price_history = await listPriceHistory(db, { modelId: model.id });
  const fact_changes = await listFactChanges(db, { modelId: model.id, limit: 50 });
  const probe = (await getProbe(db, model.provider, model.model_name)) ?? null;
  return { model, default_history, price_history, fact_changes, pin: pinnability(model), probe };
}

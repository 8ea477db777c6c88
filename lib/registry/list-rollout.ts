import { listModels, type ModelRow } from "@/lib/db/models-repo";
import { listPending, type PendingRow } from "@/lib/db/pending-repo";
import { listSlotPolicies, type SlotPolicy } from "@/lib/db/policies-repo";
import type { Db } from "@/lib/db/types";

export interface SlotView extends SlotPolicy {
  default: ModelRow | null;
  pending: PendingRow | null;
}

export interface PendingView extends PendingRow {
  from_model: ModelRow | null;
  to_model: ModelRow | null;
}

/** Every (provider, flagship|fast) slot with its policy, current default and open pending change. */
export async function listSlots(db: Db): Promise<SlotView[]> {
  const [policies, models, open] = [await listSlotPolicies(db), await listModels(db), await listPending(db)];
  return policies.map((p) => ({
    ...p,
    default: models.find((m) => m.is_default && m.provider === p.provider && m.model_type === p.model_type) ?? null,
    pending: open.find((o) => o.provider === p.provider && o.model_type === p.model_type) ?? null,
  }));
}

/** Open pending changes with the current and the proposed model's rows, for a side-by-side view. */
export async function listPendingViews(db: Db): Promise<PendingView[]> {
  const [open, models] = [await listPending(db), await listModels(db)];
  const find = (p: PendingRow, name: string | null) => (name ? (models.find((m) => m.provider === p.provider && m.model_name === name) ?? null) : null);
  return open.map((p) => ({ ...p, from_model: find(p, p.from), to_model: find(p, p.to) }));
}

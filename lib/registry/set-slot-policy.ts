import { DEFAULT_SOAK_DAYS, listSlotPolicies, upsertSlotPolicy, type Policy, type SlotPolicy } from "@/lib/db/policies-repo";
import type { DefaultTier, Provider } from "@/lib/domain";
import { adminChange } from "./admin-change";
import type { Action } from "./types";

export interface SlotPolicyInput {
  provider: Provider;
  model_type: DefaultTier;
  policy: Policy;
  soak_days?: number;
}

/** Sets a slot's promotion policy (soak days default to 7); pending changes follow it from the next run or daily check. */
export async function setSlotPolicy({ ctx, input }: Action<SlotPolicyInput>): Promise<SlotPolicy> {
  return adminChange(ctx.db, async (tx) => {
    await upsertSlotPolicy(tx, { ...input, soak_days: input.soak_days ?? DEFAULT_SOAK_DAYS, updated_by: ctx.actor });
    return (await listSlotPolicies(tx)).find((p) => p.provider === input.provider && p.model_type === input.model_type)!;
  });
}

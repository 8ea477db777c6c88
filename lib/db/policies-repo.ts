import { z } from "zod";
import { DEFAULT_TIERS, PROVIDERS, defaultTierSchema, providerSchema, type DefaultTier, type Provider } from "@/lib/domain";
import { nullableTimestampSchema } from "./rows";
import type { Db } from "./types";

export const POLICIES = ["auto", "soak", "approve"] as const;
export const policySchema = z.enum(POLICIES).describe("Promotion policy: auto, soak or approve");
export type Policy = z.infer<typeof policySchema>;
export const DEFAULT_SOAK_DAYS = 7;

export const slotPolicyRowSchema = z.object({
  provider: providerSchema,
  model_type: defaultTierSchema,
  policy: policySchema,
  soak_days: z.number().int(),
  updated_by: z.string().nullable(),
  updated_at: nullableTimestampSchema,
});
/** One slot's promotion policy. */
export type SlotPolicy = z.infer<typeof slotPolicyRowSchema>;

/** Every slot's policy, in provider and tier order; a slot without a row is auto with the default soak. */
export async function listSlotPolicies(db: Db): Promise<SlotPolicy[]> {
  const rows = (await db.query("select provider, model_type, policy, soak_days, updated_by, updated_at from public.ai_slot_policies")).map((r) =>
    slotPolicyRowSchema.parse(r),
  );
  return PROVIDERS.flatMap((provider) =>
    DEFAULT_TIERS.map(
      (model_type) =>
        rows.find((r) => r.provider === provider && r.model_type === model_type) ?? {
          provider, model_type, policy: "auto" as const, soak_days: DEFAULT_SOAK_DAYS, updated_by: null, updated_at: null,
        },
    ),
  );
}

/** Sets one slot's policy (and soak days). */
export async function upsertSlotPolicy(
  db: Db,
  p: { provider: Provider; model_type: DefaultTier; policy: Policy; soak_days: number; updated_by: string },
): Promise<void> {
  await db.query(
    `insert into public.ai_slot_policies (provider, model_type, policy, soak_days, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, now())
     on conflict (provider, model_type) do update set policy = excluded.policy, soak_days = excluded.soak_days,
       updated_by = excluded.updated_by, updated_at = now()`,
    [p.provider, p.model_type, p.policy, p.soak_days, p.updated_by],
  );
}

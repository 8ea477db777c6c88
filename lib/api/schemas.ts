import { z } from "zod";
import { defaultChangeSchema, providerSchema, tierSchema, type Provider } from "@/lib/domain";
import { modelRowWireSchema, runRowWireSchema } from "@/lib/config/schemas";
import { defaultChangeRowSchema } from "@/lib/db/audit-repo";
import { probeRowSchema } from "@/lib/db/probes-repo";

/** POST /api/ai-model-updater: wait=false answers 202 at once with the run id. */
export const discoverBodySchema = z.object({
  wait: z.boolean().default(true).describe("Wait for the run to finish (default) or answer 202 with its id at once"),
});

/** POST /api/admin/models/<id>/classify */
export const classifyBodySchema = z.object({
  model_type: tierSchema,
  family: z.string().trim().min(1).max(100).nullable().optional().describe("Family line, e.g. gpt-5 or claude-sonnet"),
});

/** PATCH /api/admin/settings */
export const settingsPatchBodySchema = z.object({
  provider: providerSchema,
  allow_preview_defaults: z.boolean().describe("May this provider's preview models become defaults?"),
});

// Answers of the admin routes: the console takes its types from these (type-only imports).

const isoTimestamp = z.string().describe("ISO 8601 timestamp");

/** One row of the default-change audit, as the admin API answers it. */
export const defaultChangeRowWireSchema = defaultChangeRowSchema.extend({ created_at: isoTimestamp });
export type DefaultChangeRowWire = z.infer<typeof defaultChangeRowWireSchema>;

/** GET /api/admin/models/<id> */
export const modelDetailResponseSchema = z.object({
  success: z.literal(true),
  model: modelRowWireSchema,
  default_history: z.array(defaultChangeRowWireSchema),
  pin: z.object({ allowed: z.boolean(), reason: z.string().nullable() }).describe("Whether the model may be pinned now, and if not why"),
  probe: probeRowSchema.extend({ probed_at: isoTimestamp, latency_ms: z.number() }).nullable().optional().describe("The model's last probe before a promotion"),
});
export type ModelDetailResponse = z.infer<typeof modelDetailResponseSchema>;

/** POST /api/admin/models/<id>/pin, /unpin, /classify */
export const modelChangeResponseSchema = z.object({
  success: z.literal(true),
  model: modelRowWireSchema,
  default: modelRowWireSchema.nullable().optional(),
  default_changes: z.array(defaultChangeSchema).optional(),
});
export type ModelChangeResponse = z.infer<typeof modelChangeResponseSchema>;

export const providerSettingSchema = z.object({
  allow_preview_defaults: z.boolean(),
  updated_by: z.string().nullable(),
  updated_at: isoTimestamp.nullable(),
});
export type ProviderSettingsMap = Record<Provider, z.infer<typeof providerSettingSchema>>;

/** GET|PATCH /api/admin/settings */
export const settingsResponseSchema = z.object({
  success: z.literal(true),
  providers: z.record(providerSchema, providerSettingSchema),
  default_changes: z.array(defaultChangeSchema).optional(),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

/** POST /api/ai-model-updater { wait: false } */
export const runStartedResponseSchema = z.object({ success: z.literal(true), run_id: z.string(), status: z.literal("running") });
export type RunStartedResponse = z.infer<typeof runStartedResponseSchema>;

/** GET /api/ai-model-updater/runs/<id> */
export const runResponseSchema = z.object({ success: z.literal(true), run: runRowWireSchema });
export type RunResponse = z.infer<typeof runResponseSchema>;

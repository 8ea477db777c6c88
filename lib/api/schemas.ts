import { z } from "zod";
import { defaultChangeSchema, providerSchema, tierSchema, type Provider } from "@/lib/domain";
import { modelRowWireSchema, runRowWireSchema } from "@/lib/config/schemas";

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
export const defaultChangeRowWireSchema = z.object({
  id: z.string(),
  provider: providerSchema,
  model_type: tierSchema,
  from_model: z.string().nullable(),
  to_model: z.string().nullable(),
  reason: z.string(),
  changed_by: z.string(),
  run_id: z.string().nullable(),
  created_at: isoTimestamp,
});
export type DefaultChangeRowWire = z.infer<typeof defaultChangeRowWireSchema>;

/** GET /api/admin/models/<id> */
export const modelDetailResponseSchema = z.object({
  success: z.literal(true),
  model: modelRowWireSchema,
  default_history: z.array(defaultChangeRowWireSchema),
  pin: z.object({ allowed: z.boolean(), reason: z.string().nullable() }).describe("Whether the model may be pinned now, and if not why"),
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

/** The <provider> of /api/admin/providers/<provider>/…: one of the four providers. */
export const providerParamSchema = z.object({ provider: providerSchema });

/** POST /api/admin/providers/<provider>/accept-listing: no fields; the decision is the call. */
export const acceptListingBodySchema = z.object({}).strict();

/** A listing the vanish guard held, as the admin API answers it. */
export const suspectListingWireSchema = z.object({
  id: z.string(),
  provider: providerSchema,
  run_id: z.string().nullable().describe("The last run that held it"),
  missing: z.array(z.object({ id: z.string(), model_name: z.string() })).describe("Active models the listing no longer names"),
  confirmed: z.number().int().describe("Active models an earlier complete listing confirmed"),
  detected_at: isoTimestamp,
  last_seen_at: isoTimestamp,
  accepted_at: isoTimestamp.nullable(),
  accepted_by: z.string().nullable(),
  resolved_at: isoTimestamp.nullable(),
});
export type SuspectListingWire = z.infer<typeof suspectListingWireSchema>;

/** GET /api/admin/suspect-listings */
export const suspectListingsResponseSchema = z.object({ success: z.literal(true), listings: z.array(suspectListingWireSchema) });
export type SuspectListingsResponse = z.infer<typeof suspectListingsResponseSchema>;

/** POST /api/admin/providers/<provider>/accept-listing */
export const acceptListingResponseSchema = z.object({
  success: z.literal(true),
  listing: suspectListingWireSchema,
  deactivated: z.array(z.object({ id: z.string(), model_name: z.string() })),
  default_changes: z.array(defaultChangeSchema),
});
export type AcceptListingResponse = z.infer<typeof acceptListingResponseSchema>;

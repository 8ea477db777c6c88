import { z } from "zod";
import { CAPABILITY_KEYS, defaultChangeSchema, factSourceSchema, PRICE_KEYS, providerSchema, tierSchema, type Provider } from "@/lib/domain";
import { modelRowWireSchema, runRowWireSchema } from "@/lib/config/schemas";
import { defaultChangeRowSchema } from "@/lib/db/audit-repo";
import { factChangeRowSchema } from "@/lib/db/fact-changes-repo";
import { probeRowSchema } from "@/lib/db/probes-repo";
import { metadataSourceStatusSchema } from "@/lib/db/metadata-sources-repo";
import { attentionItemSchema } from "@/lib/registry/attention";

/** POST /api/ai-model-updater: wait=false answers 202 at once with the run id. */
export const discoverBodySchema = z.object({
  wait: z.boolean().default(true).describe("Wait for the run to finish (default) or answer 202 with its id at once"),
  trigger: z.enum(["admin", "cli"]).default("admin").describe("Who asks: the console (admin, default) or `npm run discover` (cli)"),
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

const overridePrice = z.number().nonnegative().max(10_000).nullable().optional().describe("USD per million tokens; null clears it");
const overrideLimit = z.number().int().positive().max(100_000_000).nullable().optional().describe("Tokens; null clears it");

/** PUT /api/admin/models/<id>/overrides: a value sets a figure, null clears it, an absent field stays. */
export const overridesBodySchema = z.strictObject({
  pricing: z.strictObject(Object.fromEntries(PRICE_KEYS.map((k) => [k, overridePrice])) as Record<(typeof PRICE_KEYS)[number], typeof overridePrice>).nullable().optional(),
  context_window: overrideLimit,
  max_tokens: overrideLimit,
  capabilities: z
    .strictObject(Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, z.boolean().nullable().optional()])) as Record<(typeof CAPABILITY_KEYS)[number], z.ZodOptional<z.ZodNullable<z.ZodBoolean>>>)
    .nullable()
    .optional(),
  successor: z.string().trim().min(1).max(200).nullable().optional().describe("The model's replacement as an admin names it; null clears it"),
});
export type OverridesBody = z.infer<typeof overridesBodySchema>;

/** POST /api/admin/metadata/refresh: no options. */
export const metadataRefreshBodySchema = z.strictObject({});

// Answers of the admin routes: the console takes its types from these (type-only imports).

const isoTimestamp = z.string().describe("ISO 8601 timestamp");

/** One row of the default-change audit, as the admin API answers it. */
export const defaultChangeRowWireSchema = defaultChangeRowSchema.extend({ created_at: isoTimestamp });
export type DefaultChangeRowWire = z.infer<typeof defaultChangeRowWireSchema>;

const nullablePrice = z.number().nullable();

/** One entry of a model's price history: the price in effect from effective_from. */
export const priceRowWireSchema = z.object({
  input_per_mtok: nullablePrice,
  output_per_mtok: nullablePrice,
  cache_read_per_mtok: nullablePrice,
  cache_write_per_mtok: nullablePrice,
  input_above_200k_per_mtok: nullablePrice,
  output_above_200k_per_mtok: nullablePrice,
  source: factSourceSchema,
  effective_from: isoTimestamp,
});
export type PriceRowWire = z.infer<typeof priceRowWireSchema>;

/** One audited change of a figure (an override set or cleared, a refresh that moved a figure). */
export const factChangeRowWireSchema = factChangeRowSchema.extend({ created_at: isoTimestamp });
export type FactChangeRowWire = z.infer<typeof factChangeRowWireSchema>;

/** GET /api/admin/models/<id> */
export const modelDetailResponseSchema = z.object({
  success: z.literal(true),
  model: modelRowWireSchema,
  default_history: z.array(defaultChangeRowWireSchema),
  price_history: z.array(priceRowWireSchema).describe("Newest first: each row the price in effect from effective_from"),
  fact_changes: z.array(factChangeRowWireSchema).describe("Audited figure changes of this model, newest first"),
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

/** GET /api/admin/settings */
export const settingsResponseSchema = z.object({
  success: z.literal(true),
  providers: z.record(providerSchema, providerSettingSchema),
});
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

/** PATCH /api/admin/settings: the settings, and the defaults that moved because of them. */
export const settingsUpdateResponseSchema = settingsResponseSchema.extend({ default_changes: z.array(defaultChangeSchema) });
export type SettingsUpdateResponse = z.infer<typeof settingsUpdateResponseSchema>;

/** POST /api/ai-model-updater { wait: false } */
export const runStartedResponseSchema = z.object({ success: z.literal(true), run_id: z.string(), status: z.literal("running") });
export type RunStartedResponse = z.infer<typeof runStartedResponseSchema>;

/** GET /api/ai-model-updater/runs/<id> */
export const runResponseSchema = z.object({ success: z.literal(true), run: runRowWireSchema });
export type RunResponse = z.infer<typeof runResponseSchema>;

/** PUT /api/admin/models/<id>/overrides */
export const overridesResponseSchema = z.object({ success: z.literal(true), model: modelRowWireSchema });
export type OverridesResponse = z.infer<typeof overridesResponseSchema>;

/** POST /api/admin/metadata/refresh */
export const metadataRefreshResponseSchema = z.object({
  success: z.literal(true),
  sources: z.array(z.object({
    source: z.string(), state: z.string(), entries: z.number().int(), skipped: z.number().int(),
    as_of: z.string().nullable(), error: z.string().optional(),
  })),
  warnings: z.array(z.object({ source: z.string(), message: z.string() })),
  errors: z.array(z.object({ provider: z.string().nullable(), message: z.string() })),
  models_updated: z.number().int(),
  changes: z.array(z.object({ provider: providerSchema, model_name: z.string(), field: z.string(), from: z.unknown(), to: z.unknown(), source: z.string() })),
});
export type MetadataRefreshResponse = z.infer<typeof metadataRefreshResponseSchema>;

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

/** GET /api/admin/attention: what an admin must act on, most urgent first, and the metadata sources' state. */
export const attentionResponseSchema = z.object({
  success: z.literal(true),
  items: z.array(attentionItemSchema),
  metadata_sources: z.array(metadataSourceStatusSchema.extend({ enabled: z.boolean(), failing: z.boolean() })),
});
export type AttentionResponse = z.infer<typeof attentionResponseSchema>;
export type AttentionItemWire = AttentionResponse["items"][number];
export type MetadataSourceWire = AttentionResponse["metadata_sources"][number];

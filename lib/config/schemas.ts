import { z } from "zod";
import {
  capabilitiesSchema,
  defaultTierSchema,
  pricingSchema,
  providerSchema,
  tierSchema,
} from "@/lib/domain";
import { provenanceSchema } from "@/lib/db/facts-columns";
import { modelRowSchema } from "@/lib/db/model-row";
import { runRowSchema } from "@/lib/db/runs-repo";

// One schema per role: the routes parse with them and the OpenAPI document is generated from them.

export const configSourceSchema = z
  .enum(["database", "cache", "fallback"])
  .describe("database: read just now; cache: from the in-memory snapshot; fallback: the database is unreachable or has no default");
export type ConfigSource = z.infer<typeof configSourceSchema>;

export const modelConfigQuerySchema = z
  .object({
    provider: providerSchema,
    type: defaultTierSchema.default("flagship"),
  })
  .describe("Which default to answer: a provider and a model type (flagship when omitted)");

export const modelConfigBodySchema = modelConfigQuerySchema.describe("The same question as the GET query, as a JSON body");

const isoTimestamp = z.string().describe("ISO 8601 timestamp");

/** The config answer without the envelope: one model as services use it. */
export const modelConfigSchema = z
  .object({
    model_name: z.string().describe("The model id to send to the provider"),
    provider: providerSchema,
    model_type: tierSchema,
    display_name: z.string().nullable(),
    capabilities: capabilitiesSchema,
    pricing: pricingSchema.describe("USD per million tokens; null when unknown"),
    context_window: z.number().int().nullable(),
    max_tokens: z.number().int().nullable(),
    is_preview: z.boolean(),
    release_date: z.string().nullable(),
    shutdown_date: z.string().nullable().describe("YYYY-MM-DD the provider retires the model, when announced"),
    successor: z.string().nullable().describe("The replacement the provider names, as stated (not resolved to a registry row); null when none"),
    aliases: z.array(z.string()),
    provenance: provenanceSchema,
    source: configSourceSchema,
    override: z.literal(true).optional().describe("Present (true) when the calling service key's override chose this answer"),
    override_warning: z.string().optional().describe("Why the calling service key's override could not be followed (the normal answer is given)"),
  })
  .describe("One model as the config API answers it");
export type ModelConfig = z.infer<typeof modelConfigSchema>;

export const modelConfigResponseSchema = z
  .object({ success: z.literal(true) })
  .extend(modelConfigSchema.shape)
  .describe("The default model of a provider and type");
export type ModelConfigResponse = z.infer<typeof modelConfigResponseSchema>;

export const providersResponseSchema = z
  .object({
    success: z.literal(true),
    providers: z.object({
      openai: z.object({ flagship: modelConfigSchema, fast: modelConfigSchema }),
      anthropic: z.object({ flagship: modelConfigSchema, fast: modelConfigSchema }),
      google: z.object({ flagship: modelConfigSchema, fast: modelConfigSchema }),
      mistral: z.object({ flagship: modelConfigSchema, fast: modelConfigSchema }),
    }),
  })
  .describe("The flagship and fast defaults of every provider");
export type ProvidersResponse = z.infer<typeof providersResponseSchema>;

export const allModelsQuerySchema = z
  .object({
    provider: providerSchema.optional(),
    type: tierSchema.optional(),
    active: z
      .enum(["true", "false"], { error: 'expected "true" or "false"' })
      .transform((v) => v === "true")
      .optional()
      .describe("Only active (true) or only inactive (false) models"),
  })
  .describe("Optional filters of the registry listing");

/** A registry row on the wire: the repository schema with its database-side transforms spelled out. */
export const modelRowWireSchema = modelRowSchema
  .extend({
    version_rank: z.number(),
    discovered_at: isoTimestamp,
    last_validated_at: isoTimestamp.nullable(),
    deactivated_at: isoTimestamp.nullable(),
    created_at: isoTimestamp,
    updated_at: isoTimestamp,
  })
  .describe("Every column of ai_model_configs");
/** A registry row as the API answers it (the console's model type). */
export type ModelRowWire = z.infer<typeof modelRowWireSchema>;

export const allModelsResponseSchema = z
  .object({ success: z.literal(true), models: z.array(modelRowWireSchema), count: z.number().int() })
  .describe("Registry rows in a stable order: provider, type, newest generation first");
export type AllModelsResponse = z.infer<typeof allModelsResponseSchema>;

export const historyQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(10).describe("How many runs, 1..100 (10 when omitted)"),
  })
  .describe("How much of the discovery history");

export const runRowWireSchema = runRowSchema
  .extend({
    run_date: isoTimestamp,
    started_at: isoTimestamp,
    finished_at: isoTimestamp.nullable(),
    lease_expires_at: isoTimestamp.nullable(),
    created_at: isoTimestamp,
  })
  .describe("Every column of ai_model_update_logs: one discovery run");
/** A discovery run as the API answers it (the console's run type). */
export type RunRowWire = z.infer<typeof runRowWireSchema>;

export const historyResponseSchema = z
  .object({ success: z.literal(true), logs: z.array(runRowWireSchema) })
  .describe("Discovery runs, newest first");
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

export const validateBodySchema = z
  .object({
    provider: providerSchema,
    model_name: z.string().trim().min(1).max(200).describe("A model id or one of its aliases (dated snapshots)"),
  })
  .describe("A model name a service wants to use");

export const validatedModelSchema = modelConfigSchema
  .omit({ source: true, override: true, override_warning: true })
  .extend({ is_active: z.boolean(), is_default: z.boolean() })
  .describe("The registry entry the name resolved to");

export const validateResponseSchema = z
  .object({
    success: z.literal(true),
    valid: z.boolean().describe("True when the model is known and active"),
    model: validatedModelSchema.optional(),
    reason: z.string().optional().describe("Why the name is not valid"),
    source: configSourceSchema,
  })
  .describe("Whether a model name is known and active");
export type ValidateResponse = z.infer<typeof validateResponseSchema>;

export const errorResponseSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe("Every error answer");

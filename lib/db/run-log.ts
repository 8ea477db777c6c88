import { z } from "zod";
import { defaultChangeSchema, PROVIDERS, providerSchema, tierSchema, type Provider } from "@/lib/domain";

// The JSON columns of ai_model_update_logs: a run writes them with these schemas and every reader parses
// them with the same ones (repository, console, monitoring).

export const progressStateSchema = z.enum(["pending", "listing", "done", "failed", "skipped"]);

/** Progress of one provider during a run, as stored on the run row and polled by the UI. */
export const providerProgressSchema = z.object({
  state: progressStateSchema,
  pages: z.number().int().nonnegative(),
  models_seen: z.number().int().nonnegative(),
  message: z.string().optional(),
});
export type ProviderProgress = z.infer<typeof providerProgressSchema>;

/** Per-provider progress; a run that started before a provider was known to it may lack an entry. */
export const runProgressSchema = z.partialRecord(providerSchema, providerProgressSchema);
export type RunProgress = Record<Provider, ProviderProgress>;

/** What each provider gave the run. */
export const providerResultSchema = z.object({
  state: progressStateSchema,
  models: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  set_aside: z.number().int().nonnegative(),
});
export const providerResultsSchema = z.partialRecord(providerSchema, providerResultSchema);

export const addedModelSchema = z.object({
  provider: providerSchema,
  model_name: z.string(),
  model_type: tierSchema,
  needs_review: z.boolean(),
});
export type AddedModel = z.infer<typeof addedModelSchema>;

export const deprecatedModelSchema = z.object({ provider: providerSchema, model_name: z.string() });
export type DeprecatedModel = z.infer<typeof deprecatedModelSchema>;

/** An error of a run: a provider's, or the run's own (provider "all", or null when a lease expired). */
export const runErrorSchema = z.object({ provider: z.string().nullable(), message: z.string() });
export type RunError = z.infer<typeof runErrorSchema>;

/** A warning of a run (CONTRACT §3): its source is a provider id or a metadata source ("models.dev", "litellm"). */
export const runWarningObjectSchema = z.object({ source: z.string(), message: z.string() });
export type RunWarning = z.infer<typeof runWarningObjectSchema>;

/** Also reads the plain-text warnings of runs recorded before warnings had a source ("openai: …"). */
export const runWarningSchema = z.union([
  runWarningObjectSchema,
  z.string().transform((text): RunWarning => {
    const m = /^([a-z][\w.-]*): (.*)$/s.exec(text);
    return m ? { source: m[1], message: m[2] } : { source: "run", message: text };
  }),
]);

export const runLogColumns = {
  progress: runProgressSchema,
  provider_results: providerResultsSchema,
  added_models: z.array(addedModelSchema),
  deprecated_models: z.array(deprecatedModelSchema),
  default_changes: z.array(defaultChangeSchema),
  errors: z.array(runErrorSchema),
  warnings: z.array(runWarningSchema),
};

/** Every provider pending: the first progress of a run. */
export function initialProgress(): RunProgress {
  return Object.fromEntries(PROVIDERS.map((p) => [p, { state: "pending", pages: 0, models_seen: 0 }])) as RunProgress;
}

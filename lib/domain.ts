import { z } from "zod";

/** The four providers, in the order they are shown everywhere. */
export const PROVIDERS = ["openai", "anthropic", "google", "mistral"] as const;
export const providerSchema = z
  .enum(PROVIDERS, { error: (issue) => (issue.input === undefined ? "required" : undefined) })
  .describe("AI provider: openai, anthropic, google or mistral");
export type Provider = z.infer<typeof providerSchema>;

/** How providers are named to people: `label` on screen, `api` for the API a message is about (run logs, provider errors). */
export const PROVIDER_NAMES: Record<Provider, { label: string; api: string }> = {
  openai: { label: "OpenAI", api: "OpenAI" },
  anthropic: { label: "Anthropic", api: "Anthropic" },
  google: { label: "Google", api: "Google Gemini" },
  mistral: { label: "Mistral", api: "Mistral" },
};
export const PROVIDER_LABELS = Object.fromEntries(PROVIDERS.map((p) => [p, PROVIDER_NAMES[p].label])) as Record<Provider, string>;

/** Tiers: `tier` in code, `model_type` on the wire. Only flagship and fast have defaults. */
export const TIERS = ["flagship", "fast", "legacy"] as const;
export const tierSchema = z.enum(TIERS).describe("Model tier: flagship, fast or legacy");
export type Tier = z.infer<typeof tierSchema>;

export const DEFAULT_TIERS = ["flagship", "fast"] as const;
export const defaultTierSchema = z.enum(DEFAULT_TIERS).describe("Model type with a default: flagship or fast");
export type DefaultTier = z.infer<typeof defaultTierSchema>;

export const capabilitiesSchema = z
  .object({
    vision: z.boolean().default(false),
    function_calling: z.boolean().default(false),
    json_mode: z.boolean().default(false),
    reasoning: z.boolean().default(false),
  })
  .catchall(z.boolean());
export type Capabilities = z.infer<typeof capabilitiesSchema>;

export const pricingSchema = z.object({
  input_per_mtok: z.number().nonnegative().nullable(),
  output_per_mtok: z.number().nonnegative().nullable(),
});
export type Pricing = z.infer<typeof pricingSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** A move of one slot's default: what the run log, the admin answers and the audit table record. */
export const defaultChangeSchema = z.object({
  provider: providerSchema,
  model_type: defaultTierSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string(),
});
export type DefaultChange = z.infer<typeof defaultChangeSchema>;

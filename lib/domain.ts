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

/** The four capabilities every answer names; each is three-valued. */
export const CAPABILITY_KEYS = ["vision", "function_calling", "json_mode", "reasoning"] as const;
export type CapabilityKey = (typeof CAPABILITY_KEYS)[number];

const capability = (what: string) =>
  z.boolean().nullable().default(null).describe(`${what}: true or false where a source says so, null when unknown`);

export const capabilitiesSchema = z
  .object({
    vision: capability("Image input"),
    function_calling: capability("Function (tool) calling"),
    json_mode: capability("JSON / structured output"),
    reasoning: capability("Reasoning (thinking)"),
  })
  .catchall(z.boolean().nullable());
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/** The prices an answer carries (USD per million tokens); the first two always, the rest null where unknown. */
export const PRICE_KEYS = [
  "input_per_mtok",
  "output_per_mtok",
  "cache_read_per_mtok",
  "cache_write_per_mtok",
  "input_above_200k_per_mtok",
  "output_above_200k_per_mtok",
] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

const price = z.number().nonnegative().nullable();

export const pricingSchema = z.object({
  input_per_mtok: price,
  output_per_mtok: price,
  cache_read_per_mtok: price.default(null).describe("Reading cached input"),
  cache_write_per_mtok: price.default(null).describe("Writing the cache"),
  input_above_200k_per_mtok: price.default(null).describe("Input of prompts over 200k tokens"),
  output_above_200k_per_mtok: price.default(null).describe("Output of prompts over 200k tokens"),
});
export type Pricing = z.infer<typeof pricingSchema>;

/** A model of a list by its name, else by one of its aliases (a name beats another model's alias). */
export function findByNameOrAlias<T extends { model_name: string; aliases: readonly string[] }>(models: readonly T[], name: string): T | undefined {
  return models.find((m) => m.model_name === name) ?? models.find((m) => m.aliases.includes(name));
}

/** A model is priced when both its input and output price are known (what cost reports need). */
export function isPriced(p: { input_per_mtok: number | null; output_per_mtok: number | null }): boolean {
  return p.input_per_mtok !== null && p.output_per_mtok !== null;
}

/** The four prices beyond input and output, unknown: for a price stated as only those two. */
export const NO_EXTRA_PRICES = {
  cache_read_per_mtok: null,
  cache_write_per_mtok: null,
  input_above_200k_per_mtok: null,
  output_above_200k_per_mtok: null,
} as const;

/** Where a figure came from (CONTRACT §7), in precedence order: the first that states a figure wins. */
export const FACT_SOURCES = ["admin", "provider", "models.dev", "litellm", "catalog"] as const;
export const factSourceSchema = z.enum(FACT_SOURCES).describe("Who stated the figure");
export type FactSource = z.infer<typeof factSourceSchema>;

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

import { z } from "zod";
import { CAPABILITY_KEYS, factSourceSchema, PRICE_KEYS } from "@/lib/domain";

// The JSON columns of ai_model_configs that say where figures came from (provenance) and what an admin set
// by hand (overrides). Written and read with these schemas; the wire and the console take their types from them.

/** Where one group of figures came from and since when it says so; null when nothing states it. */
export const provenanceEntrySchema = z
  .object({
    source: factSourceSchema,
    as_of: z.string().nullable().describe("Date of the statement (ISO 8601): the document's date, the listing's or the admin's change"),
  })
  .nullable();
export type ProvenanceEntry = z.infer<typeof provenanceEntrySchema>;

export const PROVENANCE_FIELDS = ["pricing", "context_window", "max_tokens", "capabilities"] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];

/** Provenance of each answered group of figures (CONTRACT §7); a row written before it existed reads as all null. */
export const provenanceSchema = z
  .object({
    pricing: provenanceEntrySchema.default(null),
    context_window: provenanceEntrySchema.default(null),
    max_tokens: provenanceEntrySchema.default(null),
    capabilities: provenanceEntrySchema.default(null),
  })
  .describe("Where each figure came from: admin, provider, models.dev, litellm or catalog, with its date");
export type Provenance = z.infer<typeof provenanceSchema>;

export const emptyProvenance = (): Provenance => ({ pricing: null, context_window: null, max_tokens: null, capabilities: null });

const priceValue = z.number().nonnegative().max(10_000);
const limitValue = z.number().int().positive().max(100_000_000);

/** An admin's figures for one model: only the fields set; they outrank every source. */
export const overridesSchema = z
  .object({
    pricing: z.partialRecord(z.enum(PRICE_KEYS), priceValue).optional(),
    context_window: limitValue.optional(),
    max_tokens: limitValue.optional(),
    capabilities: z.partialRecord(z.enum(CAPABILITY_KEYS), z.boolean()).optional(),
    successor: z.string().min(1).optional().describe("The replacement an admin names, over the provider's and the catalog's"),
    set_by: z.string().optional(),
    set_at: z.string().optional(),
  })
  .describe("Figures an admin set by hand; they outrank every source until cleared");
export type Overrides = z.infer<typeof overridesSchema>;

/** What the provider's own listing stated, kept so a metadata refresh without a listing still ranks it first. */
export const providerFactsSchema = z.object({
  context_window: z.number().int().positive().nullable().default(null),
  max_tokens: z.number().int().positive().nullable().default(null),
  capabilities: z.record(z.string(), z.boolean()).default({}),
});
export type ProviderFacts = z.infer<typeof providerFactsSchema>;

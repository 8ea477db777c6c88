import { z } from "zod";
import { capabilitiesSchema, isoDateSchema, PROVIDERS, pricingSchema, tierSchema } from "@/lib/domain";

export const catalogModelSchema = z.object({
  model_name: z.string().min(1),
  display_name: z.string().min(1),
  tier: tierSchema,
  family: z.string().min(1),
  pricing: pricingSchema,
  context_window: z.number().int().positive(),
  max_tokens: z.number().int().positive(),
  capabilities: capabilitiesSchema,
  release_date: isoDateSchema,
  aliases: z.array(z.string().min(1)).default([]),
  preview: z.boolean().default(false),
  shutdown_date: isoDateSchema.optional(),
  successor: z.string().min(1).optional().describe("The replacement the provider names for this model"),
  source: z.string().min(1).describe("Where the figures come from"),
});
export type CatalogModel = z.infer<typeof catalogModelSchema>;

const providerCatalogSchema = z
  .object({
    defaults: z.object({ flagship: z.string(), fast: z.string() }),
    models: z.array(catalogModelSchema).min(1),
  })
  .superRefine((p, ctx) => {
    for (const tier of ["flagship", "fast"] as const) {
      const m = p.models.find((x) => x.model_name === p.defaults[tier]);
      if (!m) ctx.addIssue({ code: "custom", path: ["defaults", tier], message: `default ${p.defaults[tier]} is not in models` });
      else if (m.tier !== tier) ctx.addIssue({ code: "custom", path: ["defaults", tier], message: `default ${m.model_name} is tier ${m.tier}` });
    }
    const names = new Set<string>();
    for (const m of p.models) {
      if (names.has(m.model_name)) ctx.addIssue({ code: "custom", path: ["models"], message: `duplicate ${m.model_name}` });
      names.add(m.model_name);
    }
  });

export const catalogSchema = z.object({
  $comment: z.string().optional(),
  version: z.string(),
  providers: z.object(Object.fromEntries(PROVIDERS.map((p) => [p, providerCatalogSchema])) as {
    [K in (typeof PROVIDERS)[number]]: typeof providerCatalogSchema;
  }),
});
export type Catalog = z.infer<typeof catalogSchema>;

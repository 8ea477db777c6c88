import { z } from "zod";
import { PROVIDERS, type Provider } from "@/lib/domain";
import { dateText, emptyPricing, flag, limit, optionalBoolean, optionalNumber, optionalString, outputLimit, price, rejectReason } from "./guards";
import type { FactsPricing, ModelFacts, ParseResult } from "./types";

// models.dev's api.json (docs/reference/metadata-sources.md). Loose objects: the generator adds fields over time.

const tierSchema = z.looseObject({
  input: optionalNumber,
  output: optionalNumber,
  tier: z.looseObject({ type: z.string(), size: z.number() }),
});

const costSchema = z.looseObject({
  input: optionalNumber,
  output: optionalNumber,
  cache_read: optionalNumber,
  cache_write: optionalNumber,
  tiers: z.array(tierSchema).optional().nullable(),
  context_over_200k: z.looseObject({ input: optionalNumber, output: optionalNumber }).optional().nullable(),
});

/** One model of models.dev, as far as we read it. */
export const modelsDevModelSchema = z.looseObject({
  id: z.string().min(1),
  reasoning: optionalBoolean,
  tool_call: optionalBoolean,
  structured_output: optionalBoolean,
  knowledge: optionalString,
  release_date: optionalString,
  status: optionalString,
  modalities: z.looseObject({ input: z.array(z.string()), output: z.array(z.string()).optional() }).optional().nullable(),
  limit: z.looseObject({ context: optionalNumber, input: optionalNumber, output: optionalNumber }).optional().nullable(),
  cost: costSchema.optional().nullable(),
});
type ModelsDevModel = z.infer<typeof modelsDevModelSchema>;

const providerSchema = z.looseObject({ models: z.record(z.string(), z.unknown()) });

/** The cheapest context tier (the smallest threshold), else the legacy context_over_200k block. */
function longContext(cost: NonNullable<ModelsDevModel["cost"]>): Pick<FactsPricing, "input_above_200k_per_mtok" | "output_above_200k_per_mtok" | "long_context_threshold"> {
  const tier = (cost.tiers ?? []).filter((t) => t.tier.type === "context" && limit(t.tier.size) !== null).sort((a, b) => a.tier.size - b.tier.size)[0];
  if (tier) return { input_above_200k_per_mtok: price(tier.input), output_above_200k_per_mtok: price(tier.output), long_context_threshold: tier.tier.size };
  const legacy = cost.context_over_200k;
  if (legacy) return { input_above_200k_per_mtok: price(legacy.input), output_above_200k_per_mtok: price(legacy.output), long_context_threshold: 200_000 };
  return { input_above_200k_per_mtok: null, output_above_200k_per_mtok: null, long_context_threshold: null };
}

function pricingOf(cost: ModelsDevModel["cost"]): FactsPricing {
  if (!cost) return emptyPricing();
  return {
    input_per_mtok: price(cost.input),
    output_per_mtok: price(cost.output),
    cache_read_per_mtok: price(cost.cache_read),
    cache_write_per_mtok: price(cost.cache_write),
    ...longContext(cost),
  };
}

/** One models.dev model as facts; absent fields stay null (an absent `structured_output` is not "no JSON mode"). */
export function modelsDevFacts(provider: Provider, modelId: string, m: ModelsDevModel, asOf: string): ModelFacts {
  const context = limit(m.limit?.context);
  return {
    source: "models.dev",
    as_of: asOf,
    provider,
    model_id: modelId,
    pricing: pricingOf(m.cost),
    context_window: context,
    max_input_tokens: limit(m.limit?.input),
    max_tokens: outputLimit(limit(m.limit?.output), context),
    capabilities: {
      vision: m.modalities ? m.modalities.input.includes("image") : null,
      function_calling: flag(m.tool_call),
      json_mode: flag(m.structured_output),
      reasoning: flag(m.reasoning),
    },
    release_date: dateText(m.release_date),
    knowledge: dateText(m.knowledge),
    status: m.status ?? null,
    deprecation_date: null,
  };
}

/**
 * Parses a models.dev document: our four providers' models become facts, other providers are ignored, a bad
 * entry is skipped and counted. Rejects the whole document when it holds none of our providers or when more
 * than half of our providers' entries are invalid.
 */
export function parseModelsDev(json: unknown, asOf: string): ParseResult {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { ok: false, message: "is not a models.dev document (expected an object keyed by provider id)" };
  const root = json as Record<string, unknown>;
  const facts: ModelFacts[] = [];
  const document: Record<string, unknown> = {};
  let skipped = 0;
  let providersSeen = 0;
  for (const provider of PROVIDERS) {
    const parsed = providerSchema.safeParse(root[provider]);
    if (!parsed.success) continue;
    providersSeen += 1;
    const kept: Record<string, unknown> = {};
    for (const [modelId, raw] of Object.entries(parsed.data.models)) {
      const model = modelsDevModelSchema.safeParse(raw);
      if (!model.success) {
        skipped += 1;
        continue;
      }
      kept[modelId] = raw;
      facts.push(modelsDevFacts(provider, modelId, model.data, asOf));
    }
    document[provider] = { ...parsed.data, models: kept };
  }
  const reason = rejectReason(facts.length, skipped, providersSeen);
  if (reason) return { ok: false, message: reason };
  return { ok: true, facts, document, entries: facts.length, skipped };
}

import { z } from "zod";
import type { Provider } from "@/lib/domain";
import { dayText, flag, limit, optionalBoolean, optionalNumber, optionalString, outputLimit, perTokenPrice, rejectReason } from "./guards";
import type { ModelFacts, ParseResult } from "./types";

// LiteLLM's model_prices_and_context_window.json: a flat map keyed by model name, prices per token.

/** One entry of LiteLLM's map, as far as we read it. */
export const litellmEntrySchema = z.looseObject({
  litellm_provider: optionalString,
  mode: optionalString,
  max_input_tokens: optionalNumber,
  max_output_tokens: optionalNumber,
  input_cost_per_token: optionalNumber,
  output_cost_per_token: optionalNumber,
  cache_read_input_token_cost: optionalNumber,
  cache_creation_input_token_cost: optionalNumber,
  input_cost_per_token_above_200k_tokens: optionalNumber,
  output_cost_per_token_above_200k_tokens: optionalNumber,
  deprecation_date: optionalString,
  supports_vision: optionalBoolean,
  supports_function_calling: optionalBoolean,
  supports_response_schema: optionalBoolean,
  supports_reasoning: optionalBoolean,
});
type LitellmEntry = z.infer<typeof litellmEntrySchema>;

const KEY_PREFIXES: Record<string, Provider> = { "openai/": "openai", "anthropic/": "anthropic", "gemini/": "google", "vertex_ai/": "google", "mistral/": "mistral" };
const CHAT_MODES = new Set(["chat", "responses"]);

/** Which of our providers an entry belongs to, its id without the key's prefix, and how direct the entry is (lower wins). */
export function litellmIdentity(key: string, litellmProvider: unknown): { provider: Provider; modelId: string; rank: number } | null {
  const prefix = Object.keys(KEY_PREFIXES).find((p) => key.startsWith(p));
  const modelId = prefix ? key.slice(prefix.length) : key;
  const stated = typeof litellmProvider === "string" ? litellmProvider : null;
  const direct: Record<string, Provider> = { openai: "openai", anthropic: "anthropic", gemini: "google", mistral: "mistral" };
  let provider: Provider | null = null;
  let rank = prefix ? 1 : 0;
  if (stated && direct[stated]) provider = direct[stated];
  // Vertex AI resells Gemini at Google's prices; its Claude and Mistral entries are Google Cloud's, not the provider's.
  else if (stated?.startsWith("vertex_ai") && modelId.startsWith("gemini-")) [provider, rank] = ["google", rank + 2];
  else if (!stated && prefix) provider = KEY_PREFIXES[prefix];
  if (!provider || modelId === "" || modelId.includes("/")) return null;
  return { provider, modelId, rank };
}

/** One LiteLLM entry as facts: per-token prices times 1e6, max_input_tokens as the window, absent flags null. */
export function litellmFacts(provider: Provider, modelId: string, e: LitellmEntry, asOf: string): ModelFacts {
  const context = limit(e.max_input_tokens);
  const above = perTokenPrice(e.input_cost_per_token_above_200k_tokens) ?? perTokenPrice(e.output_cost_per_token_above_200k_tokens);
  return {
    source: "litellm",
    as_of: asOf,
    provider,
    model_id: modelId,
    pricing: {
      input_per_mtok: perTokenPrice(e.input_cost_per_token),
      output_per_mtok: perTokenPrice(e.output_cost_per_token),
      cache_read_per_mtok: perTokenPrice(e.cache_read_input_token_cost),
      cache_write_per_mtok: perTokenPrice(e.cache_creation_input_token_cost),
      input_above_200k_per_mtok: perTokenPrice(e.input_cost_per_token_above_200k_tokens),
      output_above_200k_per_mtok: perTokenPrice(e.output_cost_per_token_above_200k_tokens),
      long_context_threshold: above === null ? null : 200_000,
    },
    context_window: context,
    max_input_tokens: context,
    // `max_tokens` is legacy and means input or output depending on the entry: only max_output_tokens is read.
    max_tokens: outputLimit(limit(e.max_output_tokens), context),
    capabilities: {
      vision: flag(e.supports_vision),
      function_calling: flag(e.supports_function_calling),
      json_mode: flag(e.supports_response_schema),
      reasoning: flag(e.supports_reasoning),
    },
    release_date: null,
    knowledge: null,
    status: null,
    deprecation_date: dayText(e.deprecation_date),
  };
}

/**
 * Parses a LiteLLM model map: chat entries of our providers become facts (one per provider and id: the most
 * direct key wins), others are ignored, a bad entry of ours is skipped and counted. Rejects the whole map when it
 * holds none of our providers or when more than half of our entries are invalid.
 */
export function parseLitellm(json: unknown, asOf: string): ParseResult {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { ok: false, message: "is not a LiteLLM model map (expected an object keyed by model name)" };
  const chosen = new Map<string, { rank: number; facts: ModelFacts }>();
  const document: Record<string, unknown> = {};
  let skipped = 0;
  let valid = 0;
  for (const [key, raw] of Object.entries(json as Record<string, unknown>)) {
    if (key === "sample_spec") continue;
    const rawProvider = typeof raw === "object" && raw !== null ? (raw as { litellm_provider?: unknown }).litellm_provider : undefined;
    const who = litellmIdentity(key, rawProvider);
    if (!who) continue;
    const entry = litellmEntrySchema.safeParse(raw);
    if (!entry.success) {
      skipped += 1;
      continue;
    }
    if (entry.data.mode && !CHAT_MODES.has(entry.data.mode)) continue;
    valid += 1;
    document[key] = raw;
    const slot = `${who.provider}:${who.modelId}`;
    const held = chosen.get(slot);
    if (!held || who.rank < held.rank) chosen.set(slot, { rank: who.rank, facts: litellmFacts(who.provider, who.modelId, entry.data, asOf) });
  }
  const reason = rejectReason(valid, skipped, valid + skipped);
  if (reason) return { ok: false, message: reason };
  const facts = [...chosen.values()].map((c) => c.facts);
  return { ok: true, facts, document, entries: facts.length, skipped };
}

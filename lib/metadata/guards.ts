import { z } from "zod";
import type { FactsCapabilities, FactsPricing } from "./types";

// The catalogs are edited by hand and carry known slips (negative or absurd prices, zero limits): a value that
// cannot be true becomes null (unknown) instead of a figure; nothing is ever filled in.

/** A JSON number field, present or not; its range is judged by the guards below, not by the schema. */
export const optionalNumber = z.number().optional().nullable();
export const optionalBoolean = z.boolean().optional().nullable();
export const optionalString = z.string().optional().nullable();

const MAX_PRICE_PER_MTOK = 100_000;

/** A USD-per-million-tokens price, or null when absent, not finite, negative or absurdly high. */
export function price(value: number | null | undefined): number | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_PRICE_PER_MTOK) return null;
  return value;
}

/** A per-token price (LiteLLM) as per million tokens, rounded so 1.25e-6 gives 1.25, not 1.2499999999999998. */
export function perTokenPrice(value: number | null | undefined): number | null {
  if (typeof value !== "number") return null;
  return price(Number((value * 1e6).toPrecision(10)));
}

/** A token limit: a positive integer, else null. */
export function limit(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** An output limit above the context window is impossible: keep it unknown rather than wrong. */
export function outputLimit(output: number | null, context: number | null): number | null {
  return output !== null && context !== null && output > context ? null : output;
}

/** A YYYY-MM-DD or YYYY-MM date as stated, else null. */
export function dateText(value: string | null | undefined): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? value : null;
}

/** A YYYY-MM-DD date as stated, else null. */
export function dayText(value: string | null | undefined): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export const flag = (value: boolean | null | undefined): boolean | null => (typeof value === "boolean" ? value : null);

export const emptyPricing = (): FactsPricing => ({
  input_per_mtok: null,
  output_per_mtok: null,
  cache_read_per_mtok: null,
  cache_write_per_mtok: null,
  input_above_200k_per_mtok: null,
  output_above_200k_per_mtok: null,
  long_context_threshold: null,
});

export const unknownCapabilities = (): FactsCapabilities => ({ vision: null, function_calling: null, json_mode: null, reasoning: null });

/** The verdict on a whole document once its entries are counted (CONTRACT §7: none of ours, or mostly invalid). */
export function rejectReason(entries: number, skipped: number, providersSeen: number): string | null {
  if (providersSeen === 0) return "holds none of our providers (openai, anthropic, google, mistral)";
  if (entries === 0 && skipped === 0) return "holds no models of our providers";
  if (skipped > entries) return `${skipped} of ${entries + skipped} entries of our providers are invalid`;
  return null;
}

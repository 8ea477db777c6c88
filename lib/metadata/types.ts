import type { Provider } from "@/lib/domain";

/** The field's catalogs we read, named as in `provenance` and in run warnings (CONTRACT §7). */
export const METADATA_SOURCES = ["models.dev", "litellm"] as const;
export type MetadataSource = (typeof METADATA_SOURCES)[number];

/** USD per million tokens; null where the source does not say (or says something impossible). */
export interface FactsPricing {
  input_per_mtok: number | null;
  output_per_mtok: number | null;
  cache_read_per_mtok: number | null;
  cache_write_per_mtok: number | null;
  input_above_200k_per_mtok: number | null;
  output_above_200k_per_mtok: number | null;
  /** Prompt size (tokens) from which the `*_above_200k_*` prices apply; sources use 200k or more. */
  long_context_threshold: number | null;
}

/** true/false only where the source states it; an absent field is null, never false. */
export interface FactsCapabilities {
  vision: boolean | null;
  function_calling: boolean | null;
  json_mode: boolean | null;
  reasoning: boolean | null;
}

/** What one source says about one model, with where and when it said it. */
export interface ModelFacts {
  source: MetadataSource;
  /** Date of the document: its Last-Modified, else the time it was fetched (ISO 8601). */
  as_of: string;
  provider: Provider;
  /** The id as the source keys it, without provider prefixes (`gemini/`, `models/`…). */
  model_id: string;
  pricing: FactsPricing;
  context_window: number | null;
  /** Input limit where the source gives one apart from the context window. */
  max_input_tokens: number | null;
  /** Output limit. */
  max_tokens: number | null;
  capabilities: FactsCapabilities;
  release_date: string | null;
  knowledge: string | null;
  /** models.dev's hint ("alpha" | "beta" | "deprecated"); a hint, never a shutdown. */
  status: string | null;
  /** LiteLLM's deprecation date (YYYY-MM-DD). */
  deprecation_date: string | null;
}

/** A document parsed whole: the facts, the document filtered to our providers (what is stored), and counts. */
export interface ParsedDocument {
  facts: ModelFacts[];
  /** The document in its own format, holding only our four providers' entries. */
  document: Record<string, unknown>;
  entries: number;
  skipped: number;
}

/** A parse either yields a document or says in one short sentence why the whole document was rejected. */
export type ParseResult = ({ ok: true } & ParsedDocument) | { ok: false; message: string };

/** The providers the config API knows. */
export const PROVIDERS = ["openai", "anthropic", "google", "mistral"] as const;
export type Provider = (typeof PROVIDERS)[number];
/** The model types that have a default. */
export const MODEL_TYPES = ["flagship", "fast"] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

export const isProvider = (x: string): x is Provider => (PROVIDERS as readonly string[]).includes(x);
export const isModelType = (x: string): x is ModelType => (MODEL_TYPES as readonly string[]).includes(x);

/** The config API's answer for one provider and type (CONTRACT §2), without the envelope. */
export interface ModelConfig {
  model_name: string;
  provider: Provider;
  model_type: string;
  display_name: string | null;
  /** true, false (a source says so) or null (unknown): test `=== true`, never truthiness alone. */
  capabilities: Record<string, boolean | null>;
  /** USD per million tokens; the extra prices only where the server knows them. */
  pricing: {
    input_per_mtok: number | null;
    output_per_mtok: number | null;
    cache_read_per_mtok?: number | null;
    cache_write_per_mtok?: number | null;
    input_above_200k_per_mtok?: number | null;
    output_above_200k_per_mtok?: number | null;
  };
  /** Where each group of figures came from, with its date (CONTRACT §7); absent from older servers. */
  provenance?: Record<"pricing" | "context_window" | "max_tokens" | "capabilities", { source: string; as_of: string | null } | null>;
  context_window: number | null;
  max_tokens: number | null;
  is_preview?: boolean;
  release_date?: string | null;
  shutdown_date?: string | null;
  aliases?: string[];
  /** Where the server took the answer from. */
  source: "database" | "cache" | "fallback";
}

/**
 * Where the client took an answer from: the network, its cache, its stale copy after an error, its built-in
 * defaults, or (a route or select with nothing cached that failed) the fallback slot's answer.
 */
export type ClientSource = "network" | "cache" | "stale" | "builtin" | "fallback";

export type ClientModelConfig = ModelConfig & { from: ClientSource };

/** A failed call to the config API, as given to onError (never thrown by getModel). */
export class ModelConfigError extends Error {
  readonly status?: number;
  readonly code?: string;
  constructor(message: string, options: { status?: number; code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ModelConfigError";
    this.status = options.status;
    this.code = options.code;
  }
}

/** A slot as routes and fallbacks name it, e.g. "anthropic:fast". */
export type SlotRef = `${Provider}:${ModelType}`;

/** One step of a route as the server resolved it: what it names, what it resolves to now, or why it was skipped. */
export interface RouteStep {
  step: unknown;
  model_name?: string | null;
  skipped?: boolean;
  reason?: string;
}

/** The answer for a named route (CONTRACT §9): the first step that resolves, and the whole chain. */
export type RouteConfig = ModelConfig & { chain: RouteStep[] };
export type ClientRouteConfig = RouteConfig & { from: ClientSource };

/** A select query (CONTRACT §9); an unknown or unset field is no constraint. */
export interface SelectQuery {
  type?: "flagship" | "fast" | "legacy" | "any";
  capabilities?: ("vision" | "function_calling" | "json_mode" | "reasoning")[];
  min_context?: number;
  min_output?: number;
  max_input_price?: number;
  max_output_price?: number;
  providers?: Provider[];
  order?: "rank" | "price";
  include_preview?: boolean;
}

/** The answer of a select: the best eligible model, the next ones in order, and how many qualified. */
export type SelectConfig = ModelConfig & { alternatives: ModelConfig[]; matched: number };
export type ClientSelectConfig = SelectConfig & { from: ClientSource };

/** The providers the config API knows. */
export type Provider = "openai" | "anthropic" | "google" | "mistral";
/** The model types that have a default. */
export type ModelType = "flagship" | "fast";

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

/** Where the client took an answer from: the network, its cache, its stale copy after an error, or its built-in defaults. */
export type ClientSource = "network" | "cache" | "stale" | "builtin";

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

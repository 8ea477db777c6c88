import type { Provider } from "@/lib/domain";

/** One model of a provider's listing, in the one shape the rest of discovery reads (from normalize.ts). */
export interface ProviderModel {
  provider: Provider;
  /** The id callers send to the provider (Gemini: without the "models/" prefix). */
  id: string;
  display_name: string | null;
  /** Release or creation date, YYYY-MM-DD, when the provider says (Mistral's `created` is not one). */
  release_date: string | null;
  input_token_limit: number | null;
  output_token_limit: number | null;
  /** Capabilities the provider states; absent keys are unknown, not false. */
  capabilities: Partial<Record<string, boolean>>;
  /** Other ids of the same model (Mistral aliases, dated snapshots folded in). */
  aliases: string[];
  /** Announced shutdown / deprecation date, YYYY-MM-DD. */
  shutdown_date: string | null;
  /** The replacement the provider names (Mistral's deprecation_replacement_model), as stated. */
  successor: string | null;
  is_preview: boolean;
  /** Chat ability as the provider states it (Gemini generateContent, Mistral completion_chat); null when unstated. */
  chat_capable: boolean | null;
  /** Provider-specific facts the chat filter and the admin need (methods, owned_by, type…). */
  raw: Record<string, unknown>;
}

/** What one provider returned in one run. */
export interface ProviderListing {
  provider: Provider;
  models: ProviderModel[];
  pages: number;
}

export type { ProviderProgress } from "@/lib/db/run-log";

// The built-in defaults of the client, derived from the catalog (the one source of truth), read without zod
// so the client has no runtime dependency.
import catalog from "../catalog/catalog.json";
import type { ModelConfig, ModelType, Provider } from "./types";

interface RawCatalogModel {
  model_name: string;
  display_name: string;
  tier: string;
  pricing: { input_per_mtok: number | null; output_per_mtok: number | null };
  context_window: number;
  max_tokens: number;
  capabilities: Record<string, boolean | null>;
  release_date: string;
  aliases?: string[];
  preview?: boolean;
  shutdown_date?: string;
}
interface RawProvider {
  defaults: Record<ModelType, string>;
  models: RawCatalogModel[];
}

const providers = catalog.providers as unknown as Record<string, RawProvider | undefined>;

/** The catalog's default of a provider and type as a config answer (source "fallback"), or undefined if unknown. */
export function builtinDefault(provider: Provider, type: ModelType): ModelConfig | undefined {
  const p = providers[provider];
  const name = p?.defaults[type];
  const m = p?.models.find((x) => x.model_name === name);
  if (!m) return undefined;
  return {
    model_name: m.model_name,
    provider,
    model_type: type,
    display_name: m.display_name,
    capabilities: m.capabilities,
    pricing: { input_per_mtok: m.pricing.input_per_mtok, output_per_mtok: m.pricing.output_per_mtok },
    context_window: m.context_window,
    max_tokens: m.max_tokens,
    is_preview: m.preview ?? false,
    release_date: m.release_date,
    shutdown_date: m.shutdown_date ?? null,
    aliases: m.aliases ?? [],
    provenance: {
      pricing: { source: "catalog", as_of: catalog.version },
      context_window: { source: "catalog", as_of: catalog.version },
      max_tokens: { source: "catalog", as_of: catalog.version },
      capabilities: { source: "catalog", as_of: catalog.version },
    },
    source: "fallback",
  };
}

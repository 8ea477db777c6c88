import type { CatalogModel } from "@/lib/catalog";
import type { ModelRow } from "@/lib/db/model-row";
import type { Provider } from "@/lib/domain";
import type { ConfigSource, ModelConfig } from "./schemas";

/** A registry row as the config API answers it. */
export function configFromRow(row: ModelRow, source: ConfigSource): ModelConfig {
  return {
    model_name: row.model_name,
    provider: row.provider,
    model_type: row.model_type,
    display_name: row.display_name,
    capabilities: row.capabilities,
    pricing: { input_per_mtok: row.pricing.input_per_mtok, output_per_mtok: row.pricing.output_per_mtok },
    context_window: row.context_window,
    max_tokens: row.max_tokens,
    is_preview: row.is_preview,
    release_date: row.release_date,
    shutdown_date: row.shutdown_date,
    successor: row.successor,
    aliases: row.aliases,
    source,
  };
}

/** A built-in catalog model as the config API answers it (always source "fallback"). */
export function configFromCatalog(provider: Provider, model: CatalogModel): ModelConfig {
  return {
    model_name: model.model_name,
    provider,
    model_type: model.tier,
    display_name: model.display_name,
    capabilities: model.capabilities,
    pricing: { input_per_mtok: model.pricing.input_per_mtok, output_per_mtok: model.pricing.output_per_mtok },
    context_window: model.context_window,
    max_tokens: model.max_tokens,
    is_preview: model.preview,
    release_date: model.release_date,
    shutdown_date: model.shutdown_date ?? null,
    successor: model.successor ?? null,
    aliases: model.aliases,
    source: "fallback",
  };
}

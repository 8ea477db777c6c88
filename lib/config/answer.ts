import type { CatalogModel } from "@/lib/catalog";
import { catalogRegistryRow } from "@/lib/catalog/registry-rows";
import type { ModelRow } from "@/lib/db/model-row";
import { NO_EXTRA_PRICES, type Provider } from "@/lib/domain";
import type { ConfigSource, ModelConfig } from "./schemas";

/** A registry row as the config API answers it. */
export function configFromRow(row: ModelRow, source: ConfigSource): ModelConfig {
  return {
    model_name: row.model_name,
    provider: row.provider,
    model_type: row.model_type,
    display_name: row.display_name,
    capabilities: row.capabilities,
    pricing: { ...NO_EXTRA_PRICES, ...row.pricing },
    context_window: row.context_window,
    max_tokens: row.max_tokens,
    is_preview: row.is_preview,
    release_date: row.release_date,
    shutdown_date: row.shutdown_date,
    successor: row.successor,
    aliases: row.aliases,
    provenance: row.provenance,
    source,
  };
}

/** A built-in catalog model as the config API answers it (always source "fallback"): its row as the seed writes it. */
export function configFromCatalog(provider: Provider, model: CatalogModel): ModelConfig {
  return configFromRow(catalogRegistryRow(provider, model.model_name), "fallback");
}

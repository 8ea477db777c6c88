import { getCatalog, type CatalogModel } from "@/lib/catalog";
import type { Provenance } from "@/lib/db/facts-columns";
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

// A catalog model states every figure it has; the catalog's version is its date.
function catalogProvenance(): Provenance {
  const entry = { source: "catalog" as const, as_of: getCatalog().version };
  return { pricing: entry, context_window: entry, max_tokens: entry, capabilities: entry };
}

/** A built-in catalog model as the config API answers it (always source "fallback"). */
export function configFromCatalog(provider: Provider, model: CatalogModel): ModelConfig {
  return {
    model_name: model.model_name,
    provider,
    model_type: model.tier,
    display_name: model.display_name,
    capabilities: model.capabilities,
    pricing: { ...NO_EXTRA_PRICES, ...model.pricing },
    context_window: model.context_window,
    max_tokens: model.max_tokens,
    is_preview: model.preview,
    release_date: model.release_date,
    shutdown_date: model.shutdown_date ?? null,
    successor: model.successor ?? null,
    aliases: model.aliases,
    provenance: catalogProvenance(),
    source: "fallback",
  };
}

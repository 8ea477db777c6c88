import raw from "./catalog.json";
import { catalogSchema, type Catalog, type CatalogModel } from "./schema";
import { findByNameOrAlias, type DefaultTier, type Provider } from "@/lib/domain";
import { isShutDown } from "@/lib/registry/lifecycle";

export type { Catalog, CatalogModel } from "./schema";

let parsed: Catalog | undefined;

/** The built-in catalog, validated once; a bad edit to catalog.json fails loudly at first use. */
export function getCatalog(): Catalog {
  parsed ??= catalogSchema.parse(raw);
  return parsed;
}

/** Finds a catalog model by its name or one of its aliases (dated snapshots). */
export function findCatalogModel(provider: Provider, name: string): CatalogModel | undefined {
  return findByNameOrAlias(getCatalog().providers[provider].models, name);
}

/** The built-in default for a provider and tier: the last resort of the config API. */
export function getFallbackDefault(provider: Provider, tier: DefaultTier): CatalogModel {
  const name = getCatalog().providers[provider].defaults[tier];
  const model = findCatalogModel(provider, name);
  if (!model) throw new Error(`catalog default ${provider}/${tier} missing`); // the schema rules this out
  return model;
}

/**
 * The built-in default unless its shutdown date has passed; then the catalog's first live model of the tier
 * (a retired model is never answered while a live one is known), else the default all the same.
 */
export function getLiveFallbackDefault(provider: Provider, tier: DefaultTier, now: Date = new Date()): CatalogModel {
  const model = getFallbackDefault(provider, tier);
  if (!isShutDown(model.shutdown_date, now)) return model;
  const live = getCatalog().providers[provider].models.find((m) => m.tier === tier && !m.preview && !isShutDown(m.shutdown_date, now));
  return live ?? model;
}

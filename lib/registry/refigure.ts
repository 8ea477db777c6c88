import { findCatalogModel } from "@/lib/catalog";
import { PROVENANCE_FIELDS, providerFactsSchema, type Overrides } from "@/lib/db/facts-columns";
import type { FactChange } from "@/lib/db/fact-changes-repo";
import type { FiguresWrite } from "@/lib/db/model-figures-repo";
import type { ModelRow } from "@/lib/db/model-row";
import type { PriceObservation } from "@/lib/db/prices-repo";
import { catalogAsOf } from "@/lib/discovery/enrich";
import { resolveFigures, type ResolvedFigures } from "@/lib/discovery/precedence";
import { findFacts, type MetadataFacts, type MetadataSource } from "@/lib/metadata";

/** The metadata facts to apply, and the sources that had no usable document. */
export interface AppliedFacts {
  facts: MetadataFacts;
  unavailable: ReadonlySet<MetadataSource>;
}

/**
 * A registry row's figures decided again by precedence without a provider listing (pure): what the provider
 * stated at its last listing still ranks first after the admin, then the catalogs, the built-in catalog, the row.
 */
export function refigure(row: ModelRow, applied: AppliedFacts, overrides: Overrides = row.overrides): ResolvedFigures {
  const parsed = providerFactsSchema.safeParse(row.metadata.provider_facts ?? {});
  const names = [row.model_name, ...row.aliases];
  const catalog = names.map((n) => findCatalogModel(row.provider, n)).find(Boolean);
  return resolveFigures({
    stated: parsed.success ? parsed.data : { context_window: null, max_tokens: null, capabilities: {} },
    statedAt: row.last_validated_at ?? row.updated_at,
    metadata: findFacts(applied.facts, { provider: row.provider, id: row.model_name, aliases: row.aliases }),
    unavailable: applied.unavailable,
    catalog,
    catalogAsOf: catalogAsOf(),
    overrides,
    row,
  });
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/** The groups of figures that differ between the row and its new figures, as audit entries. */
export function figureChanges(row: ModelRow, next: ResolvedFigures): FactChange[] {
  return PROVENANCE_FIELDS.filter((f) => json(row[f]) !== json(next[f])).map((field) => ({
    model_id: row.id, provider: row.provider, model_name: row.model_name, field,
    from: row[field], to: next[field], source: next.provenance[field]?.source ?? "unknown",
  }));
}

/** The write of a row's new figures. */
export const figuresWrite = (row: ModelRow, next: ResolvedFigures): FiguresWrite => ({
  id: row.id, pricing: next.pricing, capabilities: next.capabilities, max_tokens: next.max_tokens,
  context_window: next.context_window, provenance: next.provenance,
});

/** The new price for the price history, when a source is named for it. */
export function priceObservation(row: ModelRow, next: ResolvedFigures): PriceObservation | null {
  const source = next.provenance.pricing?.source;
  return source ? { model_id: row.id, pricing: next.pricing, source } : null;
}

// The built-in catalog as registry rows: what the seed writes into an empty registry, and what a select question
// is answered from when this instance has never read the registry (the database down since it started).
import type { NewModel } from "@/lib/db/models-insert-repo";
import { modelRowSchema, type ModelRow } from "@/lib/db/model-row";
import { PROVIDERS, type Provider } from "@/lib/domain";
import { getCatalog } from "./index";

/** The catalog as the rows the seed inserts (defaults marked), before any discovery. */
export function catalogNewModels(): NewModel[] {
  const catalog = getCatalog();
  const entry = { source: "catalog" as const, as_of: catalog.version };
  return PROVIDERS.flatMap((provider) => {
    const { defaults, models } = catalog.providers[provider];
    return models.map(
      (m): NewModel => ({
        provider,
        model_name: m.model_name,
        display_name: m.display_name,
        model_type: m.tier,
        family: m.family,
        version_rank: Date.parse(m.release_date) / 86_400_000, // newer release, higher rank, until discovery ranks it
        is_default: defaults.flagship === m.model_name || defaults.fast === m.model_name,
        is_preview: m.preview,
        capabilities: m.capabilities,
        pricing: m.pricing,
        max_tokens: m.max_tokens,
        context_window: m.context_window,
        aliases: m.aliases,
        release_date: m.release_date,
        shutdown_date: m.shutdown_date ?? null,
        successor: m.successor ?? null,
        source: "catalog",
        provenance: { pricing: entry, context_window: entry, max_tokens: entry, capabilities: entry },
        metadata: { catalog_source: m.source },
      }),
    );
  });
}

let rows: readonly ModelRow[] | undefined;
let byName: Map<string, ModelRow> | undefined;

/**
 * The catalog as a freshly seeded registry reads back (the database's own defaults filled in, the catalog's date
 * as every timestamp); ids are `catalog:<provider>/<model>`, since no database gave them one. Built once.
 */
export function catalogRegistryRows(): readonly ModelRow[] {
  if (rows) return rows;
  const at = `${getCatalog().version}T00:00:00.000Z`;
  rows = catalogNewModels().map((m) =>
    modelRowSchema.parse({
      id: `catalog:${m.provider}/${m.model_name}`, is_active: true, is_default: false, is_pinned: false, is_preview: false,
      needs_review: false, overrides: {}, deactivation_reason: null, confirmed_at: null, discovered_at: at,
      last_validated_at: null, deactivated_at: null, created_at: at, updated_at: at, ...m,
    }),
  );
  return rows;
}

/** One catalog model's row (catalogRegistryRows); a name the catalog does not hold is a programming error. */
export function catalogRegistryRow(provider: Provider, modelName: string): ModelRow {
  byName ??= new Map(catalogRegistryRows().map((r) => [`${r.provider}/${r.model_name}`, r]));
  const row = byName.get(`${provider}/${modelName}`);
  if (!row) throw new Error(`The built-in catalog has no ${provider}/${modelName}`);
  return row;
}

import { getCatalog } from "@/lib/catalog";
import { PROVIDERS } from "@/lib/domain";
import { countModels, insertModels, type NewModel } from "./models-repo";
import { recordPrices } from "./prices-repo";
import { bumpRegistryVersion } from "./registry-version-repo";
import type { Db } from "./types";

/** The built-in catalog as registry rows (defaults marked), before any discovery. */
function catalogRows(): NewModel[] {
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

/** Fills an empty registry from the built-in catalog so the config API answers before any discovery. */
export async function seedFromCatalog(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext('amm.seed'))");
    if ((await countModels(tx)) > 0) return 0;
    const rows = catalogRows();
    const ids = await insertModels(tx, rows);
    // Each model's first known price opens its price history.
    await recordPrices(tx, ids.map((id, i) => ({ model_id: id, pricing: rows[i].pricing!, source: "catalog" })), new Date());
    await bumpRegistryVersion(tx); // an instance that read the empty registry reloads
    return ids.length;
  });
}

/** Seeds an empty registry when the migrations have been applied (by us or the Supabase CLI); otherwise does nothing. */
export async function seedIfMigrated(db: Db): Promise<number> {
  const [row] = await db.query<{ ready: boolean }>("select to_regclass('public.ai_model_configs') is not null as ready");
  return row?.ready ? seedFromCatalog(db) : 0;
}

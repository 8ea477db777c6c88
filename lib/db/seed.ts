import { catalogNewModels } from "@/lib/catalog/registry-rows";
import { countModels, insertModels } from "./models-repo";
import { recordPrices } from "./prices-repo";
import { bumpRegistryVersion } from "./registry-version-repo";
import type { Db } from "./types";

/** Fills an empty registry from the built-in catalog so the config API answers before any discovery. */
export async function seedFromCatalog(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext('amm.seed'))");
    if ((await countModels(tx)) > 0) return 0;
    const rows = catalogNewModels();
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

import { listModelsForSnapshot, type ModelRow } from "@/lib/db/models-repo";
import { listRoutes, type RouteRow } from "@/lib/db/routes-repo";
import { readRegistryVersion } from "@/lib/db/registry-version-repo";
import { listLiveKeys, type LiveKeyRow } from "@/lib/db/service-keys-repo";
import type { Db } from "@/lib/db/types";

/** The whole registry as read at one registry version, with the indexes the answers look things up in. */
export interface RegistrySnapshot {
  models: ModelRow[];
  routes: RouteRow[];
  /** Live service keys by the hash of their secret; read with the models so a revocation travels with the registry. */
  keys: Map<string, LiveKeyRow>;
  defaults: Map<string, ModelRow>;
  /** Per provider, each model by its name and by each alias (names win over aliases). */
  byName: Map<string, Map<string, ModelRow>>;
  /** The registry version the rows were read at (ai_registry_version). */
  version: number;
  loadedAt: number;
  generation: number;
}

/** What a load reads; the cache adds when and for which generation. */
export type LoadedSnapshot = Omit<RegistrySnapshot, "loadedAt" | "generation">;

export const slotKey = (provider: string, tier: string) => `${provider}/${tier}`;

/**
 * Reads everything the config answers need. The version is read first: a change committed between the two
 * reads makes the next version check reload, never hides it. Extend here (one function) for new parts.
 */
export async function loadSnapshot(db: Db): Promise<LoadedSnapshot> {
  const version = await readRegistryVersion(db);
  const models = await listModelsForSnapshot(db);
  const routes = await listRoutes(db);
  const keys = new Map((await listLiveKeys(db)).map((k) => [k.secret_hash, k]));
  return { version, models, routes, keys, ...indexModels(models) };
}

/** The defaults by slot and the name index of a list of rows. */
export function indexModels(models: readonly ModelRow[]): Pick<RegistrySnapshot, "defaults" | "byName"> {
  const defaults = new Map<string, ModelRow>();
  const byName = new Map<string, Map<string, ModelRow>>();
  const names = (provider: string) => {
    let m = byName.get(provider);
    if (!m) byName.set(provider, (m = new Map()));
    return m;
  };
  for (const m of models) {
    if (m.is_default) defaults.set(slotKey(m.provider, m.model_type), m);
    names(m.provider).set(m.model_name, m);
  }
  for (const m of models) {
    const index = names(m.provider);
    for (const alias of m.aliases) if (!index.has(alias)) index.set(alias, m);
  }
  return { defaults, byName };
}

import { invalidateConfigCache } from "@/lib/config/cache";
import { getModelById, lockRegistry, type ModelRow } from "@/lib/db/models-repo";
import { bumpRegistryVersion } from "@/lib/db/registry-version-repo";
import type { Db } from "@/lib/db/types";
import { NotFoundError } from "@/lib/errors";
import { deliverSoon } from "@/lib/notify/kick";

/**
 * Runs an admin change in one transaction, serialised with runs, that also moves the registry version (so
 * every other instance reloads within CONFIG_VERSION_CHECK_MS), then drops this instance's snapshot so
 * callers here see it at once.
 */
export async function adminChange<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    const result = await db.transaction(async (tx) => {
      await lockRegistry(tx);
      const result = await fn(tx);
      await bumpRegistryVersion(tx);
      return result;
    });
    deliverSoon(db); // the change's events are committed: send them now
    return result;
  } finally {
    invalidateConfigCache();
  }
}

/** The model of an id, or NotFoundError. */
export async function requireModel(db: Db, id: string): Promise<ModelRow> {
  const model = await getModelById(db, id);
  if (!model) throw new NotFoundError(`No model with id ${id}`);
  return model;
}

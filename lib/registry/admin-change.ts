import { invalidateConfigCache } from "@/lib/config/cache";
import { getModelById, lockRegistry, type ModelRow } from "@/lib/db/models-repo";
import type { Db } from "@/lib/db/types";
import { NotFoundError } from "@/lib/errors";
import { deliverSoon } from "@/lib/notify/kick";

/** Runs an admin change in one transaction, serialised with runs, then drops the config snapshot so callers see it at once. */
export async function adminChange<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    const result = await db.transaction(async (tx) => {
      await lockRegistry(tx);
      return fn(tx);
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

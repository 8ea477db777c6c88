import { getServiceKey, revokeServiceKey, type ServiceKeyRow } from "@/lib/db/service-keys-repo";
import { NotFoundError } from "@/lib/errors";
import { forgetKeyHere } from "@/lib/keys/lookup";
import { adminChange } from "./admin-change";
import type { Action } from "./types";

/**
 * Revokes a service key: refused at once by this process, by every other with its next snapshot (the change
 * bumps the registry like every admin change). The row records who revoked it and when. Revoking twice is a no-op.
 */
export async function revokeKey({ ctx, input }: Action<{ id: string }>): Promise<ServiceKeyRow> {
  const key = await adminChange(ctx.db, async (tx) => {
    const revoked = await revokeServiceKey(tx, { id: input.id, revoked_by: ctx.actor });
    if (revoked) return revoked;
    const existing = await getServiceKey(tx, input.id);
    if (!existing) throw new NotFoundError(`No service key with id ${input.id}`);
    return existing;
  });
  forgetKeyHere(key.id);
  return key;
}

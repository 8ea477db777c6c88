import { findLiveKeyByName, insertServiceKey, type ServiceKeyRow } from "@/lib/db/service-keys-repo";
import { ConflictError } from "@/lib/errors";
import type { Overrides } from "@/lib/keys/overrides";
import { displayPrefix, hashSecret, newSecret } from "@/lib/keys/secret";
import { adminChange } from "./admin-change";
import type { Action } from "./types";

export interface CreateKeyInput {
  name: string;
  overrides?: Overrides;
}

/**
 * Creates a named service key and answers its secret, the only time it exists outside the caller: the table
 * keeps its SHA-256 hash and a short prefix. The row records who created it. A live key of the same name is a conflict.
 */
export async function createKey({ ctx, input }: Action<CreateKeyInput>): Promise<{ key: ServiceKeyRow; secret: string }> {
  return adminChange(ctx.db, async (tx) => {
    if (await findLiveKeyByName(tx, input.name)) {
      throw new ConflictError(`A live service key is named "${input.name}"; revoke it or choose another name`, { issues: [{ path: "name", message: "already used by a live key" }] });
    }
    const secret = newSecret();
    const key = await insertServiceKey(tx, {
      name: input.name, secret_hash: hashSecret(secret), prefix: displayPrefix(secret), overrides: input.overrides ?? {}, created_by: ctx.actor,
    });
    return { key, secret };
  });
}

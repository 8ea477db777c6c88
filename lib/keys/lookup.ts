import { readSnapshotOnce } from "@/lib/config/cache";
import type { ServiceKeyIdentity } from "@/lib/auth/principal";
import { hashesEqual, looksLikeServiceKey, secretDigest, storedHash } from "./secret";

// Keys this process revoked: refused at once, even while a snapshot read after the revocation is still under way.
const holder = globalThis as unknown as { __ammRevokedKeys?: Set<string> };
const revokedHere = () => (holder.__ammRevokedKeys ??= new Set());

/** Refuses a key in this process from now on (the revoking instance; others learn it with the next snapshot). */
export function forgetKeyHere(id: string): void {
  revokedHere().add(id);
}

/**
 * The live service key a bearer token is, from the registry snapshot (so the last good one serves while the
 * database is down); undefined for any other token. The secret is compared by its hash, in constant time;
 * `digest` is the token's secretDigest when the caller has it already.
 */
export async function findServiceKey(token: string, digest: Buffer = secretDigest(token)): Promise<ServiceKeyIdentity | undefined> {
  if (!looksLikeServiceKey(token)) return undefined;
  const hash = storedHash(digest);
  const { snapshot } = await readSnapshotOnce();
  const key = snapshot?.keys.get(hash);
  if (!key || !hashesEqual(key.secret_hash, hash) || revokedHere().has(key.id)) return undefined;
  return { id: key.id, name: key.name, overrides: key.overrides };
}

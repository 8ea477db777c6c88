import type { RequestHead } from "./request-head";
import { timingSafeEqual } from "node:crypto";
import { getAdminToken, getConfigApiKeys, getCronSecret } from "@/lib/env";
import { getSessionPrincipal } from "./session";
import { ApiError } from "@/lib/api/errors";
import { findServiceKey } from "@/lib/keys/lookup";
import { secretDigest } from "@/lib/keys/secret";
import type { Principal } from "./principal";
import { boundedMemo } from "@/lib/collections";


/** What a route requires. */
export type Access = "public" | "read" | "admin" | "cron";


// Digests of the configured secrets, so a request hashes only what it sent (secrets are few).
const expectedDigest = boundedMemo(64, secretDigest);
// Digests of recently presented tokens (kept apart, so made-up tokens never push out the secrets): the config
// reads repeat a few keys, and hashing was half of an answer's time.
const presentedDigest = boundedMemo(64, secretDigest);

/** Constant-time comparison of a digest of what was sent with a secret (both hashed, so lengths do not leak). */
function digestEquals(given: Buffer, expected: string | undefined): boolean {
  return !!expected && timingSafeEqual(given, expectedDigest(expected));
}

/** Constant-time comparison of two secrets of any length (hashed first, so lengths do not leak). */
export function secretEquals(given: string, expected: string | undefined): boolean {
  return digestEquals(secretDigest(given), expected);
}

export function bearerToken(req: RequestHead): string | undefined {
  const header = req.headers.get("authorization");
  const m = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return m?.[1]?.trim() || undefined;
}

/** Resolves the caller from the bearer token, else the admin session; undefined when neither is valid. */
export async function identify(req: RequestHead): Promise<Principal | undefined> {
  const token = bearerToken(req);
  if (token) {
    const given = presentedDigest(token);
    if (digestEquals(given, getAdminToken())) return { role: "admin", id: "admin-token" };
    if (digestEquals(given, getCronSecret())) return { role: "cron", id: "cron" };
    // Every key is compared, so the time taken does not tell which one matched.
    const keys = getConfigApiKeys();
    let match = -1;
    keys.forEach((k, i) => {
      if (digestEquals(given, k) && match < 0) match = i;
    });
    if (match >= 0) return { role: "reader", id: `config-key-${match + 1}` };
    const key = await findServiceKey(token, given);
    if (key) return { role: "reader", id: `service-key:${key.id}`, serviceKey: key };
    return undefined;
  }
  return (await getSessionPrincipal(req)) ?? undefined;
}

const ALLOWED: Record<Exclude<Access, "public">, Principal["role"][]> = {
  read: ["admin", "reader"],
  admin: ["admin"],
  cron: ["cron", "admin"],
};

/** Throws 401 for a missing or wrong credential, 403 for a valid one without the right. */
export async function authorize(req: RequestHead, access: Access): Promise<Principal | undefined> {
  if (access === "public") return identify(req);
  // The cron entry is a GET that changes state: a cookie sent along with a cross-site link must not start it.
  const principal = access === "cron" && bearerToken(req) === undefined ? undefined : await identify(req);
  if (!principal) {
    const given = bearerToken(req) !== undefined;
    const header = req.headers.get("authorization")?.trim();
    const message = given
      ? "Invalid token"
      : header
        ? "Authorization must use the Bearer scheme: Authorization: Bearer <token>"
        : "Missing Authorization: Bearer <token>";
    throw new ApiError("unauthorized", message, {
      headers: { "WWW-Authenticate": 'Bearer realm="ai-model-manager"' },
    });
  }
  if (!ALLOWED[access].includes(principal.role)) {
    throw new ApiError("forbidden", `This token may not ${access === "admin" ? "use admin routes" : access === "cron" ? "run discovery" : "read the config API"}`);
  }
  return principal;
}

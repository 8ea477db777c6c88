import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getAdminToken, isProduction, readEnv } from "@/lib/env";

/** The name of the built-in admin session cookie. */
export const SESSION_COOKIE = "amm_session";
/** How long a built-in session lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const payloadSchema = z.object({
  sub: z.string().min(1),
  method: z.enum(["token"]),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type SessionPayload = z.infer<typeof payloadSchema>;

/**
 * The signing key: from SESSION_SECRET when set, else derived from ADMIN_TOKEN, so rotating the token
 * also ends every session. Undefined when neither is configured (no one can sign in then).
 */
export function sessionKey(env: Record<string, string | undefined> = process.env): Buffer | undefined {
  const secret = readEnv("SESSION_SECRET", env) || (env === process.env ? getAdminToken() : readEnv("ADMIN_TOKEN", env));
  if (!secret) return undefined;
  // A label keeps this key distinct from any other use of the same secret.
  return createHmac("sha256", secret).update("ai-model-manager/session-cookie/v1").digest();
}

function mac(data: string, key: Buffer): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

/** Signs a payload as `<base64url JSON>.<base64url HMAC-SHA256>`. */
export function signSession(payload: SessionPayload, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body, key).toString("base64url")}`;
}

/** Creates a fresh admin session value that expires SESSION_TTL_MS from `now`. */
export function createSessionValue(key: Buffer, now = Date.now()): string {
  return signSession({ sub: "admin", method: "token", iat: now, exp: now + SESSION_TTL_MS }, key);
}

/**
 * The payload of a cookie value whose signature is right and that has not expired; null for anything else
 * (tampered, truncated, expired, signed with another key, malformed).
 */
export function verifySession(value: string | undefined, key: Buffer | undefined, now = Date.now()): SessionPayload | null {
  if (!value || !key || value.length > 4096) return null;
  const dot = value.indexOf(".");
  if (dot <= 0 || dot !== value.lastIndexOf(".")) return null;
  const body = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), "base64url");
  const expected = mac(body, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success || parsed.data.exp <= now) return null;
  return parsed.data;
}

function isLoopbackHost(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/**
 * The attributes of the session cookie: HttpOnly, SameSite=Lax, path /, Secure in production; except
 * plain http to localhost, which is how `npm start` and the browser tests are reached.
 */
export function sessionCookieOptions(requestUrl: string, maxAgeMs = SESSION_TTL_MS) {
  const url = new URL(requestUrl);
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isProduction() && !(url.protocol === "http:" && isLoopbackHost(url)),
    path: "/",
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

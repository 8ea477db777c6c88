import { hash, randomBytes, timingSafeEqual } from "node:crypto";

/** Every service key secret starts with this, so a leaked one is recognisable (and redacted from logs). */
export const SECRET_PREFIX = "amm_sk_";
/** How many characters of a secret the console shows: the prefix and 4 of its 43 random ones. */
const DISPLAY_LENGTH = SECRET_PREFIX.length + 4;

/** A new secret: the prefix and 32 random bytes in base64url. */
export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** The SHA-256 of a secret's UTF-8 bytes (what auth compares any presented token by, in constant time). */
export function secretDigest(secret: string): Buffer {
  return hash("sha256", secret, "buffer");
}

/** The stored form of a secret's digest: hex. */
export function storedHash(digest: Buffer): string {
  return digest.toString("hex");
}

/** The stored form of a secret: the hex SHA-256 of its UTF-8 bytes. */
export function hashSecret(secret: string): string {
  return storedHash(secretDigest(secret));
}

/** The part of a secret the console may show ("amm_sk_ab12"). */
export function displayPrefix(secret: string): string {
  return secret.slice(0, DISPLAY_LENGTH);
}

/** Whether a bearer token has the shape of a service key (other tokens never reach the key lookup). */
export function looksLikeServiceKey(token: string): boolean {
  return token.startsWith(SECRET_PREFIX);
}

/** Constant-time equality of two hex hashes of equal length. */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

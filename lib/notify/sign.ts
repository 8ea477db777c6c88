import { createHmac } from "node:crypto";

/**
 * The X-AMM-Signature value of a delivery: `sha256=` and the hex HMAC-SHA256, keyed with the secret's UTF-8
 * bytes, of `<timestamp>.<raw body>` (CONTRACT §8).
 */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", Buffer.from(secret, "utf8")).update(`${timestamp}.${body}`).digest("hex")}`;
}

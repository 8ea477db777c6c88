import { createHash } from "node:crypto";
import { toResponse, type ApiAnswer, type HeaderSource } from "@/lib/api/core";

/**
 * Authenticated answers may be kept by the caller only (private), and must be revalidated every time
 * (no-cache): a change of default then reaches callers at once, and an unchanged one costs a 304.
 * Vary names the credentials so no cache hands one caller's answer to another.
 */
export const CONFIG_CACHE_HEADERS = {
  "Cache-Control": "private, no-cache",
  Vary: "Authorization, Cookie",
} as const;

/**
 * A weak ETag of a JSON value. Keys in `ignore` (the answer's `source`) are left out: an answer from the
 * snapshot and the same answer read from the database are the same model, so a revalidation is a 304.
 */
export function etagOf(value: unknown, ignore: readonly string[] = []): string {
  const json = JSON.stringify(value, (key, v) => (ignore.includes(key) ? undefined : v));
  return `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
}

/** True when If-None-Match lists the tag (weak comparison, as RFC 9110 asks for If-None-Match). */
export function matchesIfNoneMatch(req: { headers: HeaderSource }, etag: string): boolean {
  const header = req.headers.get("if-none-match");
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

export interface EtagOptions {
  ignore?: readonly string[];
  headers?: Record<string, string>;
}

/** A JSON answer with an ETag, or a bodiless 304 when the caller already holds it (any host). */
export function etagAnswer(req: { headers: HeaderSource }, body: unknown, options: EtagOptions = {}): ApiAnswer {
  return preparedEtagAnswer(req, prepareEtag(body, options));
}

/** A body serialised once with its ETag and the headers of its 200 and its 304, to answer many requests from. */
export interface PreparedBody {
  json: string;
  etag: string;
  /** The 304's headers (cache headers, extra headers, ETag); the 200 adds its content type first. */
  notModified: Readonly<Record<string, string>>;
  ok: Readonly<Record<string, string>>;
}

export function prepareEtag(body: unknown, options: EtagOptions = {}): PreparedBody {
  const etag = etagOf(body, options.ignore);
  const notModified = { ...CONFIG_CACHE_HEADERS, ...options.headers, ETag: etag };
  return { json: JSON.stringify(body), etag, notModified, ok: { "content-type": "application/json", ...notModified } };
}

/** etagAnswer of a prepared body (its headers copied: an answer's headers are its own to add to). */
export function preparedEtagAnswer(req: { headers: HeaderSource }, prepared: PreparedBody): ApiAnswer {
  if (matchesIfNoneMatch(req, prepared.etag)) return { status: 304, headers: { ...prepared.notModified }, body: null };
  return { status: 200, headers: { ...prepared.ok }, body: prepared.json };
}

/** etagAnswer as a web Response. */
export function jsonWithEtag(req: Request, body: unknown, options: EtagOptions = {}): Response {
  return toResponse(etagAnswer(req, body, options));
}

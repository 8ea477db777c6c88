import type { RequestHead } from "./request-head";
import { trustsProxy, type EnvLike } from "./login-throttle";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host the browser addressed: X-Forwarded-Host is believed only behind a trusted proxy. */
export function requestHost(req: RequestHead, env: EnvLike = process.env): string {
  const forwarded = trustsProxy(env) ? req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || req.headers.get("host") || new URL(req.url).host;
}

/**
 * Whether an unsafe request may not use the browser's session: Sec-Fetch-Site says another site, or
 * (older browsers) Origin / Referer names another host, or the request says nothing of where it came from.
 */
export function refusesSession(req: RequestHead, env: EnvLike = process.env): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const site = req.headers.get("sec-fetch-site");
  // same-site is refused too: a sibling subdomain receives SameSite=Lax cookies.
  if (site) return site !== "same-origin" && site !== "none";
  const source = req.headers.get("origin") || req.headers.get("referer");
  if (!source) return true;
  try {
    return new URL(source).host !== requestHost(req, env);
  } catch {
    return true;
  }
}

import type { RequestHead } from "./request-head";
import type { Principal } from "./principal";
import { refusesSession } from "./csrf";
import { SESSION_COOKIE, sessionKey, verifySession } from "./session-cookie";
import { requestCookies, supabasePrincipal, type CookiePair } from "./supabase";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The principal of the built-in admin session. */
export const SESSION_PRINCIPAL: Principal = { role: "admin", id: "session:admin" };

/**
 * A cross-site request carrying the browser's cookies: an unsafe method whose Origin header names
 * another host than the one the request was sent to (SameSite=Lax already stops most of these).
 */
export function isCrossOrigin(req: RequestHead): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The admin signed in through cookies (built-in session first, then Supabase Auth), or null. */
export async function principalFromCookies(cookies: CookiePair[]): Promise<Principal | null> {
  const value = cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (value && verifySession(value, sessionKey())) return SESSION_PRINCIPAL;
  return supabasePrincipal(cookies);
}

/**
 * The admin signed in through the browser (session cookie or Supabase Auth), or null.
 * Unsafe requests from another site, or saying nothing of where they come from, are refused, against CSRF.
 */
export async function getSessionPrincipal(req: RequestHead): Promise<Principal | null> {
  if (isCrossOrigin(req) || refusesSession(req)) return null;
  return principalFromCookies(requestCookies(req));
}

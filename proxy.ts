import { NextResponse, type NextRequest } from "next/server";
import { getSupabaseConfig } from "@/lib/auth/supabase";
import { apiGate } from "@/lib/security/api-gate";
import { apiSecurityHeaders, commonSecurityHeaders, newNonce, originOf, pageCsp } from "@/lib/security/headers";

function withHeaders(res: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

/** The raw path as sent (nextUrl may hold it decoded): the part of the URL before "?" and after the host. */
function rawPath(req: NextRequest): string {
  return new URL(req.url).pathname;
}

/**
 * Every answer gets the security headers; pages a CSP with a per-request nonce (which is why they render
 * dynamically); /api requests that Next would fail with a text/plain 500 get the contract's JSON error.
 */
export function proxy(req: NextRequest): Response {
  const production = process.env.NODE_ENV === "production";
  if (req.nextUrl.pathname.startsWith("/api/") || req.nextUrl.pathname === "/api") {
    const refused = apiGate(req.method, rawPath(req));
    return withHeaders(refused ?? NextResponse.next(), apiSecurityHeaders(production));
  }
  const common = commonSecurityHeaders(production);
  const nonce = newNonce();
  const supabase = originOf(getSupabaseConfig()?.url);
  const csp = pageCsp({ nonce, connectOrigins: supabase ? [supabase] : [], development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(res, { ...common, "Content-Security-Policy": csp });
}

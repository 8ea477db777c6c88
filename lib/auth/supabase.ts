import type { RequestHead } from "./request-head";
import type { Principal } from "./principal";
import { logWarn } from "@/lib/log";
import { readEnv } from "@/lib/env";
import { isAdmittedAdmin } from "./admission";

export interface SupabasePublicConfig {
  url: string;
  anonKey: string;
}

export interface CookiePair {
  name: string;
  value: string;
}


/** Supabase Auth is used when both public settings are present; undefined means built-in sign-in only. */
export function getSupabaseConfig(): SupabasePublicConfig | undefined {
  // readEnv reads by a computed name, so Next does not inline the build-time value: the deployment's env decides.
  const url = readEnv("NEXT_PUBLIC_SUPABASE_URL");
  const anonKey = readEnv("NEXT_PUBLIC_SUPABASE_ANON_KEY");
  return url && anonKey ? { url, anonKey } : undefined;
}

/** The cookies of a request's Cookie header. */
export function requestCookies(req: RequestHead): CookiePair[] {
  const pairs: CookiePair[] = [];
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // Kept as sent when it is not valid percent-encoding.
    }
    if (name) pairs.push({ name, value });
  }
  return pairs;
}

/** Supabase's session cookies are named sb-<project>-auth-token(.N). */
export function hasSupabaseCookies(cookies: CookiePair[]): boolean {
  return cookies.some((c) => c.name.startsWith("sb-"));
}

/**
 * The admin behind a Supabase session, or null: the user is verified with the Auth server
 * (`auth.getUser()`, not just the cookie's claims) and must pass the admission rule.
 * Token refresh is left to the browser client, so cookies are only read here.
 */
export async function supabasePrincipal(cookies: CookiePair[]): Promise<Principal | null> {
  const config = getSupabaseConfig();
  if (!config || !hasSupabaseCookies(cookies)) return null;
  try {
    // Loaded only when Supabase Auth is configured and used, so the built-in path never pays for it.
    const { createServerClient } = await import("@supabase/ssr");
    const supabase = createServerClient(config.url, config.anonKey, {
      cookies: { getAll: () => cookies, setAll: () => {} },
    });
    const { data, error } = await supabase.auth.getUser();
    if (error || !data.user) return null;
    if (!isAdmittedAdmin(data.user, readEnv("ADMIN_EMAILS"))) return null;
    return { role: "admin", id: `supabase:${data.user.id}` };
  } catch (err) {
    logWarn(`Supabase Auth could not verify a session: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

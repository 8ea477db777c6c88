import type { Principal } from "@/lib/api/auth";

/**
 * The admin signed in through the browser (session cookie or Supabase Auth), or null.
 * Filled in by the sign-in work; until then only bearer tokens authenticate.
 */
export async function getSessionPrincipal(req: Request): Promise<Principal | null> {
  void req;
  return null;
}

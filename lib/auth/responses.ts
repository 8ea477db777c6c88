import type { Principal } from "./principal";

/** The answer of the auth routes: `{ success, signed_in, user?: { id, method } }`. */
export function sessionBody(principal: Principal | null) {
  if (!principal) return { success: true as const, signed_in: false as const };
  const method = principal.id.startsWith("supabase:") ? "supabase" : "token";
  return { success: true as const, signed_in: true as const, user: { id: principal.id, method } };
}

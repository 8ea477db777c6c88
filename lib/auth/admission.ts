import { readEnv } from "@/lib/env";
/** The parts of a Supabase user that decide admission. */
export interface AuthUserLike {
  email?: string | null;
  /** Set by Supabase Auth once the address is confirmed (`confirmed_at` is the older name). */
  email_confirmed_at?: string | null;
  confirmed_at?: string | null;
  app_metadata?: Record<string, unknown> | null;
}

/** ADMIN_EMAILS as a list of lower-cased addresses. */
export function parseAdminEmails(value: string | undefined): string[] {
  return readEnv("ADMIN_EMAILS", { ADMIN_EMAILS: value });
}

/**
 * Whether a signed-in Supabase user may administer the registry: their email is listed in ADMIN_EMAILS
 * (case-insensitive) and confirmed (else anyone could sign up with an admin's address where sign-up
 * does not require confirmation), or their app_metadata (which only the service role can write, unlike user_metadata)
 * says `role: "admin"` or has "admin" in `roles`.
 */
export function isAdmittedAdmin(user: AuthUserLike | null | undefined, adminEmails: readonly string[]): boolean {
  if (!user) return false;
  const email = user.email?.trim().toLowerCase();
  const confirmed = Boolean(user.email_confirmed_at || user.confirmed_at);
  if (email && confirmed && adminEmails.includes(email)) return true;
  const meta = user.app_metadata ?? {};
  if (meta.role === "admin") return true;
  return Array.isArray(meta.roles) && meta.roles.includes("admin");
}

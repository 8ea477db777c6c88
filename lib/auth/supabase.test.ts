import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeSupabaseAuth, supabaseSessionCookie, type FakeAuthUser, type FakeSupabaseAuth } from "@/tests/support/fake-supabase-auth";
import { getSessionPrincipal } from "./session";

const CONFIRMED = "2026-01-02T03:04:05Z";
const admin: FakeAuthUser = { id: "u-admin", email: "Ops@Example.com", email_confirmed_at: CONFIRMED };
const roleAdmin: FakeAuthUser = { id: "u-role", email: "role@example.com", email_confirmed_at: CONFIRMED, app_metadata: { role: "admin" } };
const viewer: FakeAuthUser = { id: "u-viewer", email: "viewer@example.com", email_confirmed_at: CONFIRMED };
const unconfirmed: FakeAuthUser = { id: "u-unconfirmed", email: "ops@example.com", email_confirmed_at: null, confirmed_at: null };

describe("getSessionPrincipal with Supabase Auth", () => {
  let auth: FakeSupabaseAuth;

  beforeAll(async () => {
    auth = await startFakeSupabaseAuth();
    auth.addUser("token-admin", admin);
    auth.addUser("token-role", roleAdmin);
    auth.addUser("token-viewer", viewer);
    auth.addUser("token-unconfirmed", unconfirmed);
  });
  afterAll(() => auth.close());

  beforeEach(() => {
    vi.stubEnv("NEXT_PUBLIC_SUPABASE_URL", auth.url);
    vi.stubEnv("NEXT_PUBLIC_SUPABASE_ANON_KEY", auth.anonKey);
    vi.stubEnv("ADMIN_EMAILS", "ops@example.com, lead@example.com");
    vi.stubEnv("ADMIN_TOKEN", "supabase-test-admin-token-0123456789");
    auth.requests.length = 0;
  });
  afterEach(() => vi.unstubAllEnvs());

  const signedIn = (token: string, claimed: FakeAuthUser) =>
    new Request("http://app.local/api/auth/session", { headers: { cookie: supabaseSessionCookie(auth.url, token, claimed) } });

  it("admits a confirmed ADMIN_EMAILS user after asking Auth with the access token and the anon key", async () => {
    expect(await getSessionPrincipal(signedIn("token-admin", admin))).toEqual({ role: "admin", id: "supabase:u-admin" });
    expect(auth.requests).toEqual([
      { method: "GET", path: "/auth/v1/user", authorization: "Bearer token-admin", apikey: auth.anonKey },
    ]);
  });

  it("admits a user whose app_metadata gives the admin role, from a session cookie split into chunks", async () => {
    const bulky = { ...roleAdmin, user_metadata: { bio: "x".repeat(5000) } };
    const req = signedIn("token-role", bulky);
    expect(req.headers.get("cookie")).toContain("-auth-token.1=");
    expect(await getSessionPrincipal(req)).toEqual({ role: "admin", id: "supabase:u-role" });
  });

  it("refuses a user who is not an admin, whatever the cookie's copy of the user claims", async () => {
    expect(await getSessionPrincipal(signedIn("token-viewer", { ...viewer, email: "ops@example.com", app_metadata: { role: "admin" } }))).toBeNull();
    expect(auth.requests).toHaveLength(1);
  });

  it("refuses an ADMIN_EMAILS address that has not been confirmed", async () => {
    expect(await getSessionPrincipal(signedIn("token-unconfirmed", unconfirmed))).toBeNull();
  });

  it("refuses a session whose access token Auth answers with 401", async () => {
    expect(await getSessionPrincipal(signedIn("token-revoked", admin))).toBeNull();
    expect(auth.requests.map((r) => r.authorization)).toEqual(["Bearer token-revoked"]);
  });

  it("ignores Supabase cookies when Supabase Auth is not configured, without calling it", async () => {
    vi.stubEnv("NEXT_PUBLIC_SUPABASE_URL", "");
    expect(await getSessionPrincipal(signedIn("token-admin", admin))).toBeNull();
    expect(auth.requests).toHaveLength(0);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSessionValue, SESSION_COOKIE, SESSION_TTL_MS, sessionKey } from "@/lib/auth/session-cookie";
import { GET as settings } from "../admin/settings/route";
import { GET as session } from "./session/route";

// Cookie expiry seen from the routes: a correctly signed cookie past its 12 hours admits no one.
describe("an expired session cookie", () => {
  beforeEach(() => vi.stubEnv("ADMIN_TOKEN", "expiry-admin-token-0123456789"));
  afterEach(() => vi.unstubAllEnvs());

  const request = (path: string, issuedAt: number) =>
    new Request(`http://127.0.0.1:3999${path}`, {
      headers: { host: "127.0.0.1:3999", cookie: `${SESSION_COOKIE}=${createSessionValue(sessionKey()!, issuedAt)}` },
    });

  it("is signed out on /api/auth/session and refused (401) by an admin route", async () => {
    const expired = Date.now() - SESSION_TTL_MS - 1_000;
    expect(await (await session(request("/api/auth/session", expired))).json()).toEqual({ success: true, signed_in: false });
    expect((await settings(request("/api/admin/settings", expired))).status).toBe(401);
  });

  it("still admits one issued just inside the 12 hours", async () => {
    const fresh = Date.now() - SESSION_TTL_MS + 60_000;
    expect(await (await session(request("/api/auth/session", fresh))).json()).toMatchObject({ success: true, signed_in: true });
  });
});

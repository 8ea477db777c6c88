import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSessionValue, SESSION_COOKIE, sessionKey } from "@/lib/auth/session-cookie";
import { GET } from "./route";

// A link on another site is a top-level GET that SameSite=Lax sends the admin's cookie with.
describe("GET /api/ai-model-updater with an admin session", () => {
  beforeEach(() => {
    vi.stubEnv("ADMIN_TOKEN", "unit-admin-token-0123456789");
    vi.stubEnv("CRON_SECRET", "unit-cron-secret-0123456789");
  });
  afterEach(() => vi.unstubAllEnvs());

  it.each([["cross-site"], ["same-origin"]])("is refused with 401 (Sec-Fetch-Site %s): the cron entry takes bearer tokens only", async (site) => {
    const cookie = `${SESSION_COOKIE}=${createSessionValue(sessionKey()!)}`;
    const req = new Request("http://127.0.0.1:3000/api/ai-model-updater", {
      headers: { host: "127.0.0.1:3000", cookie, "sec-fetch-site": site, "sec-fetch-mode": "navigate" },
    });
    const res = await GET(req);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/Bearer/);
  });
});

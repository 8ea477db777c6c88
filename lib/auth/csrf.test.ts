import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { refusesSession, requestHost } from "./csrf";
import { createSessionValue, SESSION_COOKIE, sessionKey } from "./session-cookie";
import { getSessionPrincipal } from "./session";

const APP = "http://app.local:3000";

function request(method: string, headers: Record<string, string> = {}) {
  return new Request(`${APP}/api/admin/settings`, { method, headers: { host: "app.local:3000", ...headers } });
}

describe("refusesSession", () => {
  it.each([
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }, true],
    ["Sec-Fetch-Site same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }, true],
    ["Sec-Fetch-Site cross-site with a forged same Origin", { "sec-fetch-site": "cross-site", origin: APP }, true],
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }, false],
    ["Sec-Fetch-Site none (typed by the user)", { "sec-fetch-site": "none" }, false],
    ["no Sec-Fetch-Site, Origin of another host", { origin: "https://evil.example" }, true],
    ["no Sec-Fetch-Site, Origin of another port", { origin: "http://app.local:4000" }, true],
    ["no Sec-Fetch-Site, Origin null", { origin: "null" }, true],
    ["no Sec-Fetch-Site, same Origin", { origin: APP }, false],
    ["no Sec-Fetch-Site nor Origin, Referer of another host", { referer: "https://evil.example/page" }, true],
    ["no Sec-Fetch-Site nor Origin, same Referer", { referer: `${APP}/admin` }, false],
    ["neither header", {}, true],
  ])("an unsafe request with %s: refused = %s", (_label, headers, refused) => {
    expect(refusesSession(request("POST", headers as Record<string, string>), {})).toBe(refused);
  });

  it("never refuses a safe method, whatever it says", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(refusesSession(request(method, { "sec-fetch-site": "cross-site" }), {})).toBe(false);
    }
  });

  it("believes X-Forwarded-Host only with TRUST_PROXY=1 or on Vercel", () => {
    const forged = request("POST", { origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(requestHost(forged, {})).toBe("app.local:3000");
    expect(refusesSession(forged, {})).toBe(true);
    expect(requestHost(forged, { TRUST_PROXY: "1" })).toBe("evil.example");
    expect(refusesSession(forged, { VERCEL: "1" })).toBe(false);
  });
});

describe("getSessionPrincipal against CSRF", () => {
  beforeEach(() => vi.stubEnv("ADMIN_TOKEN", "unit-admin-token-0123456789"));
  afterEach(() => vi.unstubAllEnvs());
  const cookie = () => `${SESSION_COOKIE}=${createSessionValue(sessionKey()!)}`;

  it("gives no session to a cross-site POST, nor to a POST that says nothing of its origin", async () => {
    expect(await getSessionPrincipal(request("POST", { cookie: cookie(), "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(await getSessionPrincipal(request("POST", { cookie: cookie() }))).toBeNull();
    expect(await getSessionPrincipal(request("POST", { cookie: cookie(), "sec-fetch-site": "same-origin" }))).not.toBeNull();
  });
});

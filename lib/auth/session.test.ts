import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSessionValue, SESSION_COOKIE, sessionKey } from "./session-cookie";
import { getSessionPrincipal, isCrossOrigin } from "./session";

const TOKEN = "unit-admin-token-0123456789";

function request(method: string, headers: Record<string, string> = {}) {
  return new Request("http://app.local:3000/api/ai-model-updater", { method, headers: { host: "app.local:3000", ...headers } });
}

describe("getSessionPrincipal", () => {
  beforeEach(() => vi.stubEnv("ADMIN_TOKEN", TOKEN));
  afterEach(() => vi.unstubAllEnvs());

  const cookie = () => `${SESSION_COOKIE}=${createSessionValue(sessionKey()!)}`;

  it("returns the admin for a valid session cookie", async () => {
    expect(await getSessionPrincipal(request("GET", { cookie: cookie() }))).toEqual({ role: "admin", id: "session:admin" });
  });

  it("returns null without a cookie or with a tampered one", async () => {
    expect(await getSessionPrincipal(request("GET"))).toBeNull();
    expect(await getSessionPrincipal(request("GET", { cookie: cookie() + "x" }))).toBeNull();
  });

  it("accepts an unsafe request from the same origin and refuses one from another origin", async () => {
    expect(await getSessionPrincipal(request("POST", { cookie: cookie(), origin: "http://app.local:3000" }))).not.toBeNull();
    expect(await getSessionPrincipal(request("POST", { cookie: cookie(), origin: "https://evil.example" }))).toBeNull();
  });

  it("ignores the Origin of safe methods and of requests without one", () => {
    expect(isCrossOrigin(request("GET", { origin: "https://evil.example" }))).toBe(false);
    expect(isCrossOrigin(request("DELETE"))).toBe(false);
    expect(isCrossOrigin(request("DELETE", { origin: "null" }))).toBe(true);
  });

  it("stops accepting sessions when ADMIN_TOKEN changes", async () => {
    const old = cookie();
    vi.stubEnv("ADMIN_TOKEN", "rotated-admin-token-abcdefgh");
    expect(await getSessionPrincipal(request("GET", { cookie: old }))).toBeNull();
  });
});

describe("requestCookies", () => {
  it("parses the Cookie header into decoded name/value pairs", async () => {
    const { requestCookies } = await import("./supabase");
    const req = new Request("http://x/", { headers: { cookie: 'a=1; sb-proj-auth-token=base64-%7B%7D; q="quoted"; broken' } });
    expect(requestCookies(req)).toEqual([
      { name: "a", value: "1" },
      { name: "sb-proj-auth-token", value: "base64-{}" },
      { name: "q", value: "quoted" },
    ]);
  });
});

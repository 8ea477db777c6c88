import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as login } from "./login/route";
import { POST as logout } from "./logout/route";
import { GET as session } from "./session/route";

const TOKEN = "routes-admin-token-0123456789";
const base = "http://127.0.0.1:3999/api/auth";

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${base}/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "127.0.0.1:3999", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function cookieOf(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("amm_session="));
  return set ? set.split(";")[0] : "";
}

describe("auth routes", () => {
  // Each test signs in from its own address behind a trusted proxy, so the process-wide throttle does
  // not carry over.
  let ip = 0;
  const from = () => ({ "x-forwarded-for": `192.0.2.${++ip}` });

  beforeEach(() => {
    vi.stubEnv("ADMIN_TOKEN", TOKEN);
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("VERCEL", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("signs in with ADMIN_TOKEN, setting an HttpOnly SameSite=Lax cookie the session route recognises", async () => {
    const res = await login(post("login", { password: TOKEN }, from()));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, signed_in: true, user: { id: "session:admin", method: "token" } });
    const header = res.headers.getSetCookie().join("\n");
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).toMatch(/Max-Age=43200/);
    const who = await session(new Request(`${base}/session`, { headers: { cookie: cookieOf(res) } }));
    expect(await who.json()).toMatchObject({ signed_in: true, user: { method: "token" } });
  });

  it("answers 400 naming the password field when it is missing", async () => {
    const res = await login(post("login", {}, from()));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toContain("password");
  });

  it("answers 401 for a wrong password and sets no cookie", async () => {
    const res = await login(post("login", { password: "not-the-token" }, from()));
    expect(res.status).toBe(401);
    expect(cookieOf(res)).toBe("");
  });

  it("answers 429 with Retry-After after five wrong passwords from one address", async () => {
    const headers = from();
    // The growing delay runs on fake timers, so the test does not wait for it.
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      for (let i = 0; i < 5; i++) {
        const pending = login(post("login", { password: "nope" }, headers));
        await vi.runAllTimersAsync();
        expect((await pending).status).toBe(401);
      }
    } finally {
      vi.useRealTimers();
    }
    const res = await login(post("login", { password: TOKEN }, headers));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("without TRUST_PROXY, queues guesses that rotate X-Forwarded-For in one bucket and refuses the overflow", async () => {
    vi.stubEnv("TRUST_PROXY", "");
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const pending = Array.from({ length: 10 }, () => login(post("login", { password: "nope" }, from())));
      await vi.runAllTimersAsync();
      const statuses = await Promise.all(pending.map(async (p) => (await p).status));
      // Honouring the header would give each its own budget: ten 401s. One shared, paced bucket
      // checks five in turn (the queue is at most 4 s long) and tells the rest to come back.
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it("signs out by clearing the cookie", async () => {
    const res = await logout(post("logout", {}, { origin: "http://127.0.0.1:3999" }));
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/amm_session=;.*Max-Age=0/i);
  });

  it("refuses a cross-origin sign-out", async () => {
    const res = await logout(post("logout", {}, { origin: "https://evil.example" }));
    expect(res.status).toBe(403);
  });

  it("reports signed out without a cookie", async () => {
    const res = await session(new Request(`${base}/session`));
    expect(await res.json()).toEqual({ success: true, signed_in: false });
  });
});

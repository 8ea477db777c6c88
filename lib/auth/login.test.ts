import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { attemptLogin } from "./login";
import { LoginThrottle } from "./login-throttle";
import { sessionKey, verifySession } from "./session-cookie";

const TOKEN = "unit-admin-token-0123456789";

describe("attemptLogin", () => {
  let waits: number[];
  let throttle: LoginThrottle;
  const deps = () => ({ throttle, wait: async (ms: number) => void waits.push(ms), now: () => 5_000_000 });

  beforeEach(() => {
    vi.stubEnv("ADMIN_TOKEN", TOKEN);
    waits = [];
    throttle = new LoginThrottle({ windowMs: 60_000, maxPerClient: 3, maxGlobal: 100, baseDelayMs: 250, maxDelayMs: 4000 });
  });
  afterEach(() => vi.unstubAllEnvs());

  it("returns a session value that verifies for the right password", async () => {
    const value = await attemptLogin(TOKEN, "ip-1", deps());
    expect(verifySession(value, sessionKey(), 5_000_001)).toMatchObject({ sub: "admin" });
  });

  it("answers 401 for a wrong password, waiting longer after each failure", async () => {
    for (let i = 0; i < 3; i++) {
      await expect(attemptLogin("wrong", "ip-1", deps())).rejects.toMatchObject({ code: "unauthorized" });
    }
    expect(waits).toEqual([250, 500]);
  });

  it("answers 429 with Retry-After once the client has failed too often, even with the right password", async () => {
    for (let i = 0; i < 3; i++) await attemptLogin("wrong", "ip-1", deps()).catch(() => {});
    const err = await attemptLogin(TOKEN, "ip-1", deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(429);
    expect((err as ApiError).headers?.["Retry-After"]).toBe("60");
    await expect(attemptLogin(TOKEN, "ip-2", deps())).resolves.toEqual(expect.any(String));
  });

  it("counts parallel guesses, so they cannot exceed the budget by arriving together", async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => attemptLogin("wrong", "ip-9", deps())));
    const statuses = results.map((r) => (r.status === "rejected" ? (r.reason as ApiError).status : 200));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it("does not count a right password against the global budget", async () => {
    const small = new LoginThrottle({ windowMs: 60_000, maxPerClient: 3, maxGlobal: 2, baseDelayMs: 0, maxDelayMs: 0 });
    for (let i = 0; i < 5; i++) await attemptLogin(TOKEN, `ip-${i}`, { ...deps(), throttle: small });
    await expect(attemptLogin(TOKEN, "ip-new", { ...deps(), throttle: small })).resolves.toEqual(expect.any(String));
  });
});

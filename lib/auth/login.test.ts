import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { attemptLogin } from "./login";
import { LoginThrottle, SHARED_CLIENT, type ThrottleClient } from "./login-throttle";
import { sessionKey, verifySession } from "./session-cookie";

const TOKEN = "unit-admin-token-0123456789";

describe("attemptLogin", () => {
  let waits: number[];
  let throttle: LoginThrottle;
  const deps = () => ({ throttle, wait: async (ms: number) => void waits.push(ms), now: () => 5_000_000 });
  const ip = (n: number | string): ThrottleClient => ({ id: `ip:${n}`, trusted: true });

  beforeEach(() => {
    vi.stubEnv("ADMIN_TOKEN", TOKEN);
    waits = [];
    throttle = new LoginThrottle({ windowMs: 60_000, maxPerClient: 3, maxGlobal: 100, baseDelayMs: 250, maxDelayMs: 4000 });
  });
  afterEach(() => vi.unstubAllEnvs());

  it("returns a session value that verifies for the right password", async () => {
    const value = await attemptLogin(TOKEN, ip(1), deps());
    expect(verifySession(value, sessionKey(), 5_000_001)).toMatchObject({ sub: "admin" });
  });

  it("answers 401 for a wrong password, each attempt waiting for a slot further away", async () => {
    for (let i = 0; i < 3; i++) {
      await expect(attemptLogin("wrong", ip(1), deps())).rejects.toMatchObject({ code: "unauthorized" });
    }
    // The clock stands still here, so the slots add up: 250, then 250 + 500.
    expect(waits).toEqual([250, 750]);
  });

  it("makes the right password wait for its slot too, so parallel guesses cannot learn it sooner", async () => {
    await attemptLogin("wrong", ip(1), deps()).catch(() => {});
    await expect(attemptLogin(TOKEN, ip(1), deps())).resolves.toEqual(expect.any(String));
    expect(waits).toEqual([250]);
  });

  it("answers 429 with Retry-After once the client has failed too often, even with the right password", async () => {
    for (let i = 0; i < 3; i++) await attemptLogin("wrong", ip(1), deps()).catch(() => {});
    const err = await attemptLogin(TOKEN, ip(1), deps()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(429);
    expect((err as ApiError).headers?.["Retry-After"]).toBe("60");
    await expect(attemptLogin(TOKEN, ip(2), deps())).resolves.toEqual(expect.any(String));
  });

  it("counts parallel guesses, so they cannot exceed the budget by arriving together", async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => attemptLogin("wrong", ip(9), deps())));
    const statuses = results.map((r) => (r.status === "rejected" ? (r.reason as ApiError).status : 200));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it("never locks the admin out of the shared untrusted bucket, however many guesses came before", async () => {
    let clock = 5_000_000;
    const paced = { throttle, wait: async (ms: number) => void (clock += ms), now: () => clock };
    for (let i = 0; i < 50; i++) {
      await expect(attemptLogin("wrong", SHARED_CLIENT, paced)).rejects.toMatchObject({ status: 401 });
    }
    const before = clock;
    await expect(attemptLogin(TOKEN, SHARED_CLIENT, paced)).resolves.toEqual(expect.any(String));
    expect(clock - before).toBe(4000);
  });

  it("does not count a right password against the global budget", async () => {
    const small = new LoginThrottle({ windowMs: 60_000, maxPerClient: 3, maxGlobal: 2, baseDelayMs: 0, maxDelayMs: 0 });
    for (let i = 0; i < 5; i++) await attemptLogin(TOKEN, ip(i), { ...deps(), throttle: small });
    await expect(attemptLogin(TOKEN, ip("new"), { ...deps(), throttle: small })).resolves.toEqual(expect.any(String));
  });
});

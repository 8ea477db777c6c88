import { afterEach, describe, expect, it, vi } from "vitest";
import { createSessionValue, SESSION_TTL_MS, sessionCookieOptions, sessionKey, signSession, verifySession } from "./session-cookie";

const key = sessionKey({ ADMIN_TOKEN: "e2e-admin-token-0123456789" })!;
const now = Date.UTC(2026, 0, 1);

describe("session cookie", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("verifies a value it signed, until it expires 12 hours later", () => {
    const value = createSessionValue(key, now);
    expect(verifySession(value, key, now + 1000)).toMatchObject({ sub: "admin", method: "token", exp: now + SESSION_TTL_MS });
    expect(verifySession(value, key, now + SESSION_TTL_MS - 1)).not.toBeNull();
    expect(verifySession(value, key, now + SESSION_TTL_MS)).toBeNull();
  });

  it("rejects a payload changed after signing", () => {
    const value = createSessionValue(key, now);
    const [, sig] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "admin", method: "token", iat: now, exp: now + 10 * SESSION_TTL_MS })).toString("base64url");
    expect(verifySession(`${forged}.${sig}`, key, now)).toBeNull();
  });

  it("rejects a changed signature, a missing signature and garbage", () => {
    const value = createSessionValue(key, now);
    const flipped = value.slice(0, -2) + (value.endsWith("AA") ? "BB" : "AA");
    expect(verifySession(flipped, key, now)).toBeNull();
    expect(verifySession(value.split(".")[0], key, now)).toBeNull();
    expect(verifySession("not-a-cookie", key, now)).toBeNull();
    expect(verifySession("a.b.c", key, now)).toBeNull();
    expect(verifySession("", key, now)).toBeNull();
    expect(verifySession(undefined, key, now)).toBeNull();
  });

  it("rejects a value signed with another key, so rotating ADMIN_TOKEN ends sessions", () => {
    const other = sessionKey({ ADMIN_TOKEN: "another-admin-token-987654" })!;
    expect(verifySession(createSessionValue(other, now), key, now)).toBeNull();
  });

  it("prefers SESSION_SECRET over ADMIN_TOKEN for the key", () => {
    const withSecret = sessionKey({ ADMIN_TOKEN: "e2e-admin-token-0123456789", SESSION_SECRET: "separate-secret-abcdefgh" })!;
    expect(withSecret.equals(key)).toBe(false);
    expect(sessionKey({})).toBeUndefined();
  });

  it("rejects a well-signed payload of the wrong shape", () => {
    const value = signSession({ sub: "", method: "token", iat: now, exp: now + 1000 }, key);
    expect(verifySession(value, key, now)).toBeNull();
  });

  it("sets HttpOnly, SameSite=Lax and Secure in production except over http to localhost", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(sessionCookieOptions("https://models.example.com/api/auth/login")).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/", maxAge: 43200 });
    expect(sessionCookieOptions("http://models.example.com/api/auth/login").secure).toBe(true);
    expect(sessionCookieOptions("http://127.0.0.1:3000/api/auth/login").secure).toBe(false);
    vi.stubEnv("NODE_ENV", "development");
    expect(sessionCookieOptions("https://models.example.com/").secure).toBe(false);
  });
});

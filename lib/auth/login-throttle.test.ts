import { describe, expect, it } from "vitest";
import { clientIdentity, LoginThrottle, SHARED_CLIENT, type ThrottleClient } from "./login-throttle";

const options = { windowMs: 60_000, maxPerClient: 3, maxGlobal: 5, baseDelayMs: 100, maxDelayMs: 300 };
const t0 = 1_000_000;
const ip = (n: number | string): ThrottleClient => ({ id: `ip:${n}`, trusted: true });

/** Attempts that each fail, arriving `gapMs` after the previous one's slot; returns the waits or "429". */
function failInTurn(t: LoginThrottle, client: ThrottleClient, count: number, start = t0): (number | "429")[] {
  const out: (number | "429")[] = [];
  let now = start;
  for (let i = 0; i < count; i++) {
    const d = t.admit(client, now);
    out.push(d.allowed ? d.waitMs : "429");
    if (d.allowed) now += d.waitMs;
  }
  return out;
}

describe("LoginThrottle", () => {
  it("lets a client with no failures through without waiting", () => {
    expect(new LoginThrottle(options).admit(ip(1), t0)).toEqual({ allowed: true, waitMs: 0, at: t0 });
  });

  it("makes each further attempt of a client wait longer, up to the maximum", () => {
    const t = new LoginThrottle({ ...options, maxPerClient: 10, maxGlobal: 100 });
    expect(failInTurn(t, ip(1), 5)).toEqual([0, 100, 200, 300, 300]);
  });

  it("queues parallel attempts one after another and refuses the ones beyond a short queue", () => {
    const t = new LoginThrottle({ ...options, maxPerClient: 10, maxGlobal: 100 });
    const decisions = Array.from({ length: 5 }, () => t.admit(SHARED_CLIENT, t0));
    expect(decisions.map((d) => (d.allowed ? d.waitMs : "429"))).toEqual([0, 100, 300, "429", "429"]);
    expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("answers 429 to a trusted client after N failures, until the oldest failure leaves the window", () => {
    const t = new LoginThrottle(options);
    t.admit(ip(1), t0);
    t.admit(ip(1), t0 + 10_000);
    t.admit(ip(1), t0 + 20_000);
    expect(t.admit(ip(1), t0 + 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(t.admit(ip(2), t0 + 20_000)).toMatchObject({ allowed: true, waitMs: 0 });
    expect(t.admit(ip(1), t0 + 60_000)).toMatchObject({ allowed: true });
  });

  it("never locks out the shared untrusted bucket: after many failures it only paces", () => {
    const t = new LoginThrottle(options);
    const waits = failInTurn(t, SHARED_CLIENT, 20);
    expect(waits).not.toContain("429");
    expect(waits.slice(-3)).toEqual([300, 300, 300]);
  });

  it("does not make other clients wait behind one client's queue while under the global cap", () => {
    const t = new LoginThrottle({ ...options, maxPerClient: 10 });
    failInTurn(t, ip(1), 3);
    expect(t.admit(ip(2), t0)).toEqual({ allowed: true, waitMs: 0, at: t0 });
  });

  it("paces everyone once all clients together fail too often, instead of refusing everyone", () => {
    const t = new LoginThrottle(options);
    for (let i = 0; i < 5; i++) t.admit(ip(i), t0);
    // A fresh client now waits behind the global pause, and keeps being admitted in turn.
    expect(failInTurn(t, ip("fresh"), 1, t0)).toEqual([100]);
    expect(t.admit(ip("other"), t0 + 100)).toEqual({ allowed: true, waitMs: 200, at: t0 + 100 });
    expect(t.admit(ip("later"), t0 + 60_001)).toMatchObject({ allowed: true, waitMs: 0 });
  });

  it("forgets a client's failures and pause after a right password", () => {
    const t = new LoginThrottle(options);
    t.admit(ip(1), t0);
    const second = t.admit(ip(1), t0);
    t.recordSuccess(ip(1), second.allowed ? second.at : undefined);
    expect(t.admit(ip(1), t0 + 1_000)).toEqual({ allowed: true, waitMs: 0, at: t0 + 1_000 });
  });
});

describe("clientIdentity", () => {
  const req = (headers: Record<string, string>) => new Request("http://x/", { headers });
  const spoofed = { "x-forwarded-for": "203.0.113.5", "x-real-ip": "198.51.100.7" };

  it("ignores X-Forwarded-For and X-Real-IP without a trusted proxy: every request shares one bucket", () => {
    expect(clientIdentity(req(spoofed), {})).toEqual(SHARED_CLIENT);
    expect(clientIdentity(req({ "x-forwarded-for": "192.0.2.99" }), { TRUST_PROXY: "0" })).toEqual(SHARED_CLIENT);
  });

  it("with TRUST_PROXY=1 takes the right-most X-Forwarded-For entry, the one the proxy added", () => {
    const env = { TRUST_PROXY: "1" };
    expect(clientIdentity(req({ "x-forwarded-for": "6.6.6.6, 203.0.113.5" }), env)).toEqual({ id: "ip:203.0.113.5", trusted: true });
    expect(clientIdentity(req({ "x-real-ip": "198.51.100.7" }), env)).toEqual({ id: "ip:198.51.100.7", trusted: true });
    expect(clientIdentity(req({}), env)).toEqual(SHARED_CLIENT);
  });

  it("trusts the headers on Vercel", () => {
    expect(clientIdentity(req(spoofed), { VERCEL: "1" })).toEqual({ id: "ip:203.0.113.5", trusted: true });
  });
});

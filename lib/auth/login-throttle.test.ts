import { describe, expect, it } from "vitest";
import { clientAddress, LoginThrottle } from "./login-throttle";

const options = { windowMs: 60_000, maxPerClient: 3, maxGlobal: 5, baseDelayMs: 100, maxDelayMs: 300 };
const t0 = 1_000_000;

describe("LoginThrottle", () => {
  it("lets a client with no failures through without delay", () => {
    expect(new LoginThrottle(options).check("a", t0)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("grows the delay with each failure, up to the maximum", () => {
    const t = new LoginThrottle({ ...options, maxPerClient: 10 });
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      t.recordFailure("a", t0 + i);
      const d = t.check("a", t0 + i);
      delays.push(d.allowed ? d.delayMs : -1);
    }
    expect(delays).toEqual([100, 200, 300, 300]);
  });

  it("answers 429 with the seconds until the oldest failure leaves the window after N failures", () => {
    const t = new LoginThrottle(options);
    t.recordFailure("a", t0);
    t.recordFailure("a", t0 + 10_000);
    t.recordFailure("a", t0 + 20_000);
    expect(t.check("a", t0 + 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(t.check("b", t0 + 20_000)).toEqual({ allowed: true, delayMs: 0 });
    expect(t.check("a", t0 + 60_000)).toMatchObject({ allowed: true });
  });

  it("blocks everyone once all clients together fail too often", () => {
    const t = new LoginThrottle(options);
    for (let i = 0; i < 5; i++) t.recordFailure(`client-${i}`, t0 + i);
    expect(t.check("fresh", t0 + 10)).toMatchObject({ allowed: false });
    expect(t.check("fresh", t0 + 60_001)).toMatchObject({ allowed: true });
  });

  it("forgets a client's failures after a right password", () => {
    const t = new LoginThrottle(options);
    t.recordFailure("a", t0);
    t.recordFailure("a", t0);
    t.recordSuccess("a");
    expect(t.check("a", t0)).toEqual({ allowed: true, delayMs: 0 });
  });
});

describe("clientAddress", () => {
  it("takes the first X-Forwarded-For hop, else X-Real-IP, else unknown", () => {
    const req = (headers: Record<string, string>) => new Request("http://x/", { headers });
    expect(clientAddress(req({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBe("203.0.113.5");
    expect(clientAddress(req({ "x-real-ip": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress(req({}))).toBe("unknown");
  });
});

import { describe, expect, it, vi } from "vitest";
import { EnvError, readEnv } from "@/lib/env";
import { logInfo } from "@/lib/log";
import { redactUrl } from "./redact";

describe("rollout settings", () => {
  it("reads ALERT_WEBHOOK_URLS as http(s) URLs and names the variable, not the URL, when one is not", () => {
    expect(readEnv("ALERT_WEBHOOK_URLS", { ALERT_WEBHOOK_URLS: " https://a.test/h , http://b.test/x?t=1 " })).toEqual(["https://a.test/h", "http://b.test/x?t=1"]);
    expect(readEnv("ALERT_WEBHOOK_URLS", {})).toEqual([]);
    const read = () => readEnv("ALERT_WEBHOOK_URLS", { ALERT_WEBHOOK_URLS: "https://ok.test, file:///etc/secret-path" });
    expect(read).toThrow(EnvError);
    expect(read).toThrow(/ALERT_WEBHOOK_URLS entry 2/);
    expect(read).not.toThrow(/secret-path/);
  });

  it("reads DISCOVERY_PROBE as off, get (the default) or call", () => {
    expect(readEnv("DISCOVERY_PROBE", {})).toBe("get");
    expect(readEnv("DISCOVERY_PROBE", { DISCOVERY_PROBE: "call" })).toBe("call");
    expect(() => readEnv("DISCOVERY_PROBE", { DISCOVERY_PROBE: "ping" })).toThrow(/DISCOVERY_PROBE/);
  });

  it("never logs a webhook URL's query string or the webhook secret", () => {
    const saved = { u: process.env.ALERT_WEBHOOK_URLS, s: process.env.ALERT_WEBHOOK_SECRET };
    process.env.ALERT_WEBHOOK_URLS = "https://hooks.example.test/in?token=zz-query-token-1";
    process.env.ALERT_WEBHOOK_SECRET = "whsec-logged-never-1";
    const spy = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      logInfo("posting to https://hooks.example.test/in?token=zz-query-token-1 with whsec-logged-never-1");
      const line = String(spy.mock.calls[0][0]);
      expect(line).not.toContain("zz-query-token-1");
      expect(line).not.toContain("whsec-logged-never-1");
      expect(redactUrl("https://hooks.example.test/in?token=zz-query-token-1")).toBe("https://hooks.example.test/in");
    } finally {
      spy.mockRestore();
      process.env.ALERT_WEBHOOK_URLS = saved.u ?? "";
      process.env.ALERT_WEBHOOK_SECRET = saved.s ?? "";
    }
  });
});

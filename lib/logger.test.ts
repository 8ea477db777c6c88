import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logDebug, logError, logInfo, logWarn } from "./log";
import { resetLogger } from "./logger";
import { runWithRequest } from "./request-context";

const saved = { ...process.env };
type Method = "log" | "warn" | "error";
let lines: Record<Method, string[]>;

beforeEach(() => {
  lines = { log: [], warn: [], error: [] };
  for (const m of ["log", "warn", "error"] as const) vi.spyOn(console, m).mockImplementation((s: unknown) => void lines[m].push(String(s)));
  resetLogger();
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  resetLogger();
});

describe("JSON log lines", () => {
  it("writes one JSON object a line with level, msg, time and the request id", () => {
    runWithRequest({ requestId: "req-abc-123" }, () => logInfo("snapshot loaded", { models: 3 }));
    expect(lines.log).toHaveLength(1);
    expect(lines.log[0]).not.toContain("\n");
    const entry = JSON.parse(lines.log[0]);
    expect(entry).toMatchObject({ level: "info", msg: "snapshot loaded", request_id: "req-abc-123", models: 3 });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });

  it("leaves the request id out outside a request", () => {
    logInfo("background");
    expect(JSON.parse(lines.log[0])).not.toHaveProperty("request_id");
  });

  it("sends errors to stderr and warnings to console.warn, each once", () => {
    logError("apply failed", new Error("boom", { cause: new Error("deeper") }));
    logWarn("slow provider");
    expect(lines.error).toHaveLength(1);
    expect(JSON.parse(lines.error[0])).toMatchObject({ level: "error", msg: "apply failed: Error: boom (cause: Error: deeper)" });
    expect(lines.warn.map((l) => JSON.parse(l).level)).toEqual(["warn"]);
    expect(lines.log).toEqual([]);
  });

  it("never holds a secret value, in the message, the error or a field", () => {
    process.env.ADMIN_TOKEN = "admin-token-secret-value-1";
    process.env.CONFIG_API_KEYS = "reader-key-secret-2";
    logError("login with admin-token-secret-value-1", new Error("key reader-key-secret-2 refused"), {
      authorization: "Bearer admin-token-secret-value-1",
      url: "postgres://app:pw-secret-3@db.test/postgres",
      note: "reader-key-secret-2",
    });
    const line = lines.error.join("\n");
    for (const secret of ["admin-token-secret-value-1", "reader-key-secret-2", "pw-secret-3"]) expect(line).not.toContain(secret);
    expect(JSON.parse(line).authorization).toBe("[redacted]");
  });

  it("follows LOG_LEVEL", () => {
    process.env.LOG_LEVEL = "warn";
    logInfo("hidden");
    logWarn("shown");
    expect(lines.log).toEqual([]);
    expect(lines.warn).toHaveLength(1);
    process.env.LOG_LEVEL = "debug";
    resetLogger();
    logDebug("request served", { status: 200 });
    expect(JSON.parse(lines.log[0])).toMatchObject({ level: "debug", status: 200 });
  });

  it("writes a compact line with LOG_FORMAT=pretty", () => {
    process.env.LOG_FORMAT = "pretty";
    runWithRequest({ requestId: "r-1" }, () => logWarn("provider slow", { provider: "openai" }));
    expect(lines.warn[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} .*WARN.* provider slow .*request_id=r-1/);
    expect(lines.warn[0]).toContain("provider=openai");
    expect(() => JSON.parse(lines.warn[0])).toThrow();
  });
});

describe("a malformed LOG_LEVEL", () => {
  it("keeps logging at info and says which variable is wrong", () => {
    process.env.LOG_LEVEL = "loud";
    logInfo("still here");
    expect(JSON.parse(lines.warn[0]).msg).toMatch(/^LOG_LEVEL must be one of .*"loud".*default/);
    expect(JSON.parse(lines.log[0]).msg).toBe("still here");
  });
});

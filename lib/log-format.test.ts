import { describe, expect, it } from "vitest";
import { formatLogLine } from "./log-format";

const line = (entry: Record<string, unknown>) => JSON.stringify({ level: "info", time: "2026-12-01T16:05:09.123Z", pid: 7, ...entry });

describe("formatLogLine", () => {
  it.each([
    [line({ msg: "snapshot loaded" }), "16:05:09.123 INFO  snapshot loaded"],
    [line({ level: "error", msg: "apply failed", request_id: "r-1" }), "16:05:09.123 ERROR apply failed request_id=r-1"],
    [line({ msg: "run", note: "two words", counts: { a: 1 } }), '16:05:09.123 INFO  run note="two words" counts={"a":1}'],
    ["not json at all\n", "not json at all"],
  ])("formats %s", (input, want) => {
    expect(formatLogLine(input)).toBe(want);
  });

  it("colors the level only when asked", () => {
    expect(formatLogLine(line({ level: "warn", msg: "x" }), { color: true })).toContain("\u001b[33mWARN ");
    expect(formatLogLine(line({ level: "warn", msg: "x" }))).not.toContain("\u001b[");
  });
});

import { describe, expect, it } from "vitest";
import { isShutDown, shutdownReason } from "./lifecycle";

describe("isShutDown", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it.each([
    [null, false],
    ["2026-11-30", true],
    ["2026-12-01", true],
    ["2026-12-02", false],
  ])("a shutdown date of %s has passed: %s", (date, expected) => {
    expect(isShutDown(date, now)).toBe(expected);
  });

  it("names the date in the reason", () => {
    expect(shutdownReason("2026-08-31")).toBe("shut down on 2026-08-31");
  });
});

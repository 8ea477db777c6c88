import { describe, expect, it } from "vitest";
import vercel from "@/vercel.json";
import {
  formatCount,
  formatDate,
  formatShutdown,
  formatDateTime,
  formatDuration,
  formatPrice,
  formatRelative,
  formatTokens,
  nextCronRun,
  DISCOVERY_CRON,
} from "./format";

describe("formatPrice", () => {
  it.each([
    [1.25, "$1.25"],
    [0.075, "$0.075"],
    [15, "$15.00"],
    [0.0375, "$0.0375"],
    [0, "$0.00"],
    [1200, "$1,200.00"],
    [null, "—"],
    [undefined, "—"],
    [Number.NaN, "—"],
  ])("shows %s per million tokens as %s", (n, out) => {
    expect(formatPrice(n)).toBe(out);
  });
});

describe("formatTokens", () => {
  it.each([
    [400_000, "400K"],
    [1_000_000, "1M"],
    [1_048_576, "1.05M"],
    [128_000, "128K"],
    [8192, "8K"],
    [32_768, "32K"],
    [131_072, "128K"],
    [200_000, "200K"],
    [2_000_000, "2M"],
    [999_999, "1M"],
    [512, "512"],
    [null, "—"],
    [-1, "—"],
  ])("shows a window of %s tokens as %s", (n, out) => {
    expect(formatTokens(n)).toBe(out);
  });
});

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [1234, "1,234"],
    [null, "—"],
  ])("shows %s as %s", (n, out) => {
    expect(formatCount(n)).toBe(out);
  });
});

describe("formatDuration", () => {
  it.each([
    [350, "350 ms"],
    [0, "0 ms"],
    [1200, "1.2 s"],
    [1000, "1 s"],
    [59_940, "59.9 s"],
    [125_000, "2 min 5 s"],
    [120_000, "2 min"],
    [null, "—"],
    [-5, "—"],
  ])("shows %s ms as %s", (ms, out) => {
    expect(formatDuration(ms)).toBe(out);
  });
});

describe("dates", () => {
  it("shows a calendar date in UTC whatever the moment of day", () => {
    expect(formatDate("2026-11-27T23:59:00Z")).toBe("Nov 27, 2026");
    expect(formatDate("2026-02-01")).toBe("Feb 1, 2026");
  });
  it("shows a moment with its UTC time", () => {
    expect(formatDateTime("2026-11-27T08:05:00Z")).toBe("Nov 27, 2026, 08:05 UTC");
  });
  it("shows a dash for a missing or unreadable date", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
    expect(formatRelative(undefined)).toBe("—");
  });

  const now = new Date("2026-11-27T12:00:00Z");
  it.each([
    ["2026-11-27T11:59:30Z", "just now"],
    ["2026-11-27T11:55:00Z", "5 minutes ago"],
    ["2026-11-27T09:00:00Z", "3 hours ago"],
    ["2026-11-26T12:00:00Z", "yesterday"],
    ["2026-11-23T12:00:00Z", "4 days ago"],
    ["2026-12-01T12:00:00Z", "in 4 days"],
    ["2026-09-27T12:00:00Z", "2 months ago"],
    ["2024-11-27T12:00:00Z", "2 years ago"],
  ])("says %s is %s relative to noon on Nov 27", (d, out) => {
    expect(formatRelative(d, now)).toBe(out);
  });
});

describe("nextCronRun", () => {
  it.each([
    ["2026-11-27T12:00:00Z", "2026-12-01T03:00:00.000Z"],
    ["2026-12-15T00:00:00Z", "2027-01-01T03:00:00.000Z"],
    ["2026-12-01T02:59:00Z", "2026-12-01T03:00:00.000Z"],
    ["2026-12-01T03:00:00Z", "2027-01-01T03:00:00.000Z"],
  ])("after %s the monthly discovery runs at %s", (now, next) => {
    expect(nextCronRun(DISCOVERY_CRON, new Date(now)).toISOString()).toBe(next);
  });
  it("skips months that lack the day", () => {
    expect(nextCronRun("0 0 31 * *", new Date("2026-04-01T00:00:00Z")).toISOString()).toBe("2026-05-31T00:00:00.000Z");
  });
  it("refuses a cron form it does not understand", () => {
    expect(() => nextCronRun("*/5 * * * *")).toThrow(/Unsupported/);
  });
});

describe("DISCOVERY_CRON", () => {
  it("is the schedule vercel.json declares for the discovery cron", () => {
    const crons = (vercel as { crons: { path: string; schedule: string }[] }).crons;
    expect(crons.find((c) => c.path === "/api/ai-model-updater")?.schedule).toBe(DISCOVERY_CRON);
  });
});

describe("formatShutdown", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it.each([
    ["2026-08-31", "shut down on Aug 31, 2026"],
    ["2026-12-01", "shut down on Dec 1, 2026"],
    ["2026-12-02", "shuts down on Dec 2, 2026"],
    ["2027-10-23", "shuts down on Oct 23, 2027"],
  ])("says %s in the right tense", (date, text) => {
    expect(formatShutdown(date, now)).toBe(text);
  });

  it("shows a dash for an unknown date", () => {
    expect(formatShutdown(null, now)).toBe("—");
  });
});


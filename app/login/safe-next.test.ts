import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it.each([
    ["/admin", "/admin"],
    ["/admin?tab=models", "/admin?tab=models"],
    [undefined, "/admin"],
    ["", "/admin"],
    ["https://evil.example/", "/admin"],
    ["//evil.example", "/admin"],
    ["/\\evil.example", "/admin"],
    ["javascript:alert(1)", "/admin"],
  ])("sends %s to %s", (given, expected) => {
    expect(safeNext(given)).toBe(expected);
  });

  it("takes the first of repeated values", () => {
    expect(safeNext(["/admin", "//evil"])).toBe("/admin");
  });
});

import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

// Each value is what arrives in ?next= after the query string is decoded.
const HOSTILE = [
  "/\t/evil.example",
  "/\r/evil.example",
  "/\n/evil.example",
  "\t//evil.example",
  "/\\/evil.example",
  "/\t\\evil.example",
  "/.//evil.example",
  "/./\t/evil.example",
  "//evil.example/admin",
  "///evil.example",
  "https:evil.example",
  "/%2F%2Fevil.example/..",
  "javascript:alert(1)",
  " /admin",
];

describe("safeNext against hostile values", () => {
  it.each(HOSTILE)("keeps %j on this site", (value) => {
    const next = safeNext(value);
    const landed = new URL(next, "http://app.local:3000");
    expect(landed.origin).toBe("http://app.local:3000");
    expect(next.startsWith("//")).toBe(false);
  });

  it.each([
    ["/admin\r\nSet-Cookie: x=1", "/adminSet-Cookie:%20x=1"],
    ["/admin?q=\u00e9t\u00e9", "/admin?q=%C3%A9t%C3%A9"],
    ["/ad\u00efmin#\u2603", "/ad%C3%AFmin#%E2%98%83"],
    ["/adm\u0001in\u0000", "/adm%01in"],
  ])("answers %j as a header-safe path %j", (value, expected) => {
    const next = safeNext(value);
    expect(next).toBe(expected);
    expect(next).toMatch(/^[\x21-\x7e]+$/);
  });

  it("keeps a plain same-site path with its query and fragment as it is", () => {
    expect(safeNext("/admin?tab=history#runs")).toBe("/admin?tab=history#runs");
  });
});

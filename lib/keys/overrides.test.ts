import { describe, expect, it } from "vitest";
import { overrideFor, overridesSchema, parseOverrideSource, parseOverrideTarget } from "./overrides";
import { displayPrefix, hashSecret, hashesEqual, looksLikeServiceKey, newSecret } from "./secret";

describe("override keys and values", () => {
  it.each([
    ["openai:flagship", { kind: "slot", provider: "openai", tier: "flagship" }],
    ["mistral:fast", { kind: "slot", provider: "mistral", tier: "fast" }],
    ["route:summarize", { kind: "route", name: "summarize" }],
    ["openai:legacy", undefined],
    ["cohere:fast", undefined],
    ["openai:fast:extra", undefined],
    ["openai", undefined],
    ["route:", undefined],
    ["route:has space", undefined],
  ])("reads the source %s", (key, expected) => {
    expect(parseOverrideSource(key)).toEqual(expected);
  });

  it.each([
    ["openai/gpt-5.5", { kind: "model", provider: "openai", model_name: "gpt-5.5" }],
    ["google/models/gemini-2.5-pro", { kind: "model", provider: "google", model_name: "models/gemini-2.5-pro" }],
    ["route:cheap", { kind: "route", name: "cheap" }],
    ["gpt-5", undefined],
    ["cohere/command", undefined],
    ["openai/", undefined],
    ["openai/has space", undefined],
  ])("reads the target %s", (value, expected) => {
    expect(parseOverrideTarget(value)).toEqual(expected);
  });
});

describe("the overrides schema", () => {
  it("accepts the issue's example", () => {
    const o = { "openai:flagship": "openai/gpt-5.5", "route:summarize": "route:cheap" };
    expect(overridesSchema.parse(o)).toEqual(o);
  });

  it("names the entry at fault", () => {
    const r = overridesSchema.safeParse({ "openai:flagship": "gpt-5", "nope:fast": "openai/gpt-5", "route:a": "route:a" });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["openai:flagship", expect.stringContaining("value must be")],
      ["nope:fast", expect.stringContaining("key must be")],
      ["route:a", expect.stringContaining("itself")],
    ]);
  });

  it("refuses a value that is not a string and more than 50 entries", () => {
    expect(overridesSchema.safeParse({ "openai:fast": 3 }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`route:r${i}`, "openai/gpt-5"]));
    expect(overridesSchema.safeParse(many).success).toBe(false);
  });

  it("finds the override of a slot or route, and none for another", () => {
    const o = { "openai:flagship": "openai/gpt-5.5", "route:summarize": "route:cheap" };
    expect(overrideFor(o, { kind: "slot", provider: "openai", tier: "flagship" })).toEqual({ kind: "model", provider: "openai", model_name: "gpt-5.5" });
    expect(overrideFor(o, { kind: "route", name: "summarize" })).toEqual({ kind: "route", name: "cheap" });
    expect(overrideFor(o, { kind: "slot", provider: "openai", tier: "fast" })).toBeUndefined();
    expect(overrideFor(undefined, { kind: "route", name: "summarize" })).toBeUndefined();
  });
});

describe("service key secrets", () => {
  it("are prefixed, random, and stored as a hex SHA-256 that matches only its own secret", () => {
    const a = newSecret();
    const b = newSecret();
    expect(a).toMatch(/^amm_sk_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(looksLikeServiceKey(a)).toBe(true);
    expect(looksLikeServiceKey("test-read-key-0123456789")).toBe(false);
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashesEqual(hashSecret(a), hashSecret(a))).toBe(true);
    expect(hashesEqual(hashSecret(a), hashSecret(b))).toBe(false);
    expect(displayPrefix(a)).toBe(a.slice(0, 11));
  });
});

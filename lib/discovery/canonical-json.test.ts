import { describe, expect, it } from "vitest";
import { planChanges } from "./plan";
import { listed } from "@/tests/support/discovery-fixtures";
import { canonicalJson } from "./canonical-json";

// The serializer the stored fingerprints were made with: every output must stay byte-identical to it.
function replacerJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const VALUES: Record<string, unknown> = {
  "nested objects in any order": { b: { z: 1, a: [{ y: 2, x: 1 }] }, a: null, c: { "": 0, " ": 1, B: 2, a: 3 } },
  "arrays with holes, undefined and functions": [1, undefined, () => 1, , null, [[]], {}],
  "undefined, function and symbol properties": { a: undefined, b: () => 1, c: Symbol("s"), d: 1 },
  "dates, valid and not": { at: new Date("2026-12-01T10:00:00.000Z"), bad: new Date(Number.NaN), list: [new Date(0)] },
  "numbers": [0, -0, 1.5, -2e-7, 1e21, 123456789012345680000, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER],
  "strings that need escaping": { "quo\"te": "line\nbreak\ttab\u0001", "é": "ü😀", lone: "\ud800", "back\\slash": "\u2028" },
  "index-like keys": { "10": "ten", "9": "nine", "01": "zero-one", "-1": "minus", "4294967295": "max", "4294967294": "last", b: 1, a: 2 },
  "a toJSON of its own": { v: { toJSON: (k: string) => ({ key: k, z: 1, a: 2 }) }, w: [{ toJSON: () => undefined }] },
  "booleans and null at the top": [true, false, null],
  "boxed primitives": { n: new Number(5), s: new String("ab"), b: new Boolean(false) },
  "a Map and a Set": { m: new Map([["a", 1]]), s: new Set([1]) },
  "keys that hold a NUL": [{ "b\u0000a": 1 }, { b: 1, a: 2 }, { "a\u0000": 1, b: 2 }, { a: 1, "\u0000b": 2 }],
  "one shape with other values": [{ b: 1, a: { d: 1, c: 2 } }, { b: [2], a: "x" }, { b: undefined, a: null }],
  "a bare string": "plain",
  "a bare number": 42,
  "undefined at the top": undefined,
  "an object with __proto__ as its own key": JSON.parse('{"__proto__": {"b": 1, "a": 2}, "x": 1}'),
};

describe("canonicalJson", () => {
  for (const [name, value] of Object.entries(VALUES)) {
    it(`matches the replacer serialization: ${name}`, () => {
      expect(canonicalJson(value)).toBe(replacerJson(value));
    });
  }

  it("matches it on every value a plan fingerprints", () => {
    const models = Array.from({ length: 200 }, (_, i) =>
      listed("openai", `gpt-${1 + (i % 9)}.${i}-mini`, { display_name: `Model ${i}`, input_token_limit: 1000 + i, capabilities: { vision: i % 2 === 0 } }),
    );
    const plan = planChanges({ registry: [], listings: [{ provider: "openai", pages: 1, models }], now: new Date("2026-12-01T00:00:00Z") });
    expect(plan.adds.length).toBeGreaterThan(100);
    for (const add of plan.adds) {
      const { fingerprint: _f, ...metadata } = add.metadata;
      void _f;
      const values = { ...add, metadata };
      expect(canonicalJson(values)).toBe(replacerJson(values));
    }
  });

  it("throws on a BigInt as JSON.stringify does", () => {
    expect(() => replacerJson({ n: BigInt(1) })).toThrow(TypeError);
    expect(() => canonicalJson({ n: BigInt(1) })).toThrow(TypeError);
  });
});

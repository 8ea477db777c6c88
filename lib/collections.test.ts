import { describe, expect, it } from "vitest";
import { appendTo, boundedMemo } from "./collections";

describe("appendTo", () => {
  it("starts a list for a new key and appends to an old one, in order", () => {
    const m = new Map<string, number[]>();
    appendTo(m, "a", 1);
    appendTo(m, "b", 2);
    appendTo(m, "a", 3);
    expect([...m]).toEqual([["a", [1, 3]], ["b", [2]]]);
  });
});

describe("boundedMemo", () => {
  it("computes a key once while it is remembered, and again after the memo filled and started over", () => {
    const calls: string[] = [];
    const upper = boundedMemo(2, (s: string) => (calls.push(s), s.toUpperCase()));
    expect([upper("a"), upper("a"), upper("b"), upper("a")]).toEqual(["A", "A", "B", "A"]);
    expect(calls).toEqual(["a", "b"]);
    upper("c"); // full: starts over with c
    upper("a");
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });

  it("does not remember a key whose computation throws", () => {
    let n = 0;
    const risky = boundedMemo(4, (s: string) => {
      n++;
      if (s === "bad") throw new Error("bad key");
      return s;
    });
    expect(() => risky("bad")).toThrow("bad key");
    expect(() => risky("bad")).toThrow("bad key");
    expect(n).toBe(2);
  });

  it("remembers falsy values too", () => {
    let n = 0;
    const zero = boundedMemo(4, () => (n++, 0));
    zero("x");
    zero("x");
    expect(n).toBe(1);
  });
});

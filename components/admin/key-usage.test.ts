import { describe, expect, it } from "vitest";
import { readersOf, readsOf } from "./key-usage";

const targets = [
  { kind: "slot" as const, target: "openai:flagship", services: [{ id: "a", name: "billing", count: 20 }, { id: "b", name: "search", count: 1 }] },
  { kind: "route" as const, target: "summarize", services: [{ id: "b", name: "search", count: 5 }] },
  { kind: "select" as const, target: "type=fast", services: [{ id: "b", name: "search", count: 5 }] },
];

describe("key usage in the console", () => {
  it("names the readers of a target, none for an unread one or before the answer came", () => {
    expect(readersOf(targets, "slot", "openai:flagship")).toEqual(["billing", "search"]);
    expect(readersOf(targets, "slot", "openai:fast")).toEqual([]);
    expect(readersOf(targets, "route", "openai:flagship")).toEqual([]);
    expect(readersOf(undefined, "slot", "openai:flagship")).toEqual([]);
  });

  it("lists what one key read, busiest first", () => {
    expect(readsOf(targets, "b")).toEqual([
      { label: "route summarize", count: 5 },
      { label: "select type=fast", count: 5 },
      { label: "slot openai:flagship", count: 1 },
    ]);
    expect(readsOf(targets, "nobody")).toEqual([]);
  });
});

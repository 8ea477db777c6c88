import { describe, expect, it } from "vitest";
import { isUuid, sharedJson, toTextArray } from "./params";

describe("isUuid", () => {
  it.each([
    ["0be0fcd6-51cc-4019-be9a-2978b58f0efc", true],
    ["0BE0FCD6-51CC-4019-BE9A-2978B58F0EFC", true],
    ["------------------------------------", false],
    ["0be0fcd651cc4019be9a2978b58f0efc0000", false],
    ["0be0fcd6-51cc-4019-be9a-2978b58f0ef", false],
    ["", false],
  ])("%j is a uuid: %s", (value, want) => {
    expect(isUuid(value)).toBe(want);
  });
});

describe("toTextArray", () => {
  it("quotes and escapes every element so commas, quotes and backslashes survive", () => {
    expect(toTextArray([])).toBe("{}");
    expect(toTextArray(['a,b', 'say "hi"', "back\\slash"])).toBe('{"a,b","say \\"hi\\"","back\\\\slash"}');
  });
});

describe("sharedJson", () => {
  it("sends each distinct value once and leaves the index of it in each record; null and absent stay null", () => {
    const records: Record<string, unknown>[] = [
      { a: { x: 1 }, b: [1], c: "kept" },
      { a: { x: 1 }, b: null, c: "kept" },
      { a: { x: 2 }, c: "kept" },
    ];
    const values = sharedJson(records, ["a", "b"]);
    expect(JSON.parse(values)).toEqual([{ x: 1 }, [1], { x: 2 }]);
    expect(records).toEqual([
      { a: 0, b: 1, c: "kept" },
      { a: 0, b: null, c: "kept" },
      { a: 2, b: null, c: "kept" },
    ]);
  });
});

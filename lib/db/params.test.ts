import { describe, expect, it } from "vitest";
import { isUuid, toTextArray } from "./params";

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

import { describe, expect, it } from "vitest";
import { copyField, copyText } from "./copy-text";

describe("COPY text format", () => {
  it.each([
    [null, "\\N"],
    [undefined, "\\N"],
    [true, "t"],
    [false, "f"],
    [0, "0"],
    [-1.5, "-1.5"],
    ["", ""],
    ["plain", "plain"],
    ["a\tb", "a\\tb"],
    ["line\nbreak", "line\\nbreak"],
    ["cr\rhere", "cr\\rhere"],
    ["back\\slash", "back\\\\slash"],
    ["\\N", "\\\\N"],
    ["\\.", "\\\\."],
    ["ünï 模型 🙂", "ünï 模型 🙂"],
    ['{"a":"x\\ty"}', '{"a":"x\\\\ty"}'],
  ])("writes %j as %j", (value, text) => {
    expect(copyField(value)).toBe(text);
  });

  it("refuses a number PostgreSQL cannot read", () => {
    expect(() => copyField(Number.NaN)).toThrow(TypeError);
    expect(() => copyField(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });

  it("joins fields by tabs and ends each row with a newline", () => {
    expect(copyText([["a", null, 1], ["b\tc", true, "\n"]])).toBe("a\t\\N\t1\nb\\tc\tt\t\\n\n");
    expect(copyText([])).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { parseOverridesField } from "./key-form";

describe("the overrides field of the new key form", () => {
  it.each([
    ["", {}],
    ["   ", {}],
    ['{ "openai:flagship": "openai/gpt-5" }', { overrides: { "openai:flagship": "openai/gpt-5" } }],
    ["[1]", { error: "Overrides must be a JSON object" }],
    ["null", { error: "Overrides must be a JSON object" }],
    ["{ nope", { error: "Overrides are not valid JSON" }],
  ])("reads %j", (text, expected) => {
    expect(parseOverridesField(text)).toEqual(expected);
  });
});

import { describe, expect, it } from "vitest";
import raw from "./rules.json";
import { classifyName } from "./classify";
import { compileRules } from "./rules-schema";

const clone = () => structuredClone(raw) as typeof raw;

describe("rules.json", () => {
  it("is valid as shipped", () => {
    expect(() => compileRules(raw)).not.toThrow();
  });

  it("fails loudly, naming the place, when a pattern is not a regular expression", () => {
    const doc = clone();
    doc.providers.openai.rules[0].pattern = "^gpt-(";
    expect(() => compileRules(doc)).toThrow(/providers\.openai\.rules\.0\.pattern|not a valid regular expression/);
  });

  it("rejects an unknown tier", () => {
    const doc = clone();
    (doc.providers.mistral.rules[0] as { tier: string }).tier = "huge";
    expect(() => compileRules(doc)).toThrow();
  });

  it("classifies a new family from a data change alone", () => {
    expect(classifyName("mistral", "mistral-ultra-latest").recognised).toBe(false);
    const doc = clone();
    doc.providers.mistral.rules.unshift({ pattern: "^mistral-ultra$", tier: "flagship", family: "mistral-ultra", preference: 4 } as (typeof doc.providers.mistral.rules)[number]);
    expect(classifyName("mistral", "mistral-ultra-latest", compileRules(doc))).toMatchObject({ tier: "flagship", family: "mistral-ultra", recognised: true });
  });
});

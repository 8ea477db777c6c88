import { describe, expect, it } from "vitest";
import { normalizeSelectTarget } from "./usage-target";

describe("the target a select is counted under", () => {
  it("is the same for the same question asked in another order", () => {
    const a = normalizeSelectTarget({ type: "fast", capabilities: ["vision", "function_calling"], min_context: 128000 });
    const b = normalizeSelectTarget({ min_context: 128000, capabilities: ["function_calling", "vision"], type: "fast" });
    expect(a).toBe(b);
    expect(a).toBe("capabilities=function_calling,vision&min_context=128000&type=fast");
  });

  it("drops empty values and differs for a different question", () => {
    expect(normalizeSelectTarget({ type: "any", providers: [], order: undefined, include_preview: false })).toBe("include_preview=false&type=any");
    expect(normalizeSelectTarget({ type: "fast" })).not.toBe(normalizeSelectTarget({ type: "flagship" }));
    expect(normalizeSelectTarget({})).toBe("");
  });
});

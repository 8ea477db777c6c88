import { describe, expect, it } from "vitest";
import { runToastDescription } from "./run-toast";

const base = { status: "partial" as const, models_added: 2, models_deprecated: 1 };

describe("runToastDescription", () => {
  it("tells a run with every provider skipped why, not '1 provider error'", () => {
    const text = runToastDescription({
      ...base, status: "failed", models_added: 0, models_deprecated: 0,
      errors: [{ provider: "all", message: "No provider is configured: set at least one of OPENAI_API_KEY" }],
    });
    expect(text).not.toMatch(/provider error/);
    expect(text).toBe("0 added, 0 deprecated. No provider is configured: set at least one of OPENAI_API_KEY");
  });

  it("counts the errors of named providers", () => {
    expect(runToastDescription({ ...base, errors: [{ provider: "openai", message: "HTTP 500" }] })).toBe("2 added, 1 deprecated, 1 provider error.");
    expect(runToastDescription({ ...base, errors: [{ provider: "openai", message: "a" }, { provider: "mistral", message: "b" }] })).toBe(
      "2 added, 1 deprecated, 2 provider errors.",
    );
    expect(runToastDescription({ ...base, status: "success", errors: [] })).toBe("2 added, 1 deprecated.");
  });
});

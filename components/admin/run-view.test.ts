import { describe, expect, it } from "vitest";
import { providerTally, readProgress } from "./run-view";

describe("readProgress", () => {
  it("lists providers in the usual order, with checked-but-unreported ones pending", () => {
    const view = readProgress({
      providers_checked: ["openai", "anthropic", "google", "mistral"],
      progress: {
        mistral: { state: "failed", pages: 0, models_seen: 0, message: "HTTP 401" },
        openai: { state: "done", pages: 1, models_seen: 42 },
        google: { state: "listing", pages: 2, models_seen: 80 },
      },
    });
    expect(view.map((p) => [p.provider, p.state, p.models_seen])).toEqual([
      ["openai", "done", 42],
      ["anthropic", "pending", 0],
      ["google", "listing", 80],
      ["mistral", "failed", 0],
    ]);
    expect(view[3].message).toBe("HTTP 401");
  });
  it("counts providers done out of those checked", () => {
    expect(providerTally({ providers_checked: ["openai", "google"], progress: { openai: { state: "done", pages: 1, models_seen: 3 } } })).toEqual({ done: 1, total: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { providerTally, readDefaultChanges, readMessages, readModelRefs, readProgress } from "./run-view";

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
  it("treats an unknown state as pending and ignores entries that are not objects", () => {
    expect(readProgress({ providers_checked: [], progress: { openai: { state: "weird" }, x: 3 } })).toEqual([
      { provider: "openai", state: "pending", pages: 0, models_seen: 0, message: undefined },
    ]);
  });
  it("counts providers done out of those checked", () => {
    expect(providerTally({ providers_checked: ["openai", "google"], progress: { openai: { state: "done" } } })).toEqual({ done: 1, total: 2 });
  });
});

describe("run lists", () => {
  it("reads added models given as names or as objects", () => {
    expect(
      readModelRefs(["gpt-6", { provider: "google", model_name: "gemini-4-pro", model_type: "flagship" }, { nope: 1 }, { provider: "openai", model_name: "zeta", model_type: "flagship", needs_review: true }]),
    ).toEqual([
      { provider: null, model_name: "gpt-6", model_type: null },
      { provider: "google", model_name: "gemini-4-pro", model_type: "flagship" },
      { provider: "openai", model_name: "zeta", model_type: "flagship", needs_review: true },
    ]);
  });
  it("reads default changes with from/to or from_model/to_model", () => {
    expect(readDefaultChanges([{ provider: "openai", model_type: "fast", from: "a", to: "b", reason: "newer" }, { provider: "google", model_type: "flagship", from_model: null, to_model: "c" }])).toEqual([
      { provider: "openai", model_type: "fast", from: "a", to: "b", reason: "newer" },
      { provider: "google", model_type: "flagship", from: null, to: "c" },
    ]);
  });
  it("reads errors and warnings given as objects or strings", () => {
    expect(readMessages([{ provider: "mistral", message: "HTTP 500" }, "catalog price missing", 7])).toEqual([
      { provider: "mistral", message: "HTTP 500" },
      { provider: null, message: "catalog price missing" },
    ]);
  });
});

import { emptyProvenance } from "@/lib/db/facts-columns";
import { NO_EXTRA_PRICES } from "@/lib/domain";
import { describe, expect, it } from "vitest";
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";
import { filterModels, INITIAL_FILTERS, nextSort, sortModels, type ModelFilterState } from "./model-view";

function model(over: Partial<ModelRow>): ModelRow {
  return {
    id: over.model_name ?? "x",
    provider: "openai",
    model_name: "x",
    display_name: null,
    model_type: "flagship",
    family: null,
    version_rank: 0,
    is_active: true,
    is_default: false,
    is_pinned: false,
    is_preview: false,
    needs_review: false,
    capabilities: { vision: false, function_calling: false, json_mode: false, reasoning: false },
    pricing: { input_per_mtok: null, output_per_mtok: null, ...NO_EXTRA_PRICES },
    max_tokens: null,
    context_window: null,
    aliases: [],
    release_date: null,
    shutdown_date: null,
    successor: null,
    deactivation_reason: null,
    confirmed_at: null,
    source: "catalog",
    discovered_at: "2026-01-01T00:00:00.000Z",
    last_validated_at: null,
    deactivated_at: null,
    metadata: {}, provenance: emptyProvenance(), overrides: {},
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
    ...over,
  };
}

const models = [
  model({ model_name: "gpt-5", is_default: true, pricing: { input_per_mtok: 1.25, output_per_mtok: 10, ...NO_EXTRA_PRICES }, context_window: 400_000 }),
  model({ model_name: "gpt-5-mini", model_type: "fast", aliases: ["gpt-5-mini-2025-08-07"], context_window: 400_000 }),
  model({ model_name: "claude-opus-4-1", provider: "anthropic", display_name: "Claude Opus 4.1", pricing: { input_per_mtok: 15, output_per_mtok: 75, ...NO_EXTRA_PRICES } }),
  model({ model_name: "gemini-3-pro-preview", provider: "google", is_preview: true, needs_review: true, context_window: 1_048_576 }),
  model({ model_name: "mistral-small-2402", provider: "mistral", model_type: "legacy", is_active: false, shutdown_date: "2026-12-01" }),
];
const names = (ms: ModelRow[]) => ms.map((m) => m.model_name);
const f = (over: Partial<ModelFilterState>) => ({ ...INITIAL_FILTERS, ...over });

describe("filterModels", () => {
  it.each([
    [{}, ["gpt-5", "gpt-5-mini", "claude-opus-4-1", "gemini-3-pro-preview", "mistral-small-2402"]],
    [{ provider: "openai" as const }, ["gpt-5", "gpt-5-mini"]],
    [{ tier: "fast" as const }, ["gpt-5-mini"]],
    [{ status: "inactive" as const }, ["mistral-small-2402"]],
    [{ status: "default" as const }, ["gpt-5"]],
    [{ status: "needs_review" as const }, ["gemini-3-pro-preview"]],
    [{ status: "preview" as const }, ["gemini-3-pro-preview"]],
    [{ status: "shutting_down" as const }, ["mistral-small-2402"]],
    [{ search: "OPUS" }, ["claude-opus-4-1"]],
    [{ search: "claude opus 4.1" }, ["claude-opus-4-1"]],
    [{ search: "2025-08-07" }, ["gpt-5-mini"]],
    [{ search: "  " }, ["gpt-5", "gpt-5-mini", "claude-opus-4-1", "gemini-3-pro-preview", "mistral-small-2402"]],
    [{ provider: "openai" as const, status: "inactive" as const }, []],
  ])("with %j keeps %j", (over, expected) => {
    expect(names(filterModels(models, f(over)))).toEqual(expected);
  });
});

describe("sortModels", () => {
  it("sorts prices descending with unknown prices last", () => {
    expect(names(sortModels(models, { key: "input", dir: "desc" }))).toEqual([
      "claude-opus-4-1", "gpt-5", "gpt-5-mini", "gemini-3-pro-preview", "mistral-small-2402",
    ]);
    expect(names(sortModels(models, { key: "input", dir: "asc" })).slice(0, 2)).toEqual(["gpt-5", "claude-opus-4-1"]);
  });
  it("sorts names alphabetically and context windows numerically", () => {
    expect(names(sortModels(models, { key: "name", dir: "asc" }))[0]).toBe("claude-opus-4-1");
    expect(names(sortModels(models, { key: "context", dir: "desc" })).slice(0, 3)).toEqual(["gemini-3-pro-preview", "gpt-5", "gpt-5-mini"]);
  });
  it("sorts tiers in their natural order, not alphabetically", () => {
    expect(names(sortModels(models, { key: "tier", dir: "asc" })).at(-1)).toBe("mistral-small-2402");
  });
  it("does not change the list it is given", () => {
    const copy = [...models];
    sortModels(models, { key: "name", dir: "desc" });
    expect(models).toEqual(copy);
  });
});

describe("nextSort", () => {
  it("starts text columns ascending and numeric ones descending, and flips on a second click", () => {
    expect(nextSort(null, "name")).toEqual({ key: "name", dir: "asc" });
    expect(nextSort(null, "context")).toEqual({ key: "context", dir: "desc" });
    expect(nextSort({ key: "name", dir: "asc" }, "name")).toEqual({ key: "name", dir: "desc" });
  });
});

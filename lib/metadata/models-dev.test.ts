import { describe, expect, it } from "vitest";
import excerpt from "@/tests/support/fixtures/models-dev/api-excerpt.json";
import { parseModelsDev } from "./models-dev";
import type { ModelFacts } from "./types";

const AS_OF = "2025-11-30T00:00:00.000Z";
const clone = <T>(v: T): T => structuredClone(v);
const parsed = (doc: unknown) => {
  const r = parseModelsDev(doc, AS_OF);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const find = (facts: ModelFacts[], id: string) => facts.find((f) => f.model_id === id);

describe("parseModelsDev on the real excerpt", () => {
  const r = parsed(excerpt);

  it("reads every model of our four providers", () => {
    expect(r.facts.map((f) => `${f.provider}/${f.model_id}`).sort()).toEqual([
      "anthropic/claude-3-5-sonnet-20241022", "anthropic/claude-sonnet-4-5", "google/gemini-2.5-pro", "mistral/mistral-large-latest", "openai/gpt-4o-mini", "openai/gpt-5",
    ]);
    expect([r.entries, r.skipped]).toEqual([6, 0]);
  });

  it("maps prices, limits, capabilities and dates of gpt-5", () => {
    expect(find(r.facts, "gpt-5")).toEqual({
      source: "models.dev", as_of: AS_OF, provider: "openai", model_id: "gpt-5",
      pricing: { input_per_mtok: 1.25, output_per_mtok: 10, cache_read_per_mtok: 0.125, cache_write_per_mtok: null, input_above_200k_per_mtok: null, output_above_200k_per_mtok: null, long_context_threshold: null },
      context_window: 400000, max_input_tokens: 272000, max_tokens: 128000,
      capabilities: { vision: true, function_calling: true, json_mode: true, reasoning: true },
      release_date: "2025-08-07", knowledge: "2024-09-30", status: null, deprecation_date: null,
    });
  });

  it("leaves a capability the document does not state unknown, not false", () => {
    const sonnet = find(r.facts, "claude-sonnet-4-5")!;
    expect(sonnet.capabilities).toEqual({ vision: true, function_calling: true, json_mode: null, reasoning: true });
    expect(sonnet.pricing.cache_write_per_mtok).toBe(3.75);
    expect(find(r.facts, "gpt-4o-mini")!.capabilities.reasoning).toBe(false);
  });

  it("reads the long-context prices of Gemini from its context tier", () => {
    expect(find(r.facts, "gemini-2.5-pro")!.pricing).toMatchObject({ input_above_200k_per_mtok: 2.5, output_above_200k_per_mtok: 15, long_context_threshold: 200000 });
  });

  it("keeps the deprecated status as a hint", () => {
    expect(find(r.facts, "claude-3-5-sonnet-20241022")!.status).toBe("deprecated");
  });

  it("stores only our providers, in the document's own format", () => {
    expect(Object.keys(r.document).sort()).toEqual(["anthropic", "google", "mistral", "openai"]);
    expect(parsed(r.document).facts).toEqual(r.facts);
  });
});

describe("parseModelsDev guards", () => {
  it("ignores other providers", () => {
    const doc = { ...clone(excerpt), xai: { id: "xai", models: { "grok-4": { id: "grok-4" } } }, azure: { id: "azure", models: { "gpt-5": { id: "gpt-5", cost: { input: 99 } } } } };
    const r = parsed(doc);
    expect(r.facts.some((f) => f.model_id === "grok-4")).toBe(false);
    expect(find(r.facts, "gpt-5")!.pricing.input_per_mtok).toBe(1.25);
  });

  it("skips and counts a bad entry without failing the document", () => {
    const doc = clone(excerpt) as Record<string, { models: Record<string, unknown> }>;
    doc.openai.models["gpt-broken"] = { id: "gpt-broken", limit: "lots" };
    doc.openai.models["gpt-nothing"] = 42;
    const r = parsed(doc);
    expect([r.entries, r.skipped]).toEqual([6, 2]);
    expect((r.document.openai as { models: object }).models).not.toHaveProperty("gpt-broken");
  });

  it("turns impossible figures into null and never invents one", () => {
    const doc = clone(excerpt) as Record<string, { models: Record<string, Record<string, unknown>> }>;
    doc.openai.models["gpt-5"].cost = { input: -1, output: 1e9, cache_read: 0 };
    doc.openai.models["gpt-5"].limit = { context: 0, output: 1.5 };
    doc.mistral.models["mistral-large-latest"].limit = { context: 1000, output: 4000 };
    delete doc.google.models["gemini-2.5-pro"].modalities;
    const r = parsed(doc);
    const gpt5 = find(r.facts, "gpt-5")!;
    expect(gpt5.pricing).toMatchObject({ input_per_mtok: null, output_per_mtok: null, cache_read_per_mtok: 0 });
    expect([gpt5.context_window, gpt5.max_tokens]).toEqual([null, null]);
    expect(find(r.facts, "mistral-large-latest")!.max_tokens).toBeNull();
    expect(find(r.facts, "gemini-2.5-pro")!.capabilities.vision).toBeNull();
  });

  it.each([
    ["an array", [1, 2], /not a models.dev document/],
    ["a LiteLLM map", { "gpt-5": { litellm_provider: "openai", input_cost_per_token: 1e-6 } }, /none of our providers/],
    ["only other providers", { xai: { id: "xai", models: { "grok-4": { id: "grok-4" } } } }, /none of our providers/],
    ["our providers without models", { openai: { id: "openai", models: {} } }, /no models/],
  ])("rejects %s whole", (_, doc, message) => {
    const r = parseModelsDev(doc, AS_OF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("rejects a document whose entries of our providers are mostly invalid", () => {
    const doc = clone(excerpt) as Record<string, { models: Record<string, unknown> }>;
    for (let n = 0; n < 7; n++) doc.anthropic.models[`claude-bad-${n}`] = { name: "no id" };
    const r = parseModelsDev(doc, AS_OF);
    expect(r).toEqual({ ok: false, message: "7 of 13 entries of our providers are invalid" });
  });
});

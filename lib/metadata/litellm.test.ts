import { describe, expect, it } from "vitest";
import { parseLitellm } from "./litellm";
import type { ModelFacts } from "./types";

const AS_OF = "2025-11-30T00:00:00.000Z";
// Entries in LiteLLM's own shape (per-token prices), including the keys and providers we must ignore.
const MAP = {
  sample_spec: { max_tokens: "LEGACY", input_cost_per_token: 0, litellm_provider: "one of https://docs.litellm.ai/docs/providers", mode: "one of chat, embedding" },
  "gpt-5": { max_tokens: 128000, max_input_tokens: 272000, max_output_tokens: 128000, input_cost_per_token: 1.25e-6, output_cost_per_token: 1e-5, cache_read_input_token_cost: 1.25e-7, litellm_provider: "openai", mode: "chat", supports_function_calling: true, supports_vision: true, supports_response_schema: true, supports_reasoning: true },
  "gpt-4o-2024-05-13": { max_input_tokens: 128000, max_output_tokens: 4096, input_cost_per_token: 5e-6, output_cost_per_token: 1.5e-5, litellm_provider: "openai", mode: "chat", deprecation_date: "2026-03-01" },
  "text-embedding-3-small": { max_input_tokens: 8191, input_cost_per_token: 2e-8, litellm_provider: "openai", mode: "embedding" },
  "azure/gpt-5": { max_input_tokens: 272000, input_cost_per_token: 9e-6, litellm_provider: "azure", mode: "chat" },
  "claude-sonnet-4-5-20250929": { max_input_tokens: 200000, max_output_tokens: 64000, input_cost_per_token: 3e-6, output_cost_per_token: 1.5e-5, cache_creation_input_token_cost: 3.75e-6, cache_read_input_token_cost: 3e-7, input_cost_per_token_above_200k_tokens: 6e-6, output_cost_per_token_above_200k_tokens: 2.25e-5, litellm_provider: "anthropic", mode: "chat", supports_vision: true },
  "vertex_ai/claude-sonnet-4-5": { max_input_tokens: 200000, input_cost_per_token: 3.3e-6, litellm_provider: "vertex_ai-anthropic_models", mode: "chat" },
  "gemini-2.5-pro": { max_input_tokens: 1048576, max_output_tokens: 65535, input_cost_per_token: 1.3e-6, output_cost_per_token: 1e-5, litellm_provider: "vertex_ai-language-models", mode: "chat" },
  "gemini/gemini-2.5-pro": { max_input_tokens: 1048576, max_output_tokens: 65535, input_cost_per_token: 1.25e-6, output_cost_per_token: 1e-5, litellm_provider: "gemini", mode: "chat", supports_reasoning: true },
  "gemini/gemini-2.5-flash": { max_input_tokens: 1048576, max_output_tokens: 65535, input_cost_per_token: 3e-7, output_cost_per_token: 2.5e-6, litellm_provider: "gemini", mode: "chat" },
  "mistral/mistral-large-latest": { max_input_tokens: 128000, max_output_tokens: 128000, input_cost_per_token: 2e-6, output_cost_per_token: 6e-6, litellm_provider: "mistral", mode: "chat", supports_function_calling: true },
  "anthropic/claude-opus-4-1": { max_input_tokens: 200000, max_output_tokens: 32000, input_cost_per_token: 1.5e-5, output_cost_per_token: 7.5e-5, mode: "chat" },
  "bedrock/anthropic.claude-3-haiku": { litellm_provider: "bedrock", input_cost_per_token: 2.5e-7, mode: "chat" },
};
const ok = (doc: unknown) => {
  const r = parseLitellm(doc, AS_OF);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const find = (facts: ModelFacts[], provider: string, id: string) => facts.find((f) => f.provider === provider && f.model_id === id);

describe("parseLitellm", () => {
  const r = ok(MAP);

  it("keeps chat entries of our providers, without their key prefixes, and ignores the rest", () => {
    expect(r.facts.map((f) => `${f.provider}/${f.model_id}`).sort()).toEqual([
      "anthropic/claude-opus-4-1", "anthropic/claude-sonnet-4-5-20250929", "google/gemini-2.5-flash", "google/gemini-2.5-pro",
      "mistral/mistral-large-latest", "openai/gpt-4o-2024-05-13", "openai/gpt-5",
    ]);
    expect(Object.keys(r.document)).not.toContain("azure/gpt-5");
    expect(Object.keys(r.document)).not.toContain("sample_spec");
  });

  it("turns per-token prices into per-million prices without float noise", () => {
    const gpt5 = find(r.facts, "openai", "gpt-5")!;
    expect(gpt5.pricing).toEqual({ input_per_mtok: 1.25, output_per_mtok: 10, cache_read_per_mtok: 0.125, cache_write_per_mtok: null, input_above_200k_per_mtok: null, output_above_200k_per_mtok: null, long_context_threshold: null });
    expect([gpt5.context_window, gpt5.max_tokens]).toEqual([272000, 128000]);
    expect(gpt5.capabilities).toEqual({ vision: true, function_calling: true, json_mode: true, reasoning: true });
  });

  it("reads cache writes, prices above 200k and deprecation dates", () => {
    expect(find(r.facts, "anthropic", "claude-sonnet-4-5-20250929")!.pricing).toEqual({
      input_per_mtok: 3, output_per_mtok: 15, cache_read_per_mtok: 0.3, cache_write_per_mtok: 3.75, input_above_200k_per_mtok: 6, output_above_200k_per_mtok: 22.5, long_context_threshold: 200000,
    });
    expect(find(r.facts, "openai", "gpt-4o-2024-05-13")!.deprecation_date).toBe("2026-03-01");
  });

  it("leaves absent supports_* flags unknown, not false", () => {
    expect(find(r.facts, "mistral", "mistral-large-latest")!.capabilities).toEqual({ vision: null, function_calling: true, json_mode: null, reasoning: null });
  });

  it("prefers the Gemini API's own entry over Vertex AI's for the same id", () => {
    expect(find(r.facts, "google", "gemini-2.5-pro")!.pricing.input_per_mtok).toBe(1.25);
    expect(find(r.facts, "google", "gemini-2.5-pro")!.capabilities.reasoning).toBe(true);
  });

  it("skips and counts an entry of ours with a wrong type, and nulls impossible figures", () => {
    const doc = { ...MAP, "gpt-bad": { litellm_provider: "openai", mode: "chat", input_cost_per_token: "cheap" }, "gpt-odd": { litellm_provider: "openai", mode: "chat", input_cost_per_token: -1e-6, max_input_tokens: 1000, max_output_tokens: 5000 } };
    const got = ok(doc);
    expect(got.skipped).toBe(1);
    const odd = find(got.facts, "openai", "gpt-odd")!;
    expect([odd.pricing.input_per_mtok, odd.context_window, odd.max_tokens]).toEqual([null, 1000, null]);
  });

  it.each([
    ["a string", "nope", /not a LiteLLM model map/],
    ["a models.dev document", { openai: { id: "openai", models: { "gpt-5": { id: "gpt-5" } } } }, /none of our providers/],
    ["only other providers", { "azure/gpt-5": MAP["azure/gpt-5"], sample_spec: MAP.sample_spec }, /none of our providers/],
  ])("rejects %s whole", (_, doc, message) => {
    const got = parseLitellm(doc, AS_OF);
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.message).toMatch(message);
  });

  it("rejects a map whose entries of ours are mostly invalid", () => {
    const doc: Record<string, unknown> = { "gpt-5": MAP["gpt-5"] };
    for (let n = 0; n < 3; n++) doc[`gpt-bad-${n}`] = { litellm_provider: "openai", max_input_tokens: "big" };
    expect(parseLitellm(doc, AS_OF)).toEqual({ ok: false, message: "3 of 4 entries of our providers are invalid" });
  });
});

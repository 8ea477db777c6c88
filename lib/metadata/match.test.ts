import { describe, expect, it } from "vitest";
import type { Provider } from "@/lib/domain";
import { emptyPricing, unknownCapabilities } from "./guards";
import { parseLitellm } from "./litellm";
import { buildFactsIndex, matchFacts, type MatchedBy } from "./match";
import type { ModelFacts } from "./types";

const facts = (provider: Provider, model_id: string): ModelFacts => ({
  source: "models.dev", as_of: "2025-11-30T00:00:00.000Z", provider, model_id, pricing: emptyPricing(), context_window: null,
  max_input_tokens: null, max_tokens: null, capabilities: unknownCapabilities(), release_date: null, knowledge: null, status: null, deprecation_date: null,
});

// Ids as models.dev keys them (undated ids, a few dated ones, "-latest" ids for Mistral).
const KNOWN: [Provider, string][] = [
  ["openai", "gpt-5"], ["openai", "gpt-5-nano"], ["openai", "gpt-4o"], ["openai", "gpt-4o-2024-05-13"], ["openai", "o3"],
  ["anthropic", "claude-sonnet-4-5"], ["anthropic", "claude-opus-4-1"], ["anthropic", "claude-3-5-haiku-20241022"], ["anthropic", "claude-haiku-4-5"],
  ["google", "gemini-2.5-pro"], ["google", "gemini-2.5-flash"], ["google", "gemini-2.0-flash"],
  ["mistral", "mistral-large-latest"], ["mistral", "mistral-medium-2505"], ["mistral", "codestral-2508"],
];
const index = buildFactsIndex("models.dev", "2025-11-30T00:00:00.000Z", KNOWN.map(([p, id]) => facts(p, id)));

const CASES: [Provider, string, string[], string | null, MatchedBy | null][] = [
  // provider, listed id, registry aliases, expected entry, how
  ["openai", "gpt-5", [], "gpt-5", "exact"],
  ["openai", "gpt-5-2025-08-07", [], "gpt-5", "snapshot"],
  ["openai", "gpt-4o-2024-05-13", [], "gpt-4o-2024-05-13", "exact"],
  ["openai", "gpt-4o-2024-11-20", [], "gpt-4o", "snapshot"],
  ["openai", "gpt-5-mini", [], null, null],
  ["openai", "gpt-5-mini-2025-08-07", [], null, null],
  ["openai", "gpt-5-chat-latest", [], null, null],
  ["openai", "o3-2025-04-16", [], "o3", "snapshot"],
  ["openai", "o3-mini", [], null, null],
  ["openai", "gpt-5-nano-2025-08-07", [], "gpt-5-nano", "snapshot"],
  ["anthropic", "claude-sonnet-4-5-20250929", [], "claude-sonnet-4-5", "snapshot"],
  ["anthropic", "claude-haiku-4-5-20251001", [], "claude-haiku-4-5", "snapshot"],
  ["anthropic", "claude-3-5-haiku-20241022", ["claude-3-5-haiku-latest"], "claude-3-5-haiku-20241022", "exact"],
  ["anthropic", "claude-3-5-haiku-latest", ["claude-3-5-haiku-20241022"], "claude-3-5-haiku-20241022", "alias"],
  ["anthropic", "claude-opus-4-1", ["claude-opus-4-1-20250805"], "claude-opus-4-1", "exact"],
  ["anthropic", "claude-opus-4-20250514", [], null, null],
  ["anthropic", "claude-sonnet-4-5-2025", [], null, null],
  ["google", "models/gemini-2.5-pro", [], "gemini-2.5-pro", "exact"],
  ["google", "gemini-2.5-flash-001", [], "gemini-2.5-flash", "snapshot"],
  ["google", "models/gemini-2.0-flash-001", [], "gemini-2.0-flash", "snapshot"],
  ["google", "gemini-2.5-flash-lite", [], null, null],
  ["google", "gemini-2.5-flash-preview-09-2025", [], null, null],
  ["google", "gemini-2.5-pro-exp", [], null, null],
  ["mistral", "mistral-large-latest", [], "mistral-large-latest", "exact"],
  ["mistral", "mistral-large-2411", ["mistral-large-latest"], "mistral-large-latest", "alias"],
  ["mistral", "mistral-large-2411", [], null, null],
  ["mistral", "mistral-medium-latest", ["mistral-medium-2505", "mistral-medium"], "mistral-medium-2505", "alias"],
  ["mistral", "mistral-medium", [], null, null],
  ["mistral", "codestral-latest", ["codestral-2508"], "codestral-2508", "alias"],
  ["mistral", "mistral-small-2506", ["mistral-small-latest"], null, null],
  // The same id under another provider is not a match.
  ["openai", "claude-sonnet-4-5", [], null, null],
  ["mistral", "gpt-5", [], null, null],
];

describe("matchFacts", () => {
  it.each(CASES)("%s %s (aliases %j) -> %s", (provider, id, aliases, want, by) => {
    const got = matchFacts(index, { provider, id, aliases });
    expect(got?.facts.model_id ?? null).toBe(want);
    expect(got?.matched_by ?? null).toBe(by);
    if (got) expect(got.facts.provider).toBe(provider);
  });

  it("strips only the provider's own suffix: a Mistral-style -2411 is no OpenAI snapshot", () => {
    const i = buildFactsIndex("models.dev", "x", [facts("openai", "gpt-4"), facts("google", "gemini-2.5")]);
    expect(matchFacts(i, { provider: "openai", id: "gpt-4-0613" })).toBeNull();
    expect(matchFacts(i, { provider: "google", id: "gemini-2.5-0001" })).toBeNull();
  });

  it("keeps the first of two entries for the same provider and id", () => {
    const first = { ...facts("openai", "gpt-5"), context_window: 1 };
    const i = buildFactsIndex("litellm", "x", [first, { ...facts("openai", "gpt-5"), context_window: 2 }]);
    expect(i.size).toBe(1);
    expect(matchFacts(i, { provider: "openai", id: "gpt-5" })?.facts.context_window).toBe(1);
  });

  it("matches 20,000 ids against a 5,000-entry index quickly", () => {
    const big = buildFactsIndex("models.dev", "x", Array.from({ length: 5000 }, (_, n) => facts("openai", `gpt-${n}`)));
    const start = performance.now();
    let hits = 0;
    for (let n = 0; n < 20_000; n++) if (matchFacts(big, { provider: "openai", id: `gpt-${n}-2025-01-01`, aliases: [`gpt-${n}-x`] })) hits++;
    expect(hits).toBe(5000);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("matchFacts on a LiteLLM map", () => {
  // Keys as LiteLLM writes them: some bare, some with a provider prefix.
  const map = {
    "gpt-5-mini": { litellm_provider: "openai", mode: "chat", input_cost_per_token: 2.5e-7 },
    "anthropic/claude-opus-4-1": { litellm_provider: "anthropic", mode: "chat", input_cost_per_token: 1.5e-5 },
    "gemini/gemini-2.5-flash": { litellm_provider: "gemini", mode: "chat", input_cost_per_token: 3e-7 },
    "mistral/mistral-small-2506": { litellm_provider: "mistral", mode: "chat", input_cost_per_token: 1e-7 },
  };
  const parsed = parseLitellm(map, "x");
  const litellm = buildFactsIndex("litellm", "x", parsed.ok ? parsed.facts : []);

  it.each([
    ["openai", "gpt-5-mini-2025-08-07", [], "gpt-5-mini"],
    ["anthropic", "claude-opus-4-1-20250805", [], "claude-opus-4-1"],
    ["google", "models/gemini-2.5-flash", [], "gemini-2.5-flash"],
    ["mistral", "mistral-small-latest", ["mistral-small-2506"], "mistral-small-2506"],
    ["openai", "gpt-5", [], null],
  ] as [Provider, string, string[], string | null][])("%s %s -> %s, the key's prefix removed", (provider, id, aliases, want) => {
    expect(matchFacts(litellm, { provider, id, aliases })?.facts.model_id ?? null).toBe(want);
  });
});

import { describe, expect, it } from "vitest";
import { getCatalog } from "@/lib/catalog";
import { emptyProvenance, type Provenance } from "@/lib/db/facts-columns";
import { NO_EXTRA_PRICES } from "@/lib/domain";
import type { FactsMatch, MetadataSource, ModelFacts } from "@/lib/metadata";
import { resolveFigures, type FactInputs, type Figures } from "./precedence";

const AS_OF = { "models.dev": "2026-11-01T00:00:00.000Z", litellm: "2026-10-01T00:00:00.000Z" };

function facts(source: MetadataSource, over: Partial<ModelFacts> = {}): FactsMatch {
  const f: ModelFacts = {
    source, as_of: AS_OF[source], provider: "openai", model_id: "gpt-5",
    pricing: { input_per_mtok: null, output_per_mtok: null, ...NO_EXTRA_PRICES, long_context_threshold: null },
    context_window: null, max_input_tokens: null, max_tokens: null,
    capabilities: { vision: null, function_calling: null, json_mode: null, reasoning: null },
    release_date: null, knowledge: null, status: null, deprecation_date: null, ...over,
  };
  return { facts: f, matched_by: "exact", matched_id: "gpt-5" };
}

const price = (input: number, output: number, extra: Partial<Figures["pricing"]> = {}) => ({ input_per_mtok: input, output_per_mtok: output, long_context_threshold: null, ...NO_EXTRA_PRICES, ...extra });
const gpt5 = getCatalog().providers.openai.models.find((m) => m.model_name === "gpt-5")!;
const CATALOG_AS_OF = getCatalog().version;

const base = (over: Partial<FactInputs> = {}): FactInputs => ({
  stated: { context_window: null, max_tokens: null, capabilities: {} },
  statedAt: "2026-12-01T00:00:00.000Z",
  metadata: {}, unavailable: new Set(), catalogAsOf: CATALOG_AS_OF, overrides: {}, ...over,
});

const rowWith = (figures: Partial<Figures>, provenance: Partial<Provenance>): FactInputs["row"] => ({
  pricing: { input_per_mtok: null, output_per_mtok: null, ...NO_EXTRA_PRICES }, context_window: null, max_tokens: null,
  capabilities: { vision: null, function_calling: null, json_mode: null, reasoning: null }, ...figures,
  provenance: { ...emptyProvenance(), ...provenance },
});

describe("resolveFigures", () => {
  it("ranks admin over the provider over models.dev over LiteLLM over the catalog over the row, field by field", () => {
    const all = base({
      overrides: { max_tokens: 1000, set_at: "2026-12-01T10:00:00.000Z" },
      stated: { context_window: 300_000, max_tokens: 64_000, capabilities: { vision: false } },
      metadata: {
        "models.dev": facts("models.dev", { pricing: price(2, 20), context_window: 400_000, capabilities: { vision: true, function_calling: true, json_mode: null, reasoning: null } }),
        litellm: facts("litellm", { pricing: price(3, 30), capabilities: { vision: true, function_calling: false, json_mode: true, reasoning: null } }),
      },
      catalog: gpt5,
      row: rowWith({ context_window: 1 }, {}),
    });
    const r = resolveFigures(all);
    expect(r.max_tokens).toBe(1000);
    expect(r.provenance.max_tokens).toEqual({ source: "admin", as_of: "2026-12-01T10:00:00.000Z" });
    expect(r.context_window).toBe(300_000);
    expect(r.provenance.context_window).toEqual({ source: "provider", as_of: "2026-12-01T00:00:00.000Z" });
    expect(r.pricing).toEqual({ input_per_mtok: 2, output_per_mtok: 20, ...NO_EXTRA_PRICES });
    expect(r.provenance.pricing).toEqual({ source: "models.dev", as_of: AS_OF["models.dev"] });
    // vision: the provider's false; function_calling: models.dev; json_mode: LiteLLM; reasoning: the catalog.
    expect(r.capabilities).toMatchObject({ vision: false, function_calling: true, json_mode: true, reasoning: true });
    expect(r.provenance.capabilities?.source).toBe("provider");
  });

  it("leaves a capability null when no source states it, never false", () => {
    const r = resolveFigures(base({ metadata: { "models.dev": facts("models.dev", { capabilities: { vision: true, function_calling: null, json_mode: null, reasoning: null } }) } }));
    expect(r.capabilities).toEqual({ vision: true, function_calling: null, json_mode: null, reasoning: null });
    expect(resolveFigures(base()).capabilities).toEqual({ vision: null, function_calling: null, json_mode: null, reasoning: null });
    expect(resolveFigures(base()).provenance).toEqual(emptyProvenance());
  });

  it("takes the catalog's price when the catalogs do not know the model, and the row's when nothing does", () => {
    expect(resolveFigures(base({ catalog: gpt5 })).provenance.pricing).toEqual({ source: "catalog", as_of: CATALOG_AS_OF });
    const kept = resolveFigures(base({ row: rowWith({ pricing: price(9, 9) }, { pricing: { source: "litellm", as_of: "2020-01-01" } }) }));
    expect(kept.pricing).toMatchObject({ input_per_mtok: 9, output_per_mtok: 9 });
    expect(kept.provenance.pricing).toEqual({ source: "litellm", as_of: "2020-01-01" });
  });

  it("keeps the figures an unreadable source gave the row, above the catalog", () => {
    const row = rowWith({ pricing: price(1.5, 12), context_window: 390_000 }, { pricing: { source: "models.dev", as_of: "2026-01-01" }, context_window: { source: "models.dev", as_of: "2026-01-01" } });
    const r = resolveFigures(base({ catalog: gpt5, row, unavailable: new Set(["models.dev"]) }));
    expect(r.pricing).toMatchObject({ input_per_mtok: 1.5, output_per_mtok: 12 });
    expect(r.context_window).toBe(390_000);
    expect(r.provenance.pricing).toEqual({ source: "models.dev", as_of: "2026-01-01" });
    // Readable and silent about the model, models.dev proves nothing: the catalog's price is next.
    expect(resolveFigures(base({ catalog: gpt5, row })).pricing).toMatchObject({ input_per_mtok: gpt5.pricing.input_per_mtok });
  });

  it("lays an admin's partial price over the sources' price and names the admin", () => {
    const r = resolveFigures(base({ overrides: { pricing: { input_per_mtok: 0.5 }, set_at: "2026-12-02T00:00:00.000Z" }, metadata: { "models.dev": facts("models.dev", { pricing: price(2, 20, { cache_read_per_mtok: 0.2 }) }) } }));
    expect(r.pricing).toMatchObject({ input_per_mtok: 0.5, output_per_mtok: 20, cache_read_per_mtok: 0.2 });
    expect(r.provenance.pricing).toEqual({ source: "admin", as_of: "2026-12-02T00:00:00.000Z" });
  });

  it("keeps the row's provenance date while the figure and its source stay the same, and moves it when the figure changes", () => {
    const input = base({ metadata: { "models.dev": facts("models.dev", { pricing: price(2, 20), context_window: 400_000 }) } });
    const first = resolveFigures(input);
    const row = { ...first, provenance: { ...first.provenance, pricing: { source: "models.dev" as const, as_of: "2026-06-01T00:00:00.000Z" } } };
    expect(resolveFigures({ ...input, row }).provenance.pricing?.as_of).toBe("2026-06-01T00:00:00.000Z");
    const changed = { ...input, row, metadata: { "models.dev": facts("models.dev", { pricing: price(2.5, 20) }) } };
    expect(resolveFigures(changed).provenance.pricing?.as_of).toBe(AS_OF["models.dev"]);
  });
});

import { describe, expect, it } from "vitest";
import fakeModelsDev from "@/tests/support/fixtures/models-dev/fake-api.json";
import { buildFactsIndex } from "@/lib/metadata/match";
import { parseModelsDev } from "@/lib/metadata/models-dev";
import raw from "./catalog.json";
import { catalogSchema } from "./schema";
import { formatCatalogChanges, updateCatalogFromFacts, type RawCatalog } from "./update";

const indexOf = (doc: unknown) => {
  const parsed = parseModelsDev(doc, "2026-01-15T00:00:00.000Z");
  if (!parsed.ok) throw new Error(parsed.message);
  return buildFactsIndex("models.dev", "2026-01-15T00:00:00.000Z", parsed.facts);
};

describe("updateCatalogFromFacts", () => {
  it("finds nothing to change against the fake document, which agrees with the catalog", () => {
    const { catalog, changes } = updateCatalogFromFacts(raw as RawCatalog, indexOf(fakeModelsDev), "fake");
    expect(changes).toEqual([]);
    expect(catalog).toEqual(raw);
  });

  it("changes the figures a document states differently, keeps the rest, and names the source", () => {
    const doc = structuredClone(fakeModelsDev) as Record<string, { models: Record<string, Record<string, unknown>> }>;
    doc.openai.models["gpt-5"].cost = { input: 1.1, output: 9 };
    doc.openai.models["gpt-5"].limit = { context: 500000 }; // no output limit stated: max_tokens stays
    doc.mistral.models["mistral-large-2411"].modalities = { input: ["text", "image"], output: ["text"] };
    const { catalog, changes } = updateCatalogFromFacts(raw as RawCatalog, indexOf(doc), "https://models.dev/api.json");
    expect(changes).toEqual([
      { provider: "openai", model_name: "gpt-5", field: "pricing.input_per_mtok", from: 1.25, to: 1.1 },
      { provider: "openai", model_name: "gpt-5", field: "pricing.output_per_mtok", from: 10, to: 9 },
      { provider: "openai", model_name: "gpt-5", field: "context_window", from: 400000, to: 500000 },
      { provider: "mistral", model_name: "mistral-large-latest", field: "capabilities.vision", from: false, to: true },
    ]);
    const gpt5 = catalog.providers.openai.models.find((m) => m.model_name === "gpt-5")!;
    expect(gpt5.max_tokens).toBe(128000);
    expect(gpt5.source).toBe("https://models.dev/api.json (models.dev entry gpt-5, as of 2026-01-15)");
    expect(catalog.providers.openai.models.find((m) => m.model_name === "gpt-5-mini")!.source).toBe(raw.providers.openai.models[1].source);
    expect(() => catalogSchema.parse(catalog)).not.toThrow();
    expect((raw as RawCatalog).providers.openai.models[0].pricing.input_per_mtok).toBe(1.25); // the input is not mutated
  });

  it("prints the changes aligned", () => {
    const text = formatCatalogChanges([
      { provider: "openai", model_name: "gpt-5", field: "pricing.input_per_mtok", from: 1.25, to: 1.1 },
      { provider: "mistral", model_name: "mistral-large-latest", field: "capabilities.vision", from: false, to: true },
    ]);
    expect(text.split("\n")).toEqual([
      "model                         field                    from    to",
      "openai/gpt-5                  pricing.input_per_mtok   1.25   1.1",
      "mistral/mistral-large-latest  capabilities.vision     false  true",
    ]);
    expect(formatCatalogChanges([])).toMatch(/No change/);
  });
});

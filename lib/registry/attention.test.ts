import { describe, expect, it } from "vitest";
import { needsAttention, type AttentionInput, type AttentionModel } from "./attention";

const NOW = new Date("2026-12-01T12:00:00Z");
let n = 0;
function model(over: Partial<AttentionModel> = {}): AttentionModel {
  n++;
  return {
    id: `m${n}`, provider: "openai", model_name: `model-${n}`, model_type: "flagship", is_active: true, is_default: false, needs_review: false,
    pricing: { input_per_mtok: 1, output_per_mtok: 2 }, context_window: 128_000, shutdown_date: null, ...over,
  };
}
const input = (over: Partial<AttentionInput>): AttentionInput => ({ models: [], heldListings: [], metadataSources: [], now: NOW, ...over });
const kinds = (i: AttentionInput) => needsAttention(i).map((x) => `${x.kind}:${x.target.kind === "model" ? x.target.model_name : x.target.section}`);

describe("needsAttention", () => {
  it("has nothing to say about a priced, reviewed, live registry", () => {
    expect(needsAttention(input({ models: [model({ is_default: true }), model({ model_type: "fast" }), model({ model_type: "legacy", pricing: { input_per_mtok: null, output_per_mtok: null } })] }))).toEqual([]);
  });

  it("flags unpriced active flagship and fast models, but not legacy, inactive or needs-review ones", () => {
    const none = { input_per_mtok: null, output_per_mtok: null };
    const models = [
      model({ model_name: "a", pricing: none }),
      model({ model_name: "b", model_type: "fast", pricing: { input_per_mtok: 1, output_per_mtok: null } }),
      model({ model_name: "c", model_type: "legacy", pricing: none }),
      model({ model_name: "d", is_active: false, pricing: none }),
    ];
    expect(kinds(input({ models }))).toEqual(["unpriced:a", "unpriced:b"]);
  });

  it("flags a default without a price or context window, naming what is missing", () => {
    const [item] = needsAttention(input({ models: [model({ model_name: "x", is_default: true, context_window: null, pricing: { input_per_mtok: null, output_per_mtok: 3 } })] }));
    expect(item).toMatchObject({ kind: "default_missing_facts", title: "The openai flagship default has no price and no context window", target: { kind: "model", model_name: "x" } });
  });

  it("flags defaults retiring within 30 days (warning) and retired ones (critical), not later ones", () => {
    const models = [
      model({ model_name: "soon", is_default: true, shutdown_date: "2026-12-31" }),
      model({ model_name: "later", is_default: true, model_type: "fast", shutdown_date: "2027-01-01" }),
      model({ model_name: "gone", is_default: true, provider: "mistral", shutdown_date: "2026-12-01" }),
    ];
    const items = needsAttention(input({ models }));
    expect(items.map((i) => [i.kind, i.severity, i.title])).toEqual([
      ["default_retired", "critical", "The mistral flagship default is retired"],
      ["default_retiring", "warning", "The openai flagship default retires in 30 days"],
    ]);
  });

  it("flags models needing review", () => {
    expect(kinds(input({ models: [model({ model_name: "odd", needs_review: true, pricing: { input_per_mtok: null, output_per_mtok: null } })] }))).toEqual(["needs_review:odd"]);
  });

  it("flags held listings first and metadata sources whose last error is newer than their last good fetch", () => {
    const metadataSources = [
      { source: "models.dev", url: "u", last_error: "HTTP 500", last_error_at: "2026-12-01T10:00:00Z", fetched_at: "2026-11-30T10:00:00Z" },
      { source: "litellm", url: "u", last_error: "timeout", last_error_at: "2026-11-01T10:00:00Z", fetched_at: "2026-11-30T10:00:00Z" },
    ];
    const items = needsAttention(input({ models: [model({ needs_review: true, model_name: "r" })], heldListings: [{ provider: "google", missing: [{}, {}] }], metadataSources }));
    expect(items.map((i) => i.id)).toEqual(["suspect_listing:google", "metadata_source_failing:models.dev", "needs_review:m" + n]);
    expect(items[0]).toMatchObject({ severity: "critical", detail: expect.stringContaining("2 confirmed models") });
    expect(items[1].detail).toContain("HTTP 500");
  });

  it("calls a source failing that never produced a document", () => {
    const [item] = needsAttention(input({ metadataSources: [{ source: "litellm", url: "u", last_error: "malformed", last_error_at: "2026-12-01T10:00:00Z", fetched_at: null }] }));
    expect(item.detail).toContain("no document was ever read");
  });
});

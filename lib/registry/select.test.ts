import { describe, expect, it } from "vitest";
import { fromZodError } from "@/lib/api/errors";
import type { ModelRow } from "@/lib/db/model-row";
import { catalogRows } from "@/tests/support/catalog-rows";
import { selectModels, unmetConstraints } from "./select";
import { selectQuerySchema, type SelectInput } from "./select-query";

const NOW = new Date("2026-01-15T00:00:00Z");
const names = (rows: ModelRow[]) => rows.map((r) => r.model_name);
const select = (input: SelectInput, rows = catalogRows()) => selectModels(selectQuerySchema.parse(input), rows, NOW);
const edit = (rows: ModelRow[], name: string, patch: Partial<ModelRow>) => rows.map((r) => (r.model_name === name ? { ...r, ...patch } : r));
const dayOffset = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe("selectModels, order=rank", () => {
  it("ranks by tier, then each provider's own ranking (its default first), then the usual provider order", () => {
    const all = names(select({}));
    expect(all.slice(0, 4)).toEqual(["gpt-5", "claude-sonnet-4-5", "gemini-2.5-pro", "mistral-large-latest"]);
    expect(all[4]).toBe("claude-opus-4-1"); // second place in anthropic's flagship ranking
    expect(all.indexOf("gpt-5-mini")).toBeLessThan(all.indexOf("gpt-5-nano"));
    expect(all.indexOf("mistral-small-latest")).toBeLessThan(all.indexOf("gpt-4.1"));
    expect(all).not.toContain("gemini-3-pro-preview");
  });

  it("breaks ties by the order of the providers parameter and leaves other providers out", () => {
    expect(names(select({ type: "fast", providers: ["mistral", "google"] })).slice(0, 4)).toEqual([
      "mistral-medium-latest", "gemini-2.5-flash", "mistral-small-latest", "gemini-2.5-flash-lite",
    ]);
  });

  it("follows a moved default: the newly pinned model leads its provider's tier", () => {
    const rows = edit(edit(catalogRows(), "gpt-5-mini", { is_default: false }), "gpt-5-nano", { is_default: true });
    expect(names(select({ type: "fast", providers: ["openai"] }))).toEqual(["gpt-5-mini", "gpt-5-nano"]);
    expect(names(select({ type: "fast", providers: ["openai"] }, rows))).toEqual(["gpt-5-nano", "gpt-5-mini"]);
  });
});

describe("selectModels, constraints", () => {
  it("asks every capability to be true; an unknown (null) capability does not satisfy", () => {
    const rows = edit(catalogRows(), "gpt-5", { capabilities: { vision: null, function_calling: true, json_mode: true, reasoning: true } });
    const got = names(select({ type: "flagship", capabilities: ["vision", "reasoning"] }, rows));
    expect(got).not.toContain("gpt-5");
    expect(got).not.toContain("mistral-large-latest"); // vision false
    expect(got[0]).toBe("claude-sonnet-4-5");
  });

  it("filters by context window and output limit; an unknown limit does not satisfy", () => {
    const rows = edit(catalogRows(), "gemini-2.5-pro", { context_window: null });
    expect(names(select({ min_context: 1_000_000 }, rows)).slice(0, 2)).toEqual(["gemini-2.5-flash", "gemini-2.5-flash-lite"]);
    expect(names(select({ min_output: 100_000, type: "flagship" }))).toEqual(["gpt-5", "mistral-large-latest"]);
  });

  it("filters by input and output price; an unknown price does not satisfy", () => {
    const rows = edit(catalogRows(), "gpt-5-nano", { pricing: { ...catalogRows()[0].pricing, input_per_mtok: null } });
    const cheap = names(select({ max_input_price: 0.1, max_output_price: 0.4 }, rows));
    expect(cheap).not.toContain("gpt-5-nano");
    expect(cheap.slice(0, 2)).toEqual(["gemini-2.5-flash-lite", "mistral-small-latest"]);
    expect([...cheap].sort()).toEqual(["gemini-2.0-flash", "gemini-2.0-flash-lite", "gemini-2.5-flash-lite", "gpt-4.1-nano", "mistral-small-latest"]);
    expect(names(select({ max_output_price: 0.35 }))).toEqual(["mistral-small-latest", "gemini-2.0-flash-lite"]);
  });

  it("names each constraint a model fails", () => {
    const [mistral] = catalogRows().filter((r) => r.model_name === "mistral-large-latest");
    expect(unmetConstraints(mistral, { capabilities: ["vision", "json_mode", "reasoning"], min_context: 200_000, max_input_price: 1, providers: ["openai"] })).toEqual([
      "capabilities (vision, reasoning)", "min_context", "max_input_price", "providers",
    ]);
    expect(unmetConstraints(mistral, {})).toEqual([]);
  });
});

describe("selectModels, order=price and lifecycle", () => {
  it("orders by input price, then output price, ascending; unknown prices last", () => {
    const rows = edit(catalogRows(), "gpt-5-mini", { pricing: { ...catalogRows()[0].pricing, input_per_mtok: null, output_per_mtok: null } });
    const got = names(select({ type: "fast", order: "price" }, rows));
    // mistral-small-latest and gemini-2.5-flash-lite share input 0.1: output 0.3 before 0.4, whatever the provider order
    expect(got).toEqual(["gpt-5-nano", "mistral-small-latest", "gemini-2.5-flash-lite", "gemini-2.5-flash", "mistral-medium-latest", "claude-haiku-4-5", "gpt-5-mini"]);
    expect(names(select({ type: "fast", order: "price", providers: ["google", "mistral"] })).slice(0, 2)).toEqual(["mistral-small-latest", "gemini-2.5-flash-lite"]);
  });

  it("never answers a retired model, one within 30 days of shutdown, an inactive or an unreviewed one", () => {
    let rows = edit(catalogRows(), "gpt-5", { shutdown_date: dayOffset(-1) });
    rows = edit(rows, "claude-sonnet-4-5", { shutdown_date: dayOffset(29) });
    rows = edit(rows, "gemini-2.5-pro", { is_active: false });
    rows = edit(rows, "mistral-large-latest", { needs_review: true });
    rows = edit(rows, "claude-opus-4-1", { shutdown_date: dayOffset(31) });
    expect(names(select({ type: "flagship" }, rows))).toEqual(["claude-opus-4-1"]);
  });

  it("leaves previews out unless include_preview", () => {
    expect(names(select({ type: "flagship", providers: ["google"] }))).toEqual(["gemini-2.5-pro"]);
    expect(names(select({ type: "flagship", providers: ["google"], include_preview: true }))).toContain("gemini-3-pro-preview");
  });
});

describe("selectQuerySchema", () => {
  it("reads a query string (comma lists, text numbers and booleans) as the same question as a body", () => {
    const fromQuery = selectQuerySchema.parse({ type: "fast", capabilities: "vision, reasoning", min_context: "200000", max_input_price: "0.5", providers: "google,openai", order: "price", include_preview: "true" });
    const fromBody = selectQuerySchema.parse({ type: "fast", capabilities: ["vision", "reasoning"], min_context: 200000, max_input_price: 0.5, providers: ["google", "openai"], order: "price", include_preview: true });
    expect(fromQuery).toEqual(fromBody);
    expect(selectQuerySchema.parse({})).toEqual({ type: "any", order: "rank", include_preview: false });
    // Numbers as JSON (and Python's str()) write them, an exponent included.
    expect(selectQuerySchema.parse({ max_input_price: "1e-06", max_output_price: "2.5E1" })).toMatchObject({ max_input_price: 0.000001, max_output_price: 25 });
  });

  it.each([
    [{ colour: "red" }, "colour"],
    [{ type: "cheap" }, "type"],
    [{ capabilities: "vision,telepathy" }, "capabilities.1"],
    [{ min_context: "lots" }, "min_context"],
    [{ min_output: "-5" }, "min_output"],
    [{ max_input_price: -1 }, "max_input_price"],
    [{ max_output_price: "1,5" }, "max_output_price"],
    [{ providers: "openai,cohere" }, "providers.1"],
    [{ order: "newest" }, "order"],
    [{ include_preview: "yes" }, "include_preview"],
  ])("refuses %j naming %s", (input, field) => {
    const r = selectQuerySchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(fromZodError(r.error!).issues?.[0].path).toBe(field);
  });
});

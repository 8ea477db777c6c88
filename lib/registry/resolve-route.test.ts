import { describe, expect, it } from "vitest";
import { fromZodError } from "@/lib/api/errors";
import type { ModelRow } from "@/lib/db/model-row";
import { catalogRows } from "@/tests/support/catalog-rows";
import { resolveRoute, withConstraints } from "./resolve-route";
import { routeSchema, type RouteInput } from "./route-schema";
import { selectQuerySchema } from "./select-query";

const NOW = new Date("2026-01-15T00:00:00Z");
const route = (input: Omit<RouteInput, "name">) => routeSchema.parse({ name: "summarize", ...input });
const edit = (rows: ModelRow[], name: string, patch: Partial<ModelRow>) => rows.map((r) => (r.model_name === name ? { ...r, ...patch } : r));

describe("resolveRoute", () => {
  it("answers a slot step with the slot's default now, and follows the default when it moves", () => {
    const r = route({ steps: [{ slot: "openai:fast" }] });
    expect(resolveRoute(r, catalogRows(), NOW).model?.model_name).toBe("gpt-5-mini");
    const moved = edit(edit(catalogRows(), "gpt-5-mini", { is_default: false }), "gpt-5-nano", { is_default: true });
    const { model, chain } = resolveRoute(r, moved, NOW);
    expect(model?.model_name).toBe("gpt-5-nano");
    expect(chain).toEqual([{ step: { slot: "openai:fast" }, provider: "openai", model_name: "gpt-5-nano", skipped: false, used: true }]);
  });

  it("skips an unknown model, a retired one and an inactive one, saying why, and answers the next step", () => {
    let rows = edit(catalogRows(), "claude-haiku-4-5", { shutdown_date: "2026-01-01" });
    rows = edit(rows, "gpt-4o", { is_active: false, deactivation_reason: "no longer listed" });
    const r = route({ steps: [{ model: "openai/gpt-5.5" }, { model: "anthropic/claude-haiku-4-5" }, { model: "openai/gpt-4o" }, { model: "google/gemini-2.5-flash" }, { slot: "mistral:fast" }] });
    const { model, chain } = resolveRoute(r, rows, NOW);
    expect(model?.model_name).toBe("gemini-2.5-flash");
    expect(chain.map((c) => [c.skipped, c.used, c.model_name ?? c.reason])).toEqual([
      [true, false, "unknown model openai/gpt-5.5"],
      [true, false, "claude-haiku-4-5 shut down on 2026-01-01"],
      [true, false, "gpt-4o is inactive (no longer listed)"],
      [false, true, "gemini-2.5-flash"],
      [false, false, "mistral-medium-latest"], // what a later step resolves to now, not used
    ]);
  });

  it("finds a fixed model by one of its aliases", () => {
    const rows = edit(catalogRows(), "gpt-5", { aliases: ["gpt-5-2025-08-07"] });
    expect(resolveRoute(route({ steps: [{ model: "openai/gpt-5-2025-08-07" }] }), rows, NOW).model?.model_name).toBe("gpt-5");
  });

  it("skips a slot without a default", () => {
    const rows = catalogRows().map((r) => (r.provider === "google" ? { ...r, is_default: false } : r));
    const { model, chain } = resolveRoute(route({ steps: [{ slot: "google:flagship" }] }), rows, NOW);
    expect(model).toBeUndefined();
    expect(chain[0]).toMatchObject({ skipped: true, reason: "google:flagship has no default" });
  });

  it("answers a select step with the best model of its question, narrowed by the route's constraints", () => {
    const r = route({ steps: [{ select: { type: "fast", order: "price" } }], constraints: { capabilities: ["reasoning"], max_output_price: 3 } });
    // gpt-5-nano (0.05) leads the price order and reasons; mistral-small-latest does not reason
    expect(resolveRoute(r, catalogRows(), NOW).model?.model_name).toBe("gpt-5-nano");
    const noNano = edit(catalogRows(), "gpt-5-nano", { is_active: false });
    expect(resolveRoute(r, noNano, NOW).model?.model_name).toBe("gemini-2.5-flash-lite");
  });

  it("skips a slot or model step whose model breaks the route's constraints", () => {
    const r = route({ steps: [{ slot: "mistral:flagship" }, { slot: "anthropic:flagship" }], constraints: { capabilities: ["vision"] } });
    const { model, chain } = resolveRoute(r, catalogRows(), NOW);
    expect(model?.model_name).toBe("claude-sonnet-4-5");
    expect(chain[0].reason).toBe("mistral-large-latest does not meet the route's constraints: capabilities (vision)");
  });

  it("resolves to nothing when no step does, keeping the whole chain", () => {
    const r = route({ steps: [{ select: { min_context: 50_000_000 } }, { model: "mistral/gone" }] });
    const { model, chain } = resolveRoute(r, catalogRows(), NOW);
    expect(model).toBeUndefined();
    expect(chain).toEqual([
      expect.objectContaining({ skipped: true, used: false, reason: "no model matches the select query" }),
      expect.objectContaining({ skipped: true, used: false, reason: "unknown model mistral/gone" }),
    ]);
  });
});

describe("withConstraints", () => {
  it("only narrows: capabilities join, minimums rise, maximums fall, providers intersect in the step's order", () => {
    const q = selectQuerySchema.parse({ capabilities: ["vision"], min_context: 100, max_input_price: 5, providers: ["google", "openai", "mistral"] });
    expect(withConstraints(q, { capabilities: ["reasoning"], min_context: 50, min_output: 10, max_input_price: 2, providers: ["openai", "google"] })).toMatchObject({
      capabilities: ["vision", "reasoning"], min_context: 100, min_output: 10, max_input_price: 2, providers: ["google", "openai"],
    });
    expect(withConstraints(q, null)).toBe(q);
  });
});

describe("routeSchema", () => {
  it.each([
    [{ name: "Summarize", steps: [{ slot: "openai:fast" }] }, "name"],
    [{ name: "-x", steps: [{ slot: "openai:fast" }] }, "name"],
    [{ name: "x", steps: [] }, "steps"],
    [{ name: "x", steps: [{ slot: "openai:legacy" }] }, "steps.0.slot"],
    [{ name: "x", steps: [{ model: "gpt-5" }] }, "steps.0.model"],
    [{ name: "x", steps: [{ model: "cohere/command" }] }, "steps.0.model"],
    [{ name: "x", steps: [{ slot: "openai:fast", model: "openai/gpt-5" }] }, "steps.0"],
    [{ name: "x", steps: [{ select: { type: "cheap" } }] }, "steps.0.select.type"],
    [{ name: "x", steps: [{ select: { colour: "red" } }] }, "steps.0.select.colour"],
    [{ name: "x", steps: [{ slot: "openai:fast" }], constraints: { type: "fast" } }, "constraints.type"],
    [{ name: "x", steps: [{ slot: "openai:fast" }], extra: 1 }, "extra"],
  ])("refuses %j naming %s", (input, field) => {
    const r = routeSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(fromZodError(r.error!, "body").issues?.[0].path).toBe(field);
  });

  it("accepts names up to 63 characters of a-z, 0-9, - _ . and a step naming a model the registry does not know", () => {
    expect(routeSchema.safeParse({ name: `a${"b".repeat(62)}`, steps: [{ model: "openai/gpt-9" }] }).success).toBe(true);
    expect(routeSchema.safeParse({ name: `a${"b".repeat(63)}`, steps: [{ model: "openai/gpt-9" }] }).success).toBe(false);
    expect(routeSchema.safeParse({ name: "0cheap_v2.fast-lane", steps: [{ slot: "google:fast" }] }).success).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { routeSchema } from "@/lib/registry/route-schema";
import { draftFromRoute, emptyDraft, newStep, routeBody, stepLabel } from "./route-draft";

describe("route drafts", () => {
  it("turn the form's fields into a route the server's schema accepts, leaving empty fields out", () => {
    const d = emptyDraft();
    d.name = " summarize ";
    d.steps = [newStep("slot"), { kind: "model", model: " openai/gpt-5.5 " }, newStep("select")];
    const sel = d.steps[2];
    if (sel.kind !== "select") throw new Error("select step expected");
    sel.type = "fast";
    sel.order = "price";
    sel.filters.capabilities = ["vision"];
    sel.filters.numbers.max_input_price = "0.5";
    sel.filters.providers = "google, openai";
    d.constraints.numbers.min_context = "100000";
    const body = routeBody(d);
    expect(body).toEqual({
      name: "summarize",
      steps: [{ slot: "openai:fast" }, { model: "openai/gpt-5.5" }, { select: { type: "fast", order: "price", capabilities: ["vision"], max_input_price: 0.5, providers: ["google", "openai"] } }],
      constraints: { min_context: 100000 },
    });
    expect(routeSchema.safeParse(body).success).toBe(true);
  });

  it("keep a number that is not one as typed, so the server names the field", () => {
    const d = emptyDraft();
    d.name = "x";
    d.constraints.numbers.max_output_price = "cheap";
    const parsed = routeSchema.safeParse(routeBody(d));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["constraints", "max_output_price"]);
  });

  it("round-trip a stored route through the form", () => {
    const stored = routeSchema.parse({ name: "r", description: "d", steps: [{ select: { type: "flagship", min_output: 8000, include_preview: true } }, { slot: "google:fast" }], constraints: { providers: ["google"] } });
    const again = routeSchema.parse(routeBody(draftFromRoute({ ...stored, description: stored.description ?? null, constraints: stored.constraints ?? null })));
    expect(again).toEqual(stored);
  });

  it("label steps in a few words", () => {
    expect(stepLabel({ slot: "anthropic:fast" })).toBe("slot anthropic:fast");
    expect(stepLabel({ select: { type: "fast", order: "price", include_preview: false, capabilities: ["vision"], providers: ["google", "openai"] } })).toBe("select fast, by price, vision, google/openai");
  });
});

import { describe, expect, it } from "vitest";
import { getCatalog } from "@/lib/catalog";
import { PROVIDERS } from "@/lib/domain";
import { mergePlans, planChanges, planChangesPausing, planListing, planListingPausing, type PlanInput } from "./plan";
import { listed, registryRow } from "@/tests/support/discovery-fixtures";

const NOW = new Date("2025-11-27T00:00:00Z");

// Hundreds of models per provider, half of them already in the registry (refreshed or unchanged), half new.
function bigInput(): PlanInput {
  const listings = PROVIDERS.map((p) => ({
    provider: p,
    pages: 1,
    models: Array.from({ length: 600 }, (_, i) => listed(p, `${p === "openai" ? "gpt" : p === "google" ? "gemini" : p === "anthropic" ? "claude-sonnet" : "mistral-small"}-${i}.0`, { display_name: `M ${i}` })),
  }));
  const registry = listings.flatMap((l) => l.models.filter((_, i) => i % 2 === 0).map((m) => registryRow(l.provider, m.id, "legacy")));
  const cat = getCatalog();
  registry.push(...PROVIDERS.map((p) => registryRow(p, cat.providers[p].defaults.flagship, "flagship", { is_default: true })));
  return { registry, listings, now: NOW };
}

describe("a plan provider by provider", () => {
  it("pausing plans what planChanges plans: the providers' paused parts merged are the whole plan", async () => {
    const input = bigInput();
    const whole = planChanges(input);
    expect(whole.adds.length).toBeGreaterThan(1000);
    expect(whole.unchanged.length + whole.refreshes.length).toBe(1200);
    const paused = await Promise.all(input.listings.map((l) => planListingPausing(input, l)));
    expect(mergePlans(paused)).toEqual(planChanges(input));
    expect(paused.map((p) => p.listed)).toEqual([...PROVIDERS].map((p) => [p]));
    expect(await planChangesPausing(input)).toEqual(whole);
  });

  it("pausing gives the event loop turns while a large listing is planned; planListing gives none", async () => {
    const input = bigInput();
    let turns = 0;
    const tick = () => {
      turns++;
      if (turns < 10_000) timer = setImmediate(tick);
    };
    let timer = setImmediate(tick);
    planListing(input, input.listings[0]);
    expect(turns).toBe(0);
    await planListingPausing(input, input.listings[0]);
    clearImmediate(timer);
    expect(turns).toBeGreaterThanOrEqual(2);
  });
});

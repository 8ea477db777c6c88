import { describe, expect, it } from "vitest";
import { listingOf, registryRow } from "@/tests/support/discovery-fixtures";
import { planChanges } from "./plan";

const NOW = new Date("2025-11-27T00:00:00Z");
const NAMES = ["gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4o", "gpt-4.1-mini", "o3"];

function planFor(activeNames: string[], listedNames: string[]) {
  // Only rows an earlier complete listing confirmed count for the guard (CONTRACT §7).
  const registry = activeNames.map((n) => registryRow("openai", n, n.includes("mini") ? "fast" : "flagship", { confirmed_at: "2025-11-01T00:00:00.000Z" }));
  return planChanges({ registry, listings: [listingOf("openai", listedNames)], now: NOW });
}

// The guard's edge: "more than half" missing is suspect; exactly half is an ordinary listing.
describe("the vanish guard's boundary", () => {
  it.each([
    [4, 2],
    [6, 3],
  ])("deactivates when exactly half of %i active models are missing (%i)", (total, missing) => {
    const active = NAMES.slice(0, total);
    const plan = planFor(active, active.slice(missing));
    expect(plan.deactivations.map((d) => d.model_name).sort()).toEqual(active.slice(0, missing).sort());
    expect(plan.warnings.filter((w) => /suspect/.test(w.message))).toEqual([]);
  });

  it.each([
    [4, 3],
    [5, 3],
    [6, 4],
  ])("keeps everything and warns when just over half of %i active models are missing (%i)", (total, missing) => {
    const active = NAMES.slice(0, total);
    const plan = planFor(active, active.slice(missing));
    expect(plan.deactivations).toEqual([]);
    expect(plan.warnings.map((w) => `${w.source}: ${w.message}`)).toEqual([expect.stringMatching(new RegExp(`^openai: ${missing} of ${total} active models are missing.*suspect`))]);
  });

  it("deactivates just under half of an odd count (2 of 5)", () => {
    const active = NAMES.slice(0, 5);
    expect(planFor(active, active.slice(2)).deactivations).toHaveLength(2);
  });
});

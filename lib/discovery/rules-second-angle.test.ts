import { describe, expect, it } from "vitest";
import { listed, listingOf, registryRow } from "@/tests/support/discovery-fixtures";
import { planChanges } from "./plan";
import { shutsDownSoon } from "@/lib/registry/rank";

// Rules each guarded by one test so far, checked again from another side.
const NOW = new Date("2025-11-27T00:00:00Z");

describe("the 30-day shutdown guard, at its edge and on a sitting default", () => {
  it("counts a shutdown exactly 30 days away as far enough, and one a day sooner as too soon", () => {
    expect(shutsDownSoon("2025-12-27", NOW, 30)).toBe(false);
    expect(shutsDownSoon("2025-12-26", NOW, 30)).toBe(true);
    expect(shutsDownSoon("2025-11-01", NOW, 30)).toBe(true); // already past
    expect(shutsDownSoon(null, NOW, 30)).toBe(false);
  });

  it("moves a sitting default away once its shutdown comes within 30 days", () => {
    const registry = [
      registryRow("openai", "gpt-6", "flagship", { is_default: true }),
      registryRow("openai", "gpt-5", "flagship"),
    ];
    const listing = listingOf("openai", [listed("openai", "gpt-6", { shutdown_date: "2025-12-20" }), "gpt-5"]);
    const plan = planChanges({ registry, listings: [listing], now: NOW });
    expect(plan.defaultChanges).toEqual([expect.objectContaining({ provider: "openai", model_type: "flagship", from: "gpt-6", to: "gpt-5" })]);
  });
});

describe("numeric version order", () => {
  it("ranks gpt-5.10 above gpt-5.9 (numbers, not text) when choosing a default", () => {
    const plan = planChanges({ registry: [], listings: [listingOf("openai", ["gpt-5.9", "gpt-5.10", "gpt-5.2"])], now: NOW });
    expect(plan.defaultChanges.find((c) => c.model_type === "flagship")?.to).toBe("gpt-5.10");
  });

  it("ranks claude-opus-4-10 above claude-opus-4-9", () => {
    const plan = planChanges({ registry: [], listings: [listingOf("anthropic", ["claude-opus-4-9", "claude-opus-4-10"])], now: NOW });
    expect(plan.defaultChanges.find((c) => c.model_type === "flagship")?.to).toBe("claude-opus-4-10");
  });
});

describe("the embedding set-aside, through a whole plan", () => {
  it("stores no embedding model and never makes one a default, even when it is the newest name listed", () => {
    const plan = planChanges({ registry: [], listings: [listingOf("openai", ["gpt-5", "text-embedding-4-large", "text-embedding-3-small"])], now: NOW });
    expect(plan.adds.map((a) => a.model_name)).toEqual(["gpt-5"]);
    expect(plan.setAside.map((s) => s.id).sort()).toEqual(["text-embedding-3-small", "text-embedding-4-large"]);
    expect(plan.defaultChanges.map((c) => c.to)).not.toContain("text-embedding-4-large");
  });
});

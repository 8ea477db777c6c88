import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/domain";
import { computeAlerts, providersReached, type RunForAlerts } from "./monitoring";

const now = new Date("2026-11-27T12:00:00Z");
const done = { state: "done" as const, pages: 1, models_seen: 10 };
const failed = { state: "failed" as const, pages: 0, models_seen: 0, message: "401" };

function run(over: Partial<RunForAlerts> = {}): RunForAlerts {
  return {
    status: "success",
    run_date: "2026-11-20T03:00:00Z",
    progress: { openai: done, anthropic: done, google: done, mistral: done },
    ...over,
  };
}
const ids = (runs: RunForAlerts[], lastAddedAt: string | null = "2026-11-01T00:00:00Z") =>
  computeAlerts({ runs, lastAddedAt, now }).map((a) => a.id);

describe("computeAlerts", () => {
  it("raises nothing after a recent complete run and a recent addition", () => {
    expect(ids([run()])).toEqual([]);
  });

  it("says discovery never ran when there is no finished run", () => {
    expect(ids([])).toEqual(["never_run"]);
    expect(ids([run({ status: "running" })])).toEqual(["never_run"]);
  });

  it.each([
    [{ openai: done, anthropic: done, google: done, mistral: failed }, []],
    [{ openai: done, anthropic: done, google: failed, mistral: failed }, ["low_provider_coverage"]],
    [{ openai: done, anthropic: done, google: done, mistral: { state: "skipped", pages: 0, models_seen: 0 } }, []],
    [{ openai: done, anthropic: { state: "skipped" }, google: { state: "skipped" }, mistral: { state: "skipped" } }, ["low_provider_coverage"]],
  ])("judges coverage by providers done: %j", (progress, expected) => {
    expect(ids([run({ status: "partial", progress: progress as RunForAlerts["progress"], run_date: "2026-11-26T00:00:00Z" }), run()])).toEqual(expected);
  });

  it("judges the last finished run, not a running one", () => {
    const bad = run({ progress: { openai: failed, anthropic: failed, google: failed, mistral: done }, status: "failed" });
    expect(ids([run({ status: "running", progress: {} }), run()])).toEqual([]);
    expect(ids([bad, run()])).toEqual(["low_provider_coverage"]);
  });

  it("falls back to providers checked minus errors when a run has no progress", () => {
    const r = run({ progress: {}, providers_checked: ["openai", "anthropic", "google"], errors: [{ provider: "google", message: "x" }] });
    expect(providersReached(r)).toEqual(["openai", "anthropic"]);
    expect(ids([r])).toContain("low_provider_coverage");
  });

  it("warns when the last successful run is 35 days old or more", () => {
    expect(ids([run({ run_date: "2026-10-23T12:00:00Z" })])).toEqual(["no_recent_success"]);
    expect(ids([run({ run_date: "2026-10-24T12:00:00Z" })])).toEqual([]);
  });

  it("warns when no run succeeded at all", () => {
    expect(ids([run({ status: "failed", progress: { openai: done, anthropic: done, google: done, mistral: done } })])).toEqual([
      "no_recent_success",
    ]);
  });

  it("warns when no model was added for 90 days or more", () => {
    expect(ids([run()], "2026-08-29T12:00:00Z")).toEqual(["no_recent_additions"]);
    expect(ids([run()], "2026-08-30T12:00:00Z")).toEqual([]);
    expect(ids([run()], null)).toEqual([]);
  });
});

describe("the empty-slot alert", () => {
  const holders = PROVIDERS.flatMap((p) => (["flagship", "fast"] as const).map((t) => ({ provider: p, model_type: t, is_default: true, is_active: true })));

  it("stays quiet while every slot has an active default", () => {
    expect(computeAlerts({ runs: [run()], lastAddedAt: "2026-11-01T00:00:00Z", now, models: holders }).map((a) => a.id)).toEqual([]);
  });

  it("names every slot that no active model holds", () => {
    const models = holders.filter((h) => !(h.provider === "openai" && h.model_type === "fast")).map((h) => (h.provider === "mistral" && h.model_type === "flagship" ? { ...h, is_active: false } : h));
    const [alert] = computeAlerts({ runs: [run()], lastAddedAt: "2026-11-01T00:00:00Z", now, models });
    expect(alert).toMatchObject({ id: "empty_slot", severity: "critical" });
    expect(alert.message).toMatch(/^No eligible model holds openai\/fast, mistral\/flagship: the config API answers the built-in default/);
  });
});


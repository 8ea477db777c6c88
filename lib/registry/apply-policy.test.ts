import { describe, expect, it } from "vitest";
import type { PendingRow } from "@/lib/db/pending-repo";
import { applyPolicy, isDeadDefault, type PolicyState } from "./apply-policy";
import type { DefaultChange } from "./types";

const now = new Date("2026-12-01T00:00:00Z");
const change: DefaultChange = { provider: "openai", model_type: "flagship", from: "gpt-5", to: "gpt-6", reason: "run: gpt-6 ranks higher" };
const alive = { now, providers: ["openai"] as const, dead: () => false };
const open = (extra: Partial<PendingRow> = {}): PendingRow => ({
  id: "p1", provider: "openai", model_type: "flagship", from: "gpt-5", to: "gpt-6", reason: "run: gpt-6 ranks higher", policy: "soak",
  first_seen_at: "2026-11-20T00:00:00.000Z", promote_after: "2026-11-27T00:00:00.000Z", status: "open", decided_by: null, decided_at: null, ...extra,
});
const state = (policy: "auto" | "soak" | "approve", extra: Partial<PolicyState> = {}): PolicyState => ({
  policies: [{ provider: "openai", model_type: "flagship", policy, soak_days: 7 }], open: [], rejected: [], ...extra,
});

describe("applyPolicy", () => {
  it("moves an auto slot's change now, as before", () => {
    expect(applyPolicy([change], state("auto"), alive)).toMatchObject({ moves: [change], deferred: [], opened: [], closed: [] });
  });

  it("holds a soak candidate back as pending until its soak days are over", () => {
    const out = applyPolicy([change], state("soak"), alive);
    expect(out.moves).toEqual([]);
    expect(out.opened).toEqual([expect.objectContaining({ to: "gpt-6", policy: "soak", first_seen_at: now, promote_after: new Date("2026-12-08T00:00:00Z") })]);
  });

  it("promotes a soak candidate pending for its soak days and still the best", () => {
    const out = applyPolicy([change], state("soak", { open: [open()] }), alive);
    expect(out.moves).toEqual([{ ...change, reason: "run: gpt-6 ranks higher (after a 7-day soak)" }]);
    expect(out.closed).toEqual([{ id: "p1", status: "promoted" }]);
  });

  it("keeps waiting while the soak is not over, without reopening", () => {
    const out = applyPolicy([change], state("soak", { open: [open({ first_seen_at: "2026-11-28T00:00:00.000Z" })] }), alive);
    expect(out).toMatchObject({ moves: [], deferred: [change], opened: [], closed: [] });
  });

  it("replaces the open pending change when the best candidate changes", () => {
    const out = applyPolicy([{ ...change, to: "gpt-6.1" }], state("soak", { open: [open()] }), alive);
    expect(out.closed).toEqual([{ id: "p1", status: "withdrawn" }]);
    expect(out.opened.map((p) => p.to)).toEqual(["gpt-6.1"]);
  });

  it("never promotes an approve slot by itself, however long it waited", () => {
    const out = applyPolicy([change], state("approve", { open: [open({ policy: "approve", first_seen_at: "2020-01-01T00:00:00.000Z" })] }), alive);
    expect(out.moves).toEqual([]);
  });

  it("replaces a dead default at once whatever the policy, closing its pending change", () => {
    const out = applyPolicy([change], state("approve", { open: [open({ policy: "approve" })] }), { ...alive, dead: () => true });
    expect(out.moves).toEqual([change]);
    expect(out.closed).toEqual([{ id: "p1", status: "promoted" }]);
  });

  it("does not propose a rejected model again, and withdraws a pending change whose slot no longer moves", () => {
    expect(applyPolicy([change], state("approve", { rejected: [{ provider: "openai", model_type: "flagship", to: "gpt-6" }] }), alive).opened).toEqual([]);
    expect(applyPolicy([], state("soak", { open: [open()] }), alive).closed).toEqual([{ id: "p1", status: "withdrawn" }]);
    expect(applyPolicy([], state("soak", { open: [open()] }), { ...alive, providers: ["google"] }).closed).toEqual([]);
  });
});

describe("isDeadDefault", () => {
  it.each([
    [undefined, true],
    [{ is_active: false, shutdown_date: null }, true],
    [{ is_active: true, shutdown_date: "2026-11-30" }, true],
    [{ is_active: true, shutdown_date: "2026-12-20" }, false],
    [{ is_active: true, shutdown_date: null }, false],
  ])("%o is dead: %s", (current, dead) => {
    expect(isDeadDefault(current, now)).toBe(dead);
  });
});

import { describe, expect, it } from "vitest";
import { registryRow } from "@/tests/support/discovery-fixtures";
import { judgeVanished } from "./vanish-guard";

const CONFIRMED = "2026-11-01T00:00:00.000Z";
const rows = (n: number, confirmed: boolean) =>
  Array.from({ length: n }, (_, i) => registryRow("openai", `m-${confirmed ? "c" : "u"}${i}`, "legacy", { confirmed_at: confirmed ? CONFIRMED : null }));

describe("judgeVanished", () => {
  it("deactivates what is missing when at most half of the confirmed models are", () => {
    const all = rows(4, true);
    const v = judgeVanished("openai", all, all.slice(0, 2));
    expect(v).toMatchObject({ suspect: null, warning: null });
    expect(v.deactivate.map((r) => r.model_name)).toEqual(["m-c0", "m-c1"]);
  });

  it("holds every missing model when more than half of the confirmed ones are missing", () => {
    const all = [...rows(4, true), ...rows(3, false)];
    const missing = [...all.slice(0, 3), all[5]];
    const v = judgeVanished("openai", all, missing);
    expect(v.deactivate).toEqual([]);
    expect(v.suspect).toEqual({ provider: "openai", confirmed: 4, missing: missing.map((r) => ({ id: r.id, model_name: r.model_name })) });
    expect(v.warning?.message).toMatch(/^3 of 4 active models are missing from the listing; kept them active \(suspect listing\)/);
  });

  it("does not count seeded models no listing ever confirmed", () => {
    const all = [...rows(2, true), ...rows(8, false)];
    const v = judgeVanished("openai", all, all.slice(2));
    expect(v.suspect).toBeNull();
    expect(v.deactivate).toHaveLength(8);
  });

  it("keeps holding a listing an admin has not accepted while any of its missing models is still missing", () => {
    const all = rows(10, true);
    const v = judgeVanished("openai", all, all.slice(0, 1), [all[0].id, all[1].id]);
    expect(v.deactivate).toEqual([]);
    expect(v.suspect?.missing.map((m) => m.model_name)).toEqual(["m-c0"]);
    expect(judgeVanished("openai", all, all.slice(2, 3), [all[0].id]).suspect).toBeNull();
  });
});

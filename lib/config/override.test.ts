import { describe, expect, it } from "vitest";
import type { ServiceKeyIdentity } from "@/lib/auth/principal";
import type { ModelRow } from "@/lib/db/model-row";
import { registryRow } from "@/tests/support/discovery-fixtures";
import { configFromRow } from "./answer";
import { applyOverride } from "./override";

const NOW = new Date("2026-12-01T12:00:00Z");
const rows: ModelRow[] = [
  registryRow("openai", "gpt-5", "flagship", { is_default: true }),
  registryRow("openai", "gpt-5.5", "flagship", { aliases: ["gpt-5.5-latest"] }),
  registryRow("openai", "gpt-4o", "legacy", { shutdown_date: "2026-06-01" }),
  registryRow("openai", "gpt-4.1", "legacy", { is_active: false }),
];
const snapshot = { models: rows, routes: [] };
const normal = configFromRow(rows[0], "cache");
const key = (overrides: Record<string, string>): ServiceKeyIdentity => ({ id: "k1", name: "billing", overrides });
const slot = { kind: "slot", provider: "openai", tier: "flagship" } as const;
const ctx = { snapshot, source: "cache" as const, now: NOW };

describe("a service key's override of a slot", () => {
  it("leaves the answer alone without a key or without an override of that slot", () => {
    expect(applyOverride(undefined, slot, normal, ctx)).toBe(normal);
    expect(applyOverride(key({ "openai:fast": "openai/gpt-5.5" }), slot, normal, ctx)).toBe(normal);
  });

  it("answers the fixed model, found by name or alias, with override: true", () => {
    expect(applyOverride(key({ "openai:flagship": "openai/gpt-5.5" }), slot, normal, ctx)).toMatchObject({ model_name: "gpt-5.5", source: "cache", override: true });
    expect(applyOverride(key({ "openai:flagship": "openai/gpt-5.5-latest" }), slot, normal, ctx)).toMatchObject({ model_name: "gpt-5.5", override: true });
  });

  it.each([
    ["openai/gpt-9", "not in the registry"],
    ["openai/gpt-4o", "shut down on 2026-06-01"],
    ["openai/gpt-4.1", "no longer active"],
    ["anthropic/gpt-5.5", "not in the registry"],
  ])("falls back to the normal answer with a warning for %s", (target, why) => {
    const a = applyOverride(key({ "openai:flagship": target }), slot, normal, ctx);
    expect(a).toMatchObject({ model_name: "gpt-5", override_warning: expect.stringContaining(why) });
    expect(a.override).toBeUndefined();
  });

  it("judges by the built-in catalog when the registry was never read", () => {
    const cold = { snapshot: undefined, source: "fallback" as const, now: NOW };
    expect(applyOverride(key({ "openai:flagship": "openai/gpt-5-mini" }), slot, normal, cold)).toMatchObject({ model_name: "gpt-5-mini", source: "fallback", override: true });
    expect(applyOverride(key({ "openai:flagship": "openai/gpt-9" }), slot, normal, cold).override_warning).toContain("not a known model");
  });

  it("follows a route target through the caller's resolver, and warns without one", () => {
    const k = key({ "openai:flagship": "route:cheap" });
    const route = (name: string) => (name === "cheap" ? configFromRow(rows[1], "cache") : { warning: "no such route" });
    expect(applyOverride(k, slot, normal, { ...ctx, route })).toMatchObject({ model_name: "gpt-5.5", override: true });
    expect(applyOverride(k, slot, normal, ctx)).toMatchObject({ model_name: "gpt-5", override_warning: expect.stringContaining("route:cheap") });
  });
});

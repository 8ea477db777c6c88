import { describe, expect, it } from "vitest";
import { registryRow } from "@/tests/support/discovery-fixtures";
import type { ModelRow } from "@/lib/db/model-row";
import { chooseDefaults } from "./choose-defaults";
import { toRankedEntry } from "./ranked-entry";

const now = new Date("2026-12-01T00:00:00Z");
const entries = (rows: ModelRow[]) => rows.map((r) => toRankedEntry(r));

describe("chooseDefaults", () => {
  it("moves an unpinned slot to the best-ranked eligible model, with the run's reason", () => {
    const rows = [registryRow("openai", "gpt-5", "flagship", { is_default: true }), registryRow("openai", "gpt-6", "flagship")];
    expect(chooseDefaults(entries(rows), {}, now, { tiers: ["flagship"] }).changes).toEqual([
      { provider: "openai", model_type: "flagship", from: "gpt-5", to: "gpt-6", reason: "run: gpt-6 ranks higher" },
    ]);
  });

  it("keeps a pinned, active default however much better another model ranks", () => {
    const rows = [registryRow("openai", "gpt-5", "flagship", { is_default: true, is_pinned: true }), registryRow("openai", "gpt-6", "flagship")];
    const choice = chooseDefaults(entries(rows), {}, now, { tiers: ["flagship"] });
    expect(choice.changes).toEqual([]);
    expect(choice.kept.map((e) => e.model_name)).toEqual(["gpt-5"]);
  });

  it("keeps the current default when nothing qualifies, and empties nothing", () => {
    const rows = [registryRow("openai", "gpt-5", "flagship", { is_default: true, shutdown_date: "2026-12-10" })];
    expect(chooseDefaults(entries(rows), {}, now, { tiers: ["flagship"] }).changes).toEqual([]);
  });

  it("takes a preview only where the provider's settings allow it, and an admin's reason when given", () => {
    const rows = [registryRow("google", "gemini-2.5-pro", "flagship", { is_default: true }), registryRow("google", "gemini-3-pro-preview", "flagship", { is_preview: true })];
    expect(chooseDefaults(entries(rows), {}, now, { tiers: ["flagship"] }).changes).toEqual([]);
    const allowed = chooseDefaults(entries(rows), { google: { allow_preview_defaults: true } }, now, { tiers: ["flagship"], reason: "admin: preview defaults allowed" });
    expect(allowed.changes).toEqual([
      { provider: "google", model_type: "flagship", from: "gemini-2.5-pro", to: "gemini-3-pro-preview", reason: "admin: preview defaults allowed" },
    ]);
  });

  it("fills an empty slot, and says so", () => {
    expect(chooseDefaults(entries([registryRow("mistral", "mistral-small-latest", "fast")]), {}, now, { tiers: ["fast"] }).changes).toEqual([
      { provider: "mistral", model_type: "fast", from: null, to: "mistral-small-latest", reason: "run: slot had no default" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { listed } from "@/tests/support/discovery-fixtures";
import { groupListing } from "./group";
import { normalizeMistral } from "./normalize";
import { mistralModelSchema } from "./providers/wire";

const mistral = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  mistralModelSchema.parse({ id, name, object: "model", created: 1, owned_by: "mistralai", capabilities: { completion_chat: true }, aliases: [], deprecation: null, deprecation_replacement_model: null, ...extra });

describe("groupListing", () => {
  it("folds snapshots that share their alias's lifecycle", () => {
    const groups = groupListing("openai", [listed("openai", "gpt-5"), listed("openai", "gpt-5-2025-08-07")]);
    expect(groups.map((g) => [g.id, g.ids, g.split])).toEqual([["gpt-5", ["gpt-5", "gpt-5-2025-08-07"], false]]);
  });

  it("gives a dated snapshot with its own shutdown date its own group, and leaves its date off the alias", () => {
    const groups = groupListing("openai", [
      listed("openai", "gpt-4o"),
      listed("openai", "gpt-4o-2024-05-13", { shutdown_date: "2026-10-23" }),
      listed("openai", "gpt-4o-2024-08-06"),
    ]);
    expect(groups.map((g) => [g.id, g.ids, g.model.shutdown_date, g.split])).toEqual([
      ["gpt-4o", ["gpt-4o", "gpt-4o-2024-08-06"], null, false],
      ["gpt-4o-2024-05-13", ["gpt-4o-2024-05-13"], "2026-10-23", true],
    ]);
  });

  it("splits Mistral's retiring snapshots from the -latest alias that moved on, with their successor", () => {
    const models = normalizeMistral([
      mistral("mistral-medium-2505", "mistral-medium-2505", { deprecation: "2026-08-31T12:00:00Z", deprecation_replacement_model: "mistral-medium-latest", aliases: ["mistral-medium-latest"] }),
      mistral("mistral-medium-2508", "mistral-medium-2508", { deprecation: "2026-08-31T12:00:00Z", deprecation_replacement_model: "mistral-medium-latest" }),
      mistral("mistral-medium-2604", "mistral-medium-2604", { aliases: ["mistral-medium-latest"] }),
      mistral("mistral-medium-latest", "mistral-medium-2604", { aliases: ["mistral-medium-2604"] }),
    ]);
    const groups = groupListing("mistral", models);
    const byId = Object.fromEntries(groups.map((g) => [g.id, g]));
    expect(byId["mistral-medium-latest"]).toMatchObject({ ids: ["mistral-medium-latest", "mistral-medium-2604"], split: false, model: { shutdown_date: null, successor: null } });
    for (const snap of ["mistral-medium-2505", "mistral-medium-2508"]) {
      // A stale alias naming -latest stays with -latest.
      expect(byId[snap]).toMatchObject({ ids: [snap], split: true, model: { shutdown_date: "2026-08-31", successor: "mistral-medium-latest" } });
    }
  });
});

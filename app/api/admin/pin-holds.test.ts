import { describe, expect, it } from "vitest";
import { listDefaultChanges } from "@/lib/db/audit-repo";
import { insertModel, listDefaults, listModels } from "@/lib/db/models-repo";
import { callWithParams } from "@/tests/support/admin-call";
import { setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { POST as classify } from "./models/[id]/classify/route";
import { POST as pin } from "./models/[id]/pin/route";
import { PATCH as patchSettings } from "./settings/route";

setupConfigEnv();

// An admin action re-picks defaults; a recompute that ignored pins would pass every other test.
describe.each(DRIVERS)("a pinned default across admin recomputes on %s", (driver) => {
  const t = useRouteDb(driver);
  const byName = async (name: string) => (await listModels(t.db)).find((m) => m.model_name === name)!;
  const defaultOf = async (provider: string, tier: string) =>
    (await listDefaults(t.db)).find((d) => d.provider === provider && d.model_type === tier)?.model_name;

  it("holds through a preview-setting change and a classification, with no audit row moving it", async () => {
    const nano = await byName("gpt-5-nano");
    expect(await defaultOf("openai", "fast")).toBe("gpt-5-mini"); // nano is not the best-ranked
    expect((await callWithParams(pin, `/api/admin/models/${nano.id}/pin`, { method: "POST", body: {} }, { id: nano.id })).status).toBe(200);
    const afterPin = await listDefaultChanges(t.db, { provider: "openai", model_type: "fast" });

    const preview = await callWithParams(patchSettings, "/api/admin/settings", { method: "PATCH", body: { provider: "openai", allow_preview_defaults: true } });
    expect(preview.status).toBe(200);
    expect(await defaultOf("openai", "fast")).toBe("gpt-5-nano");

    // A new, better fast model classified by the admin would win the slot if the pin were ignored.
    const better = await insertModel(t.db, { provider: "openai", model_name: "gpt-9-mini", model_type: "flagship", needs_review: true });
    const classified = await callWithParams(classify, `/api/admin/models/${better.id}/classify`, { method: "POST", body: { model_type: "fast", family: "gpt-mini" } }, { id: better.id });
    expect(classified.status).toBe(200);
    expect(await defaultOf("openai", "fast")).toBe("gpt-5-nano");
    expect((await byName("gpt-5-nano")).is_pinned).toBe(true);
    expect(await listDefaultChanges(t.db, { provider: "openai", model_type: "fast" })).toEqual(afterPin);
  });
});

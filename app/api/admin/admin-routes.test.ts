import { describe, expect, it } from "vitest";
import { listDefaultChanges } from "@/lib/db/audit-repo";
import { insertModel, listDefaults, listModels, type ModelRow } from "@/lib/db/models-repo";
import { callWithParams } from "@/tests/support/admin-call";
import { READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { POST as classify } from "./models/[id]/classify/route";
import { GET as getModel, DELETE as deleteModel } from "./models/[id]/route";
import { POST as pin, GET as getPin } from "./models/[id]/pin/route";
import { POST as unpin } from "./models/[id]/unpin/route";
import { GET as getSettings, PATCH as patchSettings, POST as postSettings } from "./settings/route";

setupConfigEnv();

const call = callWithParams;
type Handler = Parameters<typeof callWithParams>[0];

describe.each(DRIVERS)("admin model routes on %s", (driver) => {
  const t = useRouteDb(driver);
  const byName = async (name: string) => (await listModels(t.db)).find((m) => m.model_name === name)!;
  const defaultOf = async (provider: string, tier: string) =>
    (await listDefaults(t.db)).find((d) => d.provider === provider && d.model_type === tier)?.model_name;
  const post = (h: Handler, m: ModelRow, action: string, body?: unknown, token?: string) =>
    call(h, `/api/admin/models/${m.id}/${action}`, { method: "POST", body, ...(token ? { token } : {}) }, { id: m.id });

  it("refuses a config read key (403) and no token (401) on every admin route", async () => {
    const m = await byName("gpt-5");
    expect((await post(pin, m, "pin", undefined, READ_KEY)).status).toBe(403);
    expect((await post(unpin, m, "unpin", undefined, READ_KEY)).status).toBe(403);
    expect((await post(classify, m, "classify", { model_type: "fast" }, READ_KEY)).status).toBe(403);
    expect((await call(getModel, `/api/admin/models/${m.id}`, { token: READ_KEY }, { id: m.id })).status).toBe(403);
    expect((await call(getSettings, "/api/admin/settings", { token: READ_KEY })).status).toBe(403);
    expect((await call(patchSettings, "/api/admin/settings", { method: "PATCH", token: READ_KEY, body: { provider: "openai", allow_preview_defaults: true } })).status).toBe(403);
    expect((await call(getSettings, "/api/admin/settings", { token: null })).status).toBe(401);
  });

  it("answers one model with its slot's default history, 404 for an unknown id, 405 for other methods", async () => {
    const m = await byName("gpt-5");
    const { status, json } = await call(getModel, `/api/admin/models/${m.id}`, {}, { id: m.id });
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: true, model: { id: m.id, model_name: "gpt-5" }, default_history: [] });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(getModel, `/api/admin/models/${unknown}`, {}, { id: unknown })).status).toBe(404);
    expect((await call(deleteModel, `/api/admin/models/${m.id}`, { method: "DELETE" })).status).toBe(405);
    expect((await call(getPin, `/api/admin/models/${m.id}/pin`)).status).toBe(405);
  });

  it("pins a model as its slot's default with an audit row naming the admin, and unpinning re-picks the slot", async () => {
    const nano = await byName("gpt-5-nano");
    const pinned = await post(pin, nano, "pin");
    expect(pinned.status).toBe(200);
    expect(pinned.json.model).toMatchObject({ model_name: "gpt-5-nano", is_default: true, is_pinned: true });
    expect(await defaultOf("openai", "fast")).toBe("gpt-5-nano");
    const [audit] = await listDefaultChanges(t.db, { provider: "openai", model_type: "fast" });
    expect(audit).toMatchObject({ from_model: "gpt-5-mini", to_model: "gpt-5-nano", changed_by: "admin-token", reason: "admin: pinned" });

    const released = await post(unpin, nano, "unpin");
    expect(released.status).toBe(200);
    expect(released.json.model).toMatchObject({ is_pinned: false, is_default: false });
    expect(released.json.default).toMatchObject({ model_name: "gpt-5-mini", is_default: true });
    expect(await defaultOf("openai", "fast")).toBe("gpt-5-mini");
    expect((await post(unpin, nano, "unpin")).status).toBe(409);
  });

  it("records the lifted pin even when the slot keeps its model", async () => {
    const mini = await byName("gpt-5-mini");
    expect((await post(pin, mini, "pin")).json.model).toMatchObject({ is_pinned: true });
    const released = await post(unpin, mini, "unpin");
    expect(released.json.default).toMatchObject({ model_name: "gpt-5-mini", is_pinned: false });
    const [audit] = await listDefaultChanges(t.db, { provider: "openai", model_type: "fast" });
    expect(audit).toMatchObject({ from_model: "gpt-5-mini", to_model: "gpt-5-mini", reason: "admin: unpinned (still the best-ranked)" });
  });

  it("refuses to pin an inactive model (409), a model under review (409) and a legacy one (400)", async () => {
    const inactive = await insertModel(t.db, { provider: "openai", model_name: "gpt-5-old", model_type: "flagship", is_active: false });
    const review = await insertModel(t.db, { provider: "openai", model_name: "zeta-omni", model_type: "flagship", needs_review: true });
    expect((await post(pin, inactive, "pin")).status).toBe(409);
    expect((await post(pin, review, "pin")).status).toBe(409);
    expect((await post(pin, await byName("gpt-4.1"), "pin")).status).toBe(400);
  });

  it("classifies a model under review, clearing review and re-picking the provider's defaults", async () => {
    const m = await insertModel(t.db, { provider: "mistral", model_name: "mistral-huge-latest", model_type: "flagship", needs_review: true });
    const bad = await post(classify, m, "classify", { model_type: "huge" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("model_type");
    const { status, json } = await post(classify, m, "classify", { model_type: "fast", family: "mistral-huge" });
    expect(status).toBe(200);
    expect(json.model).toMatchObject({ model_type: "fast", family: "mistral-huge", needs_review: false });
    expect(json.model.metadata.classified_by).toBe("admin");
    // Reclassifying the only flagship as legacy empties the slot (callers fall back to the catalog) until it returns.
    const large = await byName("mistral-large-latest");
    const demoted = await post(classify, large, "classify", { model_type: "legacy" });
    expect(demoted.json.model).toMatchObject({ model_type: "legacy", is_default: false });
    expect(await defaultOf("mistral", "flagship")).toBeUndefined();
    await post(classify, large, "classify", { model_type: "flagship" });
    expect(await defaultOf("mistral", "flagship")).toBe("mistral-large-latest");
  });

  it("reads and changes the preview setting, which re-picks that provider's defaults", async () => {
    const { json } = await call(getSettings, "/api/admin/settings");
    expect(json).toEqual({ success: true, providers: expect.objectContaining({ google: expect.objectContaining({ allow_preview_defaults: false }) }) });
    const on = await call(patchSettings, "/api/admin/settings", { method: "PATCH", body: { provider: "google", allow_preview_defaults: true } });
    expect(on.status).toBe(200);
    expect(on.json.providers.google).toMatchObject({ allow_preview_defaults: true, updated_by: "admin-token" });
    expect(await defaultOf("google", "flagship")).toBe("gemini-3-pro-preview");
    await call(patchSettings, "/api/admin/settings", { method: "PATCH", body: { provider: "google", allow_preview_defaults: false } });
    expect(await defaultOf("google", "flagship")).toBe("gemini-2.5-pro");
    const bad = await call(patchSettings, "/api/admin/settings", { method: "PATCH", body: { provider: "acme", allow_preview_defaults: true } });
    expect(bad.status).toBe(400);
    expect((await call(postSettings, "/api/admin/settings", { method: "POST", body: {} })).status).toBe(405);
  });
});

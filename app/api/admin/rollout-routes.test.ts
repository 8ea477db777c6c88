import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listDefaultChanges } from "@/lib/db/audit-repo";
import { listDefaults, listModels } from "@/lib/db/models-repo";
import { deactivateModels } from "@/lib/db/models-repo";
import { callWithParams as call } from "@/tests/support/admin-call";
import { READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { GET as getCronDaily } from "../cron/daily/route";
import { POST as pin } from "./models/[id]/pin/route";
import { GET as getModel } from "./models/[id]/route";
import { POST as approve } from "./pending/[id]/approve/route";
import { POST as reject } from "./pending/[id]/reject/route";
import { GET as getPending } from "./pending/route";
import { POST as restore } from "./slots/[provider]/[type]/restore/route";
import { PUT as putSlot, GET as getSlotMethod } from "./slots/[provider]/[type]/route";
import { GET as getSlots } from "./slots/route";
import { GET as getDeliveries } from "./deliveries/route";
import { POST as sendTest } from "./deliveries/test/route";
import { PATCH as patchSettings } from "./settings/route";

setupConfigEnv();
const CRON_SECRET = "test-cron-secret-0123456789";
let receiver: WebhookReceiver;
const saved = { urls: process.env.ALERT_WEBHOOK_URLS, cron: process.env.CRON_SECRET };
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  process.env.CRON_SECRET = CRON_SECRET;
});
afterAll(async () => {
  await receiver?.close();
  process.env.ALERT_WEBHOOK_URLS = saved.urls ?? "";
  if (saved.cron === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = saved.cron;
});
beforeEach(() => {
  receiver.received.length = 0;
  process.env.ALERT_WEBHOOK_URLS = `${receiver.url}?sig=query-secret-xyz`;
});

const slotPath = (p: string, ty: string, tail = "") => `/api/admin/slots/${p}/${ty}${tail}`;

describe.each(DRIVERS)("rollout admin routes on %s", (driver) => {
  const t = useRouteDb(driver);
  const byName = async (name: string) => (await listModels(t.db)).find((m) => m.model_name === name)!;
  const defaultOf = async (provider: string, tier: string) => (await listDefaults(t.db)).find((d) => d.provider === provider && d.model_type === tier)?.model_name;
  const put = (p: string, ty: string, body: unknown, token?: string) =>
    call(putSlot, slotPath(p, ty), { method: "PUT", body, ...(token ? { token } : {}) }, { provider: p, type: ty });

  it("lists every slot with its policy, sets one, and names the bad field with 400", async () => {
    const listed = await call(getSlots, "/api/admin/slots");
    expect(listed.status).toBe(200);
    expect(listed.json.slots).toHaveLength(8);
    expect(listed.json.slots[0]).toMatchObject({ provider: "openai", model_type: "flagship", policy: "auto", soak_days: 7, default: { model_name: "gpt-5" }, pending: null });
    const set = await put("google", "fast", { policy: "soak", soak_days: 3 });
    expect(set.status).toBe(200);
    expect(set.json.slot).toMatchObject({ provider: "google", model_type: "fast", policy: "soak", soak_days: 3, updated_by: "admin-token" });
    const bad = await put("google", "fast", { policy: "sometimes" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("policy");
    const badDays = await put("google", "fast", { policy: "soak", soak_days: 0 });
    expect(badDays.json.error.message).toContain("soak_days");
    const badSlot = await put("google", "legacy", { policy: "auto" });
    expect(badSlot.status).toBe(400);
    expect(badSlot.json.error.message).toContain("type");
    expect((await put("google", "fast", { policy: "auto" }, READ_KEY)).status).toBe(403);
    expect((await call(getSlotMethod, slotPath("google", "fast"))).status).toBe(405);
    await put("google", "fast", { policy: "auto" });
  });

  it("an approve slot's change waits as pending with both models; approve moves it, reject keeps the default", async () => {
    await put("google", "flagship", { policy: "approve" });
    await call(patchSettings, "/api/admin/settings", { method: "PATCH", body: { provider: "google", allow_preview_defaults: true } });
    expect(await defaultOf("google", "flagship")).toBe("gemini-2.5-pro");
    const { json } = await call(getPending, "/api/admin/pending");
    expect(json.pending).toEqual([
      expect.objectContaining({ provider: "google", model_type: "flagship", from: "gemini-2.5-pro", to: "gemini-3-pro-preview", promote_after: null, first_seen_at: expect.any(String),
        from_model: expect.objectContaining({ model_name: "gemini-2.5-pro", pricing: expect.any(Object) }), to_model: expect.objectContaining({ model_name: "gemini-3-pro-preview" }) }),
    ]);
    await receiver.waitForBody((b) => b.type === "default.pending" && b.data?.to === "gemini-3-pro-preview");
    const id = json.pending[0].id;
    const ok = await call(approve, `/api/admin/pending/${id}/approve`, { method: "POST" }, { id });
    expect(ok.status).toBe(200);
    expect(await defaultOf("google", "flagship")).toBe("gemini-3-pro-preview");
    expect((await call(approve, `/api/admin/pending/${id}/approve`, { method: "POST" }, { id })).status).toBe(409);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(reject, `/api/admin/pending/${unknown}/reject`, { method: "POST" }, { id: unknown })).status).toBe(404);

    // Forbidding previews again proposes going back; rejecting it keeps the preview.
    await call(patchSettings, "/api/admin/settings", { method: "PATCH", body: { provider: "google", allow_preview_defaults: false } });
    const back = (await call(getPending, "/api/admin/pending")).json.pending[0];
    expect(back).toMatchObject({ from: "gemini-3-pro-preview", to: "gemini-2.5-pro" });
    expect((await call(reject, `/api/admin/pending/${back.id}/reject`, { method: "POST" }, { id: back.id })).status).toBe(200);
    expect(await defaultOf("google", "flagship")).toBe("gemini-3-pro-preview");
    expect((await call(getPending, "/api/admin/pending")).json.pending).toEqual([]);
  });

  it("restores an earlier default from the slot's history: pinned, reason rollback, audited and told to the webhooks", async () => {
    const nano = await byName("gpt-5-nano");
    await call(pin, `/api/admin/models/${nano.id}/pin`, { method: "POST" }, { id: nano.id });
    const history = (await call(getModel, `/api/admin/models/${nano.id}`, {}, { id: nano.id })).json.default_history;
    const entry = history.find((h: { to_model: string }) => h.to_model === "gpt-5-nano");
    expect(entry.from_model).toBe("gpt-5-mini");

    const res = await call(restore, slotPath("openai", "fast", "/restore"), { method: "POST", body: { change_id: entry.id } }, { provider: "openai", type: "fast" });
    expect(res.status).toBe(200);
    expect(res.json.model).toMatchObject({ model_name: "gpt-5-mini", is_default: true, is_pinned: true });
    expect(await defaultOf("openai", "fast")).toBe("gpt-5-mini");
    const [audit] = await listDefaultChanges(t.db, { provider: "openai", model_type: "fast" });
    expect(audit).toMatchObject({ from_model: "gpt-5-nano", to_model: "gpt-5-mini", reason: "rollback", changed_by: "admin-token" });
    const hook = await receiver.waitForBody((b) => b.data?.reason === "rollback");
    expect(JSON.parse(hook.body)).toMatchObject({ type: "default.changed", data: { provider: "openai", model_type: "fast", from: "gpt-5-nano", to: "gpt-5-mini", reason: "rollback" } });

    const wrongSlot = await call(restore, slotPath("openai", "flagship", "/restore"), { method: "POST", body: { change_id: entry.id } }, { provider: "openai", type: "flagship" });
    expect(wrongSlot.status).toBe(404);
    const bad = await call(restore, slotPath("openai", "fast", "/restore"), { method: "POST", body: { change_id: "nope" } }, { provider: "openai", type: "fast" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("change_id");
    // The restored entry's model retired meanwhile: 409.
    const back = (await listDefaultChanges(t.db, { provider: "openai", model_type: "fast" }))[0];
    await deactivateModels(t.db, [nano.id]);
    const gone = await call(restore, slotPath("openai", "fast", "/restore"), { method: "POST", body: { change_id: back.id } }, { provider: "openai", type: "fast" });
    expect(back.from_model).toBe("gpt-5-nano");
    expect(gone.status).toBe(409);
  });

  it("lists deliveries without URL query strings and sends a test event on demand", async () => {
    const sent = await call(sendTest, "/api/admin/deliveries/test", { method: "POST" });
    expect(sent.status).toBe(200);
    expect(sent.json.deliveries).toEqual([expect.objectContaining({ event_type: "alert.raised", status: "delivered", url: receiver.url })]);
    await receiver.waitForBody((b) => b.type === "alert.raised" && b.data?.test === true);
    const listed = await call(getDeliveries, "/api/admin/deliveries");
    expect(listed.json.configured).toBe(1);
    expect(JSON.stringify(listed.json)).not.toContain("query-secret-xyz");
    process.env.ALERT_WEBHOOK_URLS = "";
    expect((await call(sendTest, "/api/admin/deliveries/test", { method: "POST" })).status).toBe(409);
    process.env.ALERT_WEBHOOK_URLS = "ftp://example.test/x";
    const badEnv = await call(getDeliveries, "/api/admin/deliveries");
    expect(badEnv.status).toBe(200);
    expect(badEnv.json).toMatchObject({ configured: 0, config_error: expect.stringMatching(/^ALERT_WEBHOOK_URLS is malformed/) });
    expect(JSON.stringify(badEnv.json)).not.toContain("example.test");
  });

  it("runs the daily check for the cron secret only", async () => {
    expect((await call(getCronDaily, "/api/cron/daily", { token: READ_KEY })).status).toBe(403);
    expect((await call(getCronDaily, "/api/cron/daily", { token: null })).status).toBe(401);
    const { status, json } = await call(getCronDaily, "/api/cron/daily", { token: CRON_SECRET });
    expect(status).toBe(200);
    expect(json).toMatchObject({ success: true, promoted: [], retiring: expect.any(Array), delivered: expect.any(Number) });
  });
});

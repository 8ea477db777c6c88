import { describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { callWithParams } from "@/tests/support/admin-call";
import { callRoute, closedDb, setupConfigEnv } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { GET as allModels } from "../ai-model-config/all/route";
import { POST as trigger } from "../ai-model-updater/route";
import { POST as pin } from "./models/[id]/pin/route";
import { GET as getModel } from "./models/[id]/route";
import { GET as getSettings, PATCH as patchSettings } from "./settings/route";

setupConfigEnv();

const ID = "00000000-0000-4000-8000-000000000001";

// An admin route meets a dead database the way a read route does: 503, never a 500.
describe.each(DRIVERS)("admin routes while the database is down on %s", (driver) => {
  it.each([
    ["GET /api/admin/settings", () => callWithParams(getSettings, "/api/admin/settings")],
    ["PATCH /api/admin/settings", () => callWithParams(patchSettings, "/api/admin/settings", { method: "PATCH", body: { provider: "openai", allow_preview_defaults: true } })],
    ["POST /api/admin/models/<id>/pin", () => callWithParams(pin, `/api/admin/models/${ID}/pin`, { method: "POST", body: {} }, { id: ID })],
    ["GET /api/admin/models/<id>", () => callWithParams(getModel, `/api/admin/models/${ID}`, {}, { id: ID })],
    ["POST /api/ai-model-updater", () => callWithParams(trigger, "/api/ai-model-updater", { method: "POST", body: {} })],
  ])("%s answers what the read routes answer: 503 service_unavailable naming the database", async (_route, call) => {
    setDb(await closedDb(driver));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const read = await callRoute(allModels, "/api/ai-model-config/all");
      const { status, json } = await call();
      expect(status).toBe(503);
      expect(json.error).toEqual(read.json.error);
      expect(json.error).toMatchObject({ code: "service_unavailable", message: expect.stringMatching(/database/i) });
    } finally {
      logged.mockRestore();
      setDb(undefined);
    }
  });
});

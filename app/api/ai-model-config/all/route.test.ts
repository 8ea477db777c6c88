import { describe, expect, it, vi } from "vitest";
import { allModelsResponseSchema } from "@/lib/config/schemas";
import { setDb } from "@/lib/db/client";
import { listModels } from "@/lib/db/models-repo";
import { ADMIN_TOKEN, callRoute, closedDb, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { GET, POST } from "./route";

setupConfigEnv();

describe.each(DRIVERS)("GET /api/ai-model-config/all on %s", (driver) => {
  const t = useRouteDb(driver, async (db) => {
      await db.query("update public.ai_model_configs set is_active = false where model_name = 'gpt-4.1'");
  });

  it("answers every row with every column of ai_model_configs, and the count", async () => {
    const { status, json } = await callRoute(GET, "/api/ai-model-config/all");
    expect(status).toBe(200);
    const body = allModelsResponseSchema.parse(json);
    expect(body.count).toBe((await listModels(t.db)).length);
    expect(body.models.length).toBe(body.count);
    const columns = await t.db.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_schema = 'public' and table_name = 'ai_model_configs'",
    );
    expect(Object.keys(json.models[0]).sort()).toEqual(columns.map((c) => c.column_name).sort());
  });

  it("filters by provider, type and active", async () => {
    const { json } = await callRoute(GET, "/api/ai-model-config/all?provider=openai&type=legacy&active=false");
    expect(json.models.map((m: { model_name: string }) => m.model_name)).toEqual(["gpt-4.1"]);
    const active = await callRoute(GET, "/api/ai-model-config/all?provider=openai&active=true");
    expect(active.json.count).toBeGreaterThan(0);
    expect(active.json.models.every((m: { is_active: boolean; provider: string }) => m.is_active && m.provider === "openai")).toBe(true);
  });

  it("answers 503 when the database is down (a listing has no fallback)", async () => {
    setDb(await closedDb(driver));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { status, json } = await callRoute(GET, "/api/ai-model-config/all", { token: ADMIN_TOKEN });
      expect(status).toBe(503);
      expect(json.error.code).toBe("service_unavailable");
    } finally {
      logged.mockRestore();
    }
  });
});

describe("bad requests to /api/ai-model-config/all", () => {
  it.each([
    ["active=yes", "active"],
    ["type=huge", "type"],
    ["provider=acme", "provider"],
  ])("rejects %s with 400 naming %s", async (query, field) => {
    const { status, json } = await callRoute(GET, `/api/ai-model-config/all?${query}`);
    expect(status).toBe(400);
    expect(json.error.message).toContain(`"${field}"`);
  });
  it("refuses POST with 405 and a wrong token with 401", async () => {
    expect((await callRoute(POST, "/api/ai-model-config/all", { method: "POST" })).status).toBe(405);
    expect((await callRoute(GET, "/api/ai-model-config/all", { token: "wrong-token-xyz" })).status).toBe(401);
  });
});

import { describe, expect, it, vi } from "vitest";
import { validateResponseSchema } from "@/lib/config/schemas";
import { setDb } from "@/lib/db/client";
import { callRoute, useRouteDb, closedDb, setupConfigEnv } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { GET, POST } from "./route";

setupConfigEnv();
const PATH = "/api/ai-model-config/validate";

describe.each(DRIVERS)("POST /api/ai-model-config/validate on %s", (driver) => {
  useRouteDb(driver, async (db) => {
      await db.query("update public.ai_model_configs set is_active = false where model_name = 'gpt-4.1'");
  });

  it("says an active model is valid and describes it", async () => {
    const { status, json } = await callRoute(POST, PATH, { body: { provider: "openai", model_name: "gpt-5-mini" } });
    expect(status).toBe(200);
    const body = validateResponseSchema.parse(json);
    expect(body).toMatchObject({ valid: true, model: { model_name: "gpt-5-mini", model_type: "fast", is_active: true, is_default: true } });
    expect(body.reason).toBeUndefined();
  });

  it("resolves a dated alias to its model", async () => {
    const { json } = await callRoute(POST, PATH, { body: { provider: "openai", model_name: "gpt-5-2025-08-07" } });
    expect(json).toMatchObject({ valid: true, model: { model_name: "gpt-5" } });
  });

  it("says an inactive model is not valid, and why", async () => {
    const { json } = await callRoute(POST, PATH, { body: { provider: "openai", model_name: "gpt-4.1" } });
    expect(json).toMatchObject({ valid: false, model: { model_name: "gpt-4.1", is_active: false } });
    expect(json.reason).toMatch(/no longer active/);
  });

  it("says an unknown model, or a model of another provider, is not valid", async () => {
    const unknown = await callRoute(POST, PATH, { body: { provider: "openai", model_name: "gpt-99" } });
    expect(unknown.json).toMatchObject({ valid: false });
    expect(unknown.json.reason).toMatch(/Unknown openai model/);
    const elsewhere = await callRoute(POST, PATH, { body: { provider: "anthropic", model_name: "gpt-5" } });
    expect(elsewhere.json.valid).toBe(false);
  });

  it("judges by the built-in catalog when the database is down", async () => {
    setDb(await closedDb(driver));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { status, json } = await callRoute(POST, PATH, { body: { provider: "openai", model_name: "gpt-5" } });
      expect(status).toBe(200);
      expect(json).toMatchObject({ valid: true, source: "fallback", model: { model_name: "gpt-5" } });
    } finally {
      logged.mockRestore();
    }
  });
});

describe("bad requests to /api/ai-model-config/validate", () => {
  it.each([
    ["no model_name", { provider: "openai" }, "model_name"],
    ["an empty model_name", { provider: "openai", model_name: "  " }, "model_name"],
    ["an unknown provider", { provider: "acme", model_name: "x" }, "provider"],
  ])("rejects %s with 400 naming the field", async (_name, body, field) => {
    const { status, json } = await callRoute(POST, PATH, { body });
    expect(status).toBe(400);
    expect(json.error.message).toContain(`"${field}"`);
  });
  it("rejects malformed JSON with 400, an oversized body with 413, GET with 405, no token with 401", async () => {
    expect((await callRoute(POST, PATH, { rawBody: "not json" })).status).toBe(400);
    expect((await callRoute(POST, PATH, { body: { provider: "openai", model_name: "x".repeat(70_000) } })).status).toBe(413);
    expect((await callRoute(GET, PATH)).status).toBe(405);
    expect((await callRoute(POST, PATH, { token: null, body: { provider: "openai", model_name: "gpt-5" } })).status).toBe(401);
  });
});

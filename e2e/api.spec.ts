import { expect, test } from "@playwright/test";
import { api } from "./utils";

// Through the real Next server: paths and methods without a handler still answer CONTRACT's JSON error shape.
test.describe("the API answers JSON everywhere", () => {
  for (const path of ["/api/nope", "/api/ai-model-config/nope", "/api/ai-model-updater/runs", "/api/admin/models"]) {
    test(`an unknown path ${path} is a JSON 404`, async ({ request }) => {
      const res = await api(request).get(path);
      expect(res.status()).toBe(404);
      expect(res.headers()["content-type"]).toContain("application/json");
      expect(await res.json()).toMatchObject({ success: false, error: { code: "not_found" } });
    });
  }

  test("a wrong method on a real route is a JSON 405 naming the allowed ones", async ({ request }) => {
    const res = await api(request).delete("/api/ai-model-config?provider=openai");
    expect(res.status()).toBe(405);
    expect(res.headers()["allow"]).toContain("GET");
    expect(await res.json()).toMatchObject({ success: false, error: { code: "method_not_allowed" } });
  });

  test("a known route still answers the config, not the catch-all", async ({ request }) => {
    const body = await api(request, "reader").json<{ model_name: string; source: string }>(
      "/api/ai-model-config?provider=anthropic&type=fast",
    );
    expect(body.model_name).toBeTruthy();
    expect(["database", "cache", "fallback"]).toContain(body.source);
  });

  test("the OpenAPI document is public and lists the config routes", async ({ request }) => {
    const res = await api(request, "none").get("/api/ai-model-config/openapi.json");
    expect(res.status()).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/ai-model-config", "/api/ai-model-config/history"]));
  });
});

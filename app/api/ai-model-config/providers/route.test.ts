import { describe, expect, it, vi } from "vitest";
import { getFallbackDefault } from "@/lib/catalog";
import { providersResponseSchema } from "@/lib/config/schemas";
import { setDb } from "@/lib/db/client";
import { listDefaults } from "@/lib/db/models-repo";
import { PROVIDERS } from "@/lib/domain";
import { callRoute, useRouteDb, closedDb, setupConfigEnv } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { GET, POST } from "./route";

setupConfigEnv();
const PATH = "/api/ai-model-config/providers";

describe.each(DRIVERS)("GET /api/ai-model-config/providers on %s", (driver) => {
  const t = useRouteDb(driver);

  it("answers the flagship and fast default of all four providers, as the registry holds them", async () => {
    const { status, json } = await callRoute(GET, PATH);
    expect(status).toBe(200);
    const body = providersResponseSchema.parse(json);
    const defaults = await listDefaults(t.db);
    for (const p of PROVIDERS) {
      for (const tier of ["flagship", "fast"] as const) {
        const want = defaults.find((d) => d.provider === p && d.model_type === tier)!;
        expect(body.providers[p][tier]).toMatchObject({ model_name: want.model_name, source: "database" });
      }
    }
  });

  it("answers 304 when the caller holds the current ETag", async () => {
    const first = await callRoute(GET, PATH);
    const again = await callRoute(GET, PATH, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("answers every slot from the built-in defaults when the database is down", async () => {
    setDb(await closedDb(driver));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { status, json } = await callRoute(GET, PATH);
      expect(status).toBe(200);
      expect(json.providers.mistral.fast).toMatchObject({ model_name: getFallbackDefault("mistral", "fast").model_name, source: "fallback" });
      expect(json.providers.openai.flagship.source).toBe("fallback");
    } finally {
      logged.mockRestore();
    }
  });
});

describe("requests refused by /api/ai-model-config/providers", () => {
  it("refuses POST with 405 and an Allow header", async () => {
    const { status, headers } = await callRoute(POST, PATH, { method: "POST" });
    expect(status).toBe(405);
    expect(headers.get("allow")).toBe("GET");
  });
  it("refuses a missing token with 401", async () => {
    expect((await callRoute(GET, PATH, { token: null })).status).toBe(401);
  });
});

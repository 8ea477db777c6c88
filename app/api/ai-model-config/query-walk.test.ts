import { describe, expect, it } from "vitest";
import { callRoute, READ_KEY, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { GET as all } from "./all/route";
import { GET as config } from "./route";

setupConfigEnv();

// What a new user types from the README.
describe("the config API's query, as the README writes it", () => {
  const t = useRouteDb("pglite");

  it("takes empty filters of /all as no filter", async () => {
    const empty = await callRoute(all, "/api/ai-model-config/all?provider=&type=&active=");
    expect(empty.status).toBe(200);
    const none = await callRoute(all, "/api/ai-model-config/all");
    expect(empty.json.count).toBe(none.json.count);
    expect(none.json.count).toBeGreaterThan(0);
    void t;
  });

  it("says a missing or empty provider is required", async () => {
    for (const path of ["/api/ai-model-config", "/api/ai-model-config?provider="]) {
      const res = await callRoute(config, path);
      expect(res.status).toBe(400);
      expect(res.json.error.message).toBe('Invalid query field "provider": required');
    }
  });

  it("says an Authorization header without Bearer uses the wrong scheme, not that it is missing", async () => {
    const res = await callRoute(config, "/api/ai-model-config?provider=openai", { token: null, headers: { authorization: READ_KEY } });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toMatch(/Bearer/);
    expect(res.json.error.message).not.toMatch(/^Missing/);
    const basic = await callRoute(config, "/api/ai-model-config?provider=openai", { token: null, headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(basic.json.error.message).toMatch(/Bearer scheme/);
  });
});

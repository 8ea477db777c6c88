import { describe, expect, it } from "vitest";
import { invalidateConfigCache } from "@/lib/config/cache";
import { deprecationHeaders } from "@/lib/config/deprecation";
import { callRoute, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { GET, POST } from "./route";

setupConfigEnv();

describe.each(DRIVERS)("Sunset and Deprecation headers on config answers, on %s", (driver) => {
  const t = useRouteDb(driver, async (db) => {
    await db.query("update public.ai_model_configs set shutdown_date = '2027-03-15' where provider = 'anthropic' and model_name = 'claude-haiku-4-5'");
  });

  it("carries both on an answer whose model has a shutdown date, for GET, POST and a 304", async () => {
    const { status, headers, json } = await callRoute(GET, "/api/ai-model-config?provider=anthropic&type=fast");
    expect(status).toBe(200);
    expect(json).toMatchObject({ model_name: "claude-haiku-4-5", shutdown_date: "2027-03-15" });
    expect(headers.get("sunset")).toBe("Mon, 15 Mar 2027 00:00:00 GMT");
    expect(headers.get("deprecation")).toBe(`@${Date.UTC(2027, 2, 15) / 1000}`);
    const post = await callRoute(POST, "/api/ai-model-config", { body: { provider: "anthropic", type: "fast" } });
    expect(post.headers.get("sunset")).toBe("Mon, 15 Mar 2027 00:00:00 GMT");
    const again = await callRoute(GET, "/api/ai-model-config?provider=anthropic&type=fast", { headers: { "if-none-match": headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("sunset")).toBe("Mon, 15 Mar 2027 00:00:00 GMT");
  });

  it("carries neither on an answer without a shutdown date", async () => {
    const { json, headers } = await callRoute(GET, "/api/ai-model-config?provider=anthropic&type=flagship");
    expect(json.shutdown_date).toBeNull();
    expect(headers.get("sunset")).toBeNull();
    expect(headers.get("deprecation")).toBeNull();
  });

  it("drops them once the shutdown date is cleared", async () => {
    await t.db.query("update public.ai_model_configs set shutdown_date = null where model_name = 'claude-haiku-4-5'");
    invalidateConfigCache();
    const { headers } = await callRoute(GET, "/api/ai-model-config?provider=anthropic&type=fast");
    expect(headers.get("sunset")).toBeNull();
  });
});

describe("deprecationHeaders", () => {
  it("dates Deprecation from the announcement when known, else the shutdown", () => {
    expect(deprecationHeaders("2027-01-01", "2026-06-01T00:00:00Z")).toEqual({ Sunset: "Fri, 01 Jan 2027 00:00:00 GMT", Deprecation: `@${Date.UTC(2026, 5, 1) / 1000}` });
    expect(deprecationHeaders(null)).toEqual({});
    expect(deprecationHeaders("garbage")).toEqual({});
  });
});

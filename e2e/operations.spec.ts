import { expect, test } from "@playwright/test";
import { parsePromText, sampleValue } from "../tests/support/prom-text";
import { api, CONFIG_API_KEY } from "./utils";

// Through the real Next server: every route bundle counts into the one registry that /api/metrics reads.
test.describe("operations endpoints", () => {
  test("health answers liveness to anyone and readiness while the database answers", async ({ request }) => {
    const live = await api(request, "none").get("/api/health");
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    const ready = await api(request, "none").get("/api/health?ready=1");
    expect(ready.status()).toBe(200);
    const detailed = await api(request, "reader").json<{ database: { reachable: boolean } }>("/api/health");
    expect(detailed.database.reachable).toBe(true);
  });

  test("a config answer echoes the request id and shows up in the metrics", async ({ request }) => {
    const before = await scrapeCount(request);
    const res = await request.get("/api/ai-model-config?provider=openai&type=fast", {
      headers: { ...authHeader(), "X-Request-Id": "e2e-ops-1" },
    });
    expect(res.status()).toBe(200);
    expect(res.headers()["x-request-id"]).toBe("e2e-ops-1");
    expect(await scrapeCount(request)).toBe(before + 1);
  });

  test("metrics need a key", async ({ request }) => {
    expect((await api(request, "none").get("/api/metrics")).status()).toBe(401);
  });
});

function authHeader(): Record<string, string> {
  return { Authorization: `Bearer ${CONFIG_API_KEY}` };
}

/** Config answers of the model route with status 200 counted so far, over every source. */
async function scrapeCount(request: Parameters<typeof api>[0]): Promise<number> {
  const res = await api(request, "reader").get("/api/metrics");
  expect(res.status()).toBe(200);
  const samples = parsePromText(await res.text());
  return ["database", "cache", "fallback"]
    .map((source) => sampleValue(samples, "amm_config_requests_total", { route: "/api/ai-model-config", source, status: "200" }) ?? 0)
    .reduce((a, b) => a + b, 0);
}

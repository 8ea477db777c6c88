import { beforeEach, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { listModels } from "@/lib/db/models-repo";
import { resetMetrics } from "@/lib/metrics/registry";
import { GET as CONFIG } from "@/app/api/ai-model-config/route";
import { GET as ALL } from "@/app/api/ai-model-config/all/route";
import { ADMIN_TOKEN, apiRequest, callRoute, closedDb, setupConfigEnv, useRouteDb } from "@/tests/support/config-fixtures";
import { DRIVERS } from "@/tests/support/databases";
import { recordPartialRun } from "@/tests/support/ops-fixtures";
import { parsePromText, sampleValue } from "@/tests/support/prom-text";
import { GET } from "./route";

setupConfigEnv();

async function scrape(token?: string | null) {
  const res = await GET(apiRequest("/api/metrics", { token }), { params: Promise.resolve({}) });
  const text = await res.text();
  return { res, text, samples: res.status === 200 ? parsePromText(text) : [] };
}

describe.each(DRIVERS)("GET /api/metrics on %s", (driver) => {
  const t = useRouteDb(driver);
  beforeEach(() => resetMetrics());

  it("answers 401 without a key and with a wrong one", async () => {
    expect((await scrape(null)).res.status).toBe(401);
    expect((await scrape("not-a-key")).res.status).toBe(401);
  });

  it("answers Prometheus text to a read key and to the admin token", async () => {
    for (const token of [undefined, ADMIN_TOKEN]) {
      const { res, text } = await scrape(token);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(text).toContain("# TYPE amm_config_requests_total counter");
      expect(text).toContain("# TYPE amm_webhook_deliveries_total counter");
      expect(text).toContain("# TYPE process_cpu_seconds_total counter");
    }
  });

  it("counts config answers by route, source and status, with their latency", async () => {
    const config = "/api/ai-model-config?provider=openai&type=flagship";
    await callRoute(CONFIG, config); // read from the database
    await callRoute(CONFIG, config); // from the snapshot
    await callRoute(CONFIG, config);
    await callRoute(CONFIG, "/api/ai-model-config?provider=acme");
    await callRoute(CONFIG, config, { token: null });
    await callRoute(ALL, "/api/ai-model-config/all");
    const { samples } = await scrape();
    const count = (labels: Record<string, string>) => sampleValue(samples, "amm_config_requests_total", labels);
    expect(count({ route: "/api/ai-model-config", source: "database", status: "200" })).toBe(1);
    expect(count({ route: "/api/ai-model-config", source: "cache", status: "200" })).toBe(2);
    expect(count({ route: "/api/ai-model-config", source: "none", status: "400" })).toBe(1);
    expect(count({ route: "/api/ai-model-config", source: "none", status: "401" })).toBe(1);
    expect(count({ route: "/api/ai-model-config/all", source: "none", status: "200" })).toBe(1);
    expect(sampleValue(samples, "amm_config_request_duration_seconds_count", { route: "/api/ai-model-config" })).toBe(5);
    const everyOne = sampleValue(samples, "amm_config_request_duration_seconds_bucket", { route: "/api/ai-model-config", le: "+Inf" });
    expect(everyOne).toBe(5);
  });

  it("counts a fallback answer while the database is down, and reports it down", async () => {
    setDb(await closedDb(driver));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await callRoute(CONFIG, "/api/ai-model-config?provider=openai")).json.source).toBe("fallback");
      const { samples } = await scrape();
      expect(sampleValue(samples, "amm_config_requests_total", { source: "fallback", status: "200" })).toBe(1);
      expect(sampleValue(samples, "amm_database_up")).toBe(0);
    } finally {
      logged.mockRestore();
    }
  });

  it("reports the registry's models and the newest run from the database", async () => {
    await recordPartialRun(t.db, 120);
    const models = await listModels(t.db);
    const { samples } = await scrape();
    const active = models.filter((m) => m.provider === "openai" && m.is_active).length;
    const unpriced = models.filter((m) => m.provider === "openai" && m.is_active && m.pricing.input_per_mtok === null).length;
    expect(sampleValue(samples, "amm_models", { provider: "openai", state: "active" })).toBe(active);
    expect(sampleValue(samples, "amm_models", { provider: "openai", state: "unpriced" })).toBe(unpriced);
    expect(sampleValue(samples, "amm_models", { provider: "openai", state: "needs_review" })).toBe(models.filter((m) => m.provider === "openai" && m.needs_review).length);
    expect(sampleValue(samples, "amm_database_up")).toBe(1);
    expect(sampleValue(samples, "amm_discovery_last_run_status", { status: "partial" })).toBe(1);
    expect(sampleValue(samples, "amm_discovery_last_run_status", { status: "success" })).toBe(0);
    expect(sampleValue(samples, "amm_discovery_last_run_duration_seconds")).toBe(4.2);
    expect(sampleValue(samples, "amm_discovery_last_run_providers_reached")).toBe(3);
    const age = Date.now() / 1000 - sampleValue(samples, "amm_discovery_last_run_timestamp_seconds")!;
    expect(age).toBeGreaterThan(110);
    expect(age).toBeLessThan(200);
    expect(sampleValue(samples, "amm_config_snapshot_age_seconds")).toBeLessThan(5);
  });
});

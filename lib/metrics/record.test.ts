import { beforeEach, describe, expect, it } from "vitest";
import { parsePromText, sampleValue } from "@/tests/support/prom-text";
import { configRouteLabel, observeConfigAnswer, recordDiscoveryRun, recordWebhookDelivery } from "./record";
import { metrics, resetMetrics } from "./registry";

const samples = async () => parsePromText(await metrics().registry.metrics());

beforeEach(() => resetMetrics());

describe("configRouteLabel", () => {
  it.each([
    ["/api/ai-model-config", "/api/ai-model-config"],
    ["/api/ai-model-config/providers", "/api/ai-model-config/providers"],
    ["/api/ai-model-config/routes/cheap-chat", "/api/ai-model-config/routes"],
    ["/api/ai-model-config/made-up-1234", "/api/ai-model-config/other"],
    ["/api/ai-model-configx", undefined],
    ["/api/health", undefined],
    ["/api/admin/models/42", undefined],
  ])("labels %s as %s", (path, label) => {
    expect(configRouteLabel(path)).toBe(label);
  });
});

describe("recordDiscoveryRun", () => {
  it("counts the run by status, its duration and each provider's outcome", async () => {
    recordDiscoveryRun({
      status: "partial",
      execution_time_ms: 42_000,
      providers_checked: ["openai", "anthropic", "google"],
      providers_skipped: ["mistral"],
      errors: [{ provider: "google", message: "HTTP 500" }],
    });
    recordDiscoveryRun({ status: "success", execution_time_ms: 70_000, providers_checked: ["openai"], providers_skipped: [], errors: [] });
    const s = await samples();
    expect(sampleValue(s, "amm_discovery_runs_total", { status: "partial" })).toBe(1);
    expect(sampleValue(s, "amm_discovery_runs_total", { status: "success" })).toBe(1);
    expect(sampleValue(s, "amm_discovery_run_duration_seconds_sum", { status: "partial" })).toBe(42);
    expect(sampleValue(s, "amm_discovery_run_duration_seconds_bucket", { status: "success", le: "60" })).toBe(0);
    expect(sampleValue(s, "amm_discovery_run_duration_seconds_bucket", { status: "success", le: "90" })).toBe(1);
    expect(sampleValue(s, "amm_discovery_providers_total", { provider: "openai", outcome: "reached" })).toBe(2);
    expect(sampleValue(s, "amm_discovery_providers_total", { provider: "google", outcome: "failed" })).toBe(1);
    expect(sampleValue(s, "amm_discovery_providers_total", { provider: "mistral", outcome: "skipped" })).toBe(1);
  });
});

describe("recordWebhookDelivery", () => {
  it("counts deliveries by event and outcome", async () => {
    recordWebhookDelivery("default.changed", "delivered");
    recordWebhookDelivery("default.changed", "failed");
    recordWebhookDelivery("default.changed", "delivered");
    const s = await samples();
    expect(sampleValue(s, "amm_webhook_deliveries_total", { event: "default.changed", outcome: "delivered" })).toBe(2);
    expect(sampleValue(s, "amm_webhook_deliveries_total", { event: "default.changed", outcome: "failed" })).toBe(1);
  });
});

describe("observeConfigAnswer", () => {
  it("a scrape sees every answer counted, in a batch still pending or past a flush", async () => {
    for (let i = 0; i < 300; i++) observeConfigAnswer("/api/ai-model-config", "cache", 200, 0.002); // one flush at 256, 44 pending
    observeConfigAnswer("/api/ai-model-config", undefined, 304, 0.2);
    const s = await samples();
    expect(sampleValue(s, "amm_config_requests_total", { route: "/api/ai-model-config", source: "cache", status: "200" })).toBe(300);
    expect(sampleValue(s, "amm_config_requests_total", { route: "/api/ai-model-config", source: "none", status: "304" })).toBe(1);
    expect(sampleValue(s, "amm_config_request_duration_seconds_bucket", { route: "/api/ai-model-config", le: "0.0025" })).toBe(300);
    expect(sampleValue(s, "amm_config_request_duration_seconds_count", { route: "/api/ai-model-config" })).toBe(301);
  });

  it("answers counted before a reset are not counted after it", async () => {
    observeConfigAnswer("/api/ai-model-config/providers", "cache", 200, 0.001);
    resetMetrics();
    observeConfigAnswer("/api/ai-model-config/providers", "cache", 200, 0.001);
    const s = await samples();
    expect(sampleValue(s, "amm_config_requests_total", { route: "/api/ai-model-config/providers", source: "cache", status: "200" })).toBe(1);
  });
});

import type { RunSummary } from "@/lib/discovery/summary";
import { metrics } from "./registry";

const CONFIG_PREFIX = "/api/ai-model-config";
// The config routes by their first segment; anything else under the prefix (a 404) is "other", so a
// caller cannot grow the label set with made-up paths.
const CONFIG_ROUTES = new Set(["", "providers", "all", "history", "validate", "openapi.json", "select", "routes"]);

/** The route label of a config API path, or undefined for a path outside the config API. */
export function configRouteLabel(pathname: string): string | undefined {
  if (pathname === CONFIG_PREFIX) return CONFIG_PREFIX;
  if (!pathname.startsWith(`${CONFIG_PREFIX}/`)) return undefined;
  const first = pathname.slice(CONFIG_PREFIX.length + 1).split("/")[0] ?? "";
  if (!CONFIG_ROUTES.has(first)) return `${CONFIG_PREFIX}/other`;
  return first ? `${CONFIG_PREFIX}/${first}` : CONFIG_PREFIX;
}

type Metrics = ReturnType<typeof metrics>;
interface ConfigSeries {
  count: ReturnType<Metrics["configRequests"]["labels"]>;
  duration: ReturnType<Metrics["configDuration"]["labels"]>;
}
// The labelled series of each (route, source, status) seen, by label in turn (no key string to build per
// answer): prom-client hashes the labels of every unbound call.
const configSeries = new WeakMap<Metrics, Map<string, Map<string, Map<number, ConfigSeries>>>>();

function seriesOf(m: Metrics, route: string, source: string, status: number): ConfigSeries {
  let byRoute = configSeries.get(m);
  if (!byRoute) configSeries.set(m, (byRoute = new Map()));
  let bySource = byRoute.get(route);
  if (!bySource) byRoute.set(route, (bySource = new Map()));
  let byStatus = bySource.get(source);
  if (!byStatus) bySource.set(source, (byStatus = new Map()));
  let s = byStatus.get(status);
  if (!s) {
    s = { count: m.configRequests.labels({ route, source, status: String(status) }), duration: m.configDuration.labels({ route }) };
    byStatus.set(status, s);
  }
  return s;
}

/** Counts one config answer and its latency (in memory only: no I/O on the hot path; batched, lib/metrics/answer-batch.ts). */
export function observeConfigAnswer(route: string, source: string | undefined, status: number, seconds: number): void {
  const m = metrics();
  m.configBatch.add(seriesOf(m, route, source ?? "none", status), seconds);
}

/** Counts a finished discovery run: its status, duration and what became of each provider. */
export function recordDiscoveryRun(summary: Pick<RunSummary, "status" | "execution_time_ms" | "providers_checked" | "providers_skipped" | "errors">): void {
  const m = metrics();
  m.discoveryRuns.inc({ status: summary.status });
  m.discoveryDuration.observe({ status: summary.status }, summary.execution_time_ms / 1000);
  const failed = new Set(summary.errors.map((e) => e.provider));
  for (const p of summary.providers_checked) m.discoveryProviders.inc({ provider: p, outcome: failed.has(p) ? "failed" : "reached" });
  for (const p of summary.providers_skipped) m.discoveryProviders.inc({ provider: p, outcome: "skipped" });
}

export type WebhookOutcome = "delivered" | "failed" | "gave_up";

/** Counts one webhook delivery attempt (for lib/notify: call it once per attempt, with the event type). */
export function recordWebhookDelivery(event: string, outcome: WebhookOutcome): void {
  metrics().webhookDeliveries.inc({ event, outcome });
}

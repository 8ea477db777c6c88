import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { AnswerBatch } from "./answer-batch";

/** Every series the app exports (docs/monitoring.md names them and their alerts). */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  // Config answers not yet handed to their series (lib/metrics/record.ts); read before either series is.
  const configBatch = new AnswerBatch();
  const collect = () => configBatch.flush();
  return {
    registry,
    configBatch,
    configRequests: new Counter({
      name: "amm_config_requests_total",
      help: "Config API answers by route, source (database, cache, fallback, none) and HTTP status",
      labelNames: ["route", "source", "status"] as const,
      registers,
      collect,
    }),
    configDuration: new Histogram({
      name: "amm_config_request_duration_seconds",
      help: "Time to answer a config API request, auth included",
      labelNames: ["route"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
      collect,
    }),
    discoveryRuns: new Counter({
      name: "amm_discovery_runs_total",
      help: "Discovery runs finished by this process, by status",
      labelNames: ["status"] as const,
      registers,
    }),
    discoveryDuration: new Histogram({
      name: "amm_discovery_run_duration_seconds",
      help: "Duration of the discovery runs finished by this process",
      labelNames: ["status"] as const,
      buckets: [1, 5, 10, 20, 30, 45, 60, 90, 120, 300],
      registers,
    }),
    discoveryProviders: new Counter({
      name: "amm_discovery_providers_total",
      help: "Providers per finished run of this process, by outcome (reached, failed, skipped)",
      labelNames: ["provider", "outcome"] as const,
      registers,
    }),
    // Webhook deliveries (lib/notify): the notifier calls recordWebhookDelivery once per attempt.
    webhookDeliveries: new Counter({
      name: "amm_webhook_deliveries_total",
      help: "Webhook delivery attempts by event type and outcome (delivered, failed, gave_up)",
      labelNames: ["event", "outcome"] as const,
      registers,
    }),
    // Set at scrape time from the config snapshot and the database (lib/metrics/scrape.ts).
    models: new Gauge({
      name: "amm_models",
      help: "Registry models by provider and state (active, unpriced = active without a price, needs_review)",
      labelNames: ["provider", "state"] as const,
      registers,
    }),
    snapshotAge: new Gauge({ name: "amm_config_snapshot_age_seconds", help: "Age of the config snapshot in memory", registers }),
    databaseUp: new Gauge({ name: "amm_database_up", help: "1 when the database answered a probe at scrape time", registers }),
    databaseLatency: new Gauge({ name: "amm_database_probe_seconds", help: "Latency of the scrape-time database probe", registers }),
    lastRunTimestamp: new Gauge({ name: "amm_discovery_last_run_timestamp_seconds", help: "Start of the newest discovery run (any instance)", registers }),
    lastRunDuration: new Gauge({ name: "amm_discovery_last_run_duration_seconds", help: "Duration of the newest finished discovery run", registers }),
    lastRunStatus: new Gauge({
      name: "amm_discovery_last_run_status",
      help: "1 for the status of the newest discovery run, 0 for the others",
      labelNames: ["status"] as const,
      registers,
    }),
    lastRunProvidersReached: new Gauge({
      name: "amm_discovery_last_run_providers_reached",
      help: "Providers the newest discovery run listed successfully",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// On globalThis so every route bundle counts into one registry (as the config snapshot is shared).
const holder = globalThis as unknown as { __ammMetrics?: Metrics };

/** The process-wide metrics. */
export function metrics(): Metrics {
  holder.__ammMetrics ??= createMetrics();
  return holder.__ammMetrics;
}

/** Starts every series from zero (tests). */
export function resetMetrics(): void {
  holder.__ammMetrics?.configBatch.flush(); // answers counted before the reset are dropped with the rest
  holder.__ammMetrics?.registry.resetMetrics();
}

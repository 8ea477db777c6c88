import { readSnapshot } from "@/lib/config/cache";
import type { ModelRow } from "@/lib/db/models-repo";
import { isPriced, PROVIDERS } from "@/lib/domain";
import { lastRunFacts, probeDatabase, snapshotFacts } from "@/lib/health";
import { metrics, type Metrics } from "./registry";

const RUN_STATUSES = ["running", "success", "partial", "failed"] as const;
const MODEL_STATES = ["active", "unpriced", "needs_review"] as const;

/** Per provider: active models, active ones without a price, and models waiting for an admin's review. */
export function countModels(models: readonly ModelRow[]): Record<string, Record<(typeof MODEL_STATES)[number], number>> {
  const counts = Object.fromEntries(PROVIDERS.map((p) => [p, { active: 0, unpriced: 0, needs_review: 0 }]));
  for (const m of models) {
    const c = counts[m.provider];
    if (!c) continue;
    if (m.is_active) c.active++;
    if (m.is_active && !isPriced(m.pricing)) c.unpriced++;
    if (m.needs_review) c.needs_review++;
  }
  return counts;
}

async function setModelGauges(m: Metrics): Promise<void> {
  const { snapshot } = await readSnapshot(); // the cached snapshot: usually no query at all
  m.models.reset();
  if (snapshot) {
    for (const [provider, states] of Object.entries(countModels(snapshot.models))) {
      for (const state of MODEL_STATES) m.models.set({ provider, state }, states[state]);
    }
  }
  const age = snapshotFacts().age_seconds;
  if (age === null) m.snapshotAge.reset();
  else m.snapshotAge.set(age);
}

async function setDatabaseGauges(m: Metrics): Promise<void> {
  const probe = await probeDatabase();
  m.databaseUp.set(probe.reachable ? 1 : 0);
  m.databaseLatency.set(probe.latency_ms / 1000);
  const run = probe.db ? await lastRunFacts(probe.db) : null;
  // The newest run is read from the database, so any instance reports runs that another one (the cron) made.
  for (const g of [m.lastRunTimestamp, m.lastRunDuration, m.lastRunProvidersReached, m.lastRunStatus]) g.reset();
  if (!run) return;
  m.lastRunTimestamp.set(Date.parse(run.run_date) / 1000);
  if (run.execution_time_ms !== null) m.lastRunDuration.set(run.execution_time_ms / 1000);
  m.lastRunProvidersReached.set(run.providers_reached.length);
  for (const status of RUN_STATUSES) m.lastRunStatus.set({ status }, status === run.status ? 1 : 0);
}

/** The Prometheus text of every series, the scrape-time gauges refreshed first. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  await Promise.all([setModelGauges(m), setDatabaseGauges(m)]);
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}

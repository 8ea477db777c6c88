// Benchmark part 2, discovery: (a) wall time of one run of all four providers with 200 ms simulated latency per
// page (fake provider server), (b) the apply time (plan + one transaction) for a synthetic 2,000-model listing
// on PGlite in memory, first as inserts, then as refreshes. Runnable alone: `tsx scripts/bench/discovery.ts`.
import os from "node:os";
import { openPglite } from "../../lib/db/drivers/pglite";
import { migrate } from "../../lib/db/migrate";
import { initialProgress } from "../../lib/db/run-log";
import { finishRun, startRun, type FinishRunParams } from "../../lib/db/runs-repo";
import { seedFromCatalog } from "../../lib/db/seed";
import type { Db } from "../../lib/db/types";
import { PROVIDERS, type Provider } from "../../lib/domain";
import { planAndWrite, runWriteTransaction } from "../../lib/discovery/write";
import { runDiscovery } from "../../lib/discovery/run";
import { listed } from "../../tests/support/discovery-fixtures";
import type { ProviderListing } from "../../lib/discovery/types";
import { fakeProviderEnv } from "../../tests/support/fake-providers/env";
import { startFakeProviders } from "../../tests/support/fake-providers/server";
import { runAlone } from "./run-alone";
import { median } from "./stats";

const GOAL_RUN_MS = 2000;
const GOAL_APPLY_MS = 300;
const LATENCY_MS = 200;
const SYNTHETIC = 2000;

async function freshDb(): Promise<Db> {
  const db = await openPglite("memory");
  await migrate(db);
  await seedFromCatalog(db);
  return db;
}

async function timeRun(): Promise<number> {
  const fake = await startFakeProviders({ latencyMs: LATENCY_MS });
  const db = await freshDb();
  const env = fakeProviderEnv(fake);
  try {
    const start = performance.now();
    const summary = await runDiscovery({ db, trigger: "cli", env });
    const ms = performance.now() - start;
    if (summary.status !== "success") throw new Error(`bench run ended ${summary.status}: ${JSON.stringify(summary.errors)}`);
    return ms;
  } finally {
    await db.close();
    await fake.close();
  }
}

/** `count` chat models spread over the providers, named so the rules recognise them. */
export function syntheticListings(count = SYNTHETIC): ProviderListing[] {
  const per = count / PROVIDERS.length;
  const name: Record<Provider, (i: number) => string> = {
    openai: (i) => `gpt-${1 + (i % 9)}.${i}-mini`,
    anthropic: (i) => `claude-sonnet-${i}-${i % 10}`,
    google: (i) => `gemini-${i}.${i % 10}-flash`,
    mistral: (i) => `mistral-model-${i}-latest`,
  };
  return PROVIDERS.map((p) => ({
    provider: p,
    pages: 1,
    models: Array.from({ length: per }, (_, i) =>
      listed(p, name[p](i), { display_name: `Model ${i}`, input_token_limit: 100_000 + i, capabilities: { vision: i % 2 === 0 } }),
    ),
  }));
}

export async function timeApply(db: Db, listings: ProviderListing[]): Promise<number> {
  const run = await startRun(db, { trigger: "cli", leaseMs: 60_000, progress: initialProgress() });
  const start = performance.now();
  const finish = (): FinishRunParams => ({
    status: "success", models_discovered: listings.reduce((n, l) => n + l.models.length, 0), models_added: 0, models_deprecated: 0, models_reactivated: 0,
    models_set_aside: 0, providers_checked: [...PROVIDERS], progress: initialProgress(), provider_results: {}, added_models: [],
    deprecated_models: [], default_changes: [], warnings: [], errors: [], execution_time_ms: 0,
  });
  // The run's own write transaction (its statement budget, DATABASE_RUN_WRITE_TIMEOUT_MS).
  await runWriteTransaction(db, async (tx) => {
    await planAndWrite(tx, { runId: run.id, listings, now: new Date(), changedBy: "bench" });
    await finishRun(tx, run.id, finish(), { onlyIfRunning: true }); // closed, so the next one may start
  });
  return performance.now() - start;
}

const verdict = (ms: number, goal: number) => (ms < goal ? "meets" : "MISSES");

const REPEATS = 3;

/** Runs part 2 and returns its report; prints it too. Apply times: best and median of 3 fresh databases. */
export async function runDiscoveryBench(): Promise<string> {
  const runMs = await timeRun();
  const inserts: number[] = [];
  const refreshes: number[] = [];
  const listings = syntheticListings();
  for (let i = 0; i < REPEATS; i++) {
    const db = await freshDb();
    try {
      inserts.push(await timeApply(db, listings));
      refreshes.push(await timeApply(db, listings));
    } finally {
      await db.close();
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  const rows = [
    ["measure", "time", "goal", ""],
    ["---", "---:", "---:", "---"],
    [`discovery run, 4 providers, ${LATENCY_MS} ms latency per page`, `${runMs.toFixed(0)} ms`, `< ${GOAL_RUN_MS} ms`, verdict(runMs, GOAL_RUN_MS)],
    [`apply ${SYNTHETIC.toLocaleString("en")} new models (plan + transaction, PGlite memory)`, `${best(inserts).toFixed(0)} ms (median ${median(inserts).toFixed(0)})`, `< ${GOAL_APPLY_MS} ms`, verdict(best(inserts), GOAL_APPLY_MS)],
    [`apply the same ${SYNTHETIC.toLocaleString("en")} models again (unchanged: validated only)`, `${best(refreshes).toFixed(0)} ms (median ${median(refreshes).toFixed(0)})`, `< ${GOAL_APPLY_MS} ms`, verdict(best(refreshes), GOAL_APPLY_MS)],
  ];
  const report = [
    rows.map((r) => `| ${r.join(" | ")} |`).join("\n"),
    "",
    `Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores (apply times: best of ${REPEATS} fresh databases).`,
  ].join("\n");
  console.log("\n" + report + "\n");
  return report;
}

runAlone(import.meta.url, runDiscoveryBench);

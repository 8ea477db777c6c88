import { peekSnapshot } from "@/lib/config/cache";
import { getDb } from "@/lib/db/client";
import { listRuns } from "@/lib/db/runs-repo";
import type { Db } from "@/lib/db/types";
import { providersReached } from "@/lib/monitoring";

/** How long a probe waits for the database before calling it unreachable (a load balancer must not hang). */
export const DB_PROBE_TIMEOUT_MS = 2_000;

export interface DatabaseProbe {
  reachable: boolean;
  latency_ms: number;
  driver?: Db["kind"];
}

export interface LastRunFacts {
  id: string;
  status: string;
  run_date: string;
  age_seconds: number;
  execution_time_ms: number | null;
  providers_reached: string[];
}

export interface HealthDetails {
  database: DatabaseProbe;
  last_run: LastRunFacts | null;
  snapshot: { loaded: boolean; age_seconds: number | null; models: number | null };
}

/** The promise, or undefined once ms have passed (the timer never outlives the race). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** One trivial query on the process database, timed; never throws. */
export async function probeDatabase(timeoutMs = DB_PROBE_TIMEOUT_MS): Promise<DatabaseProbe & { db?: Db }> {
  const started = performance.now();
  const attempt = (async () => {
    const db = await getDb();
    await db.query("select 1 as ok");
    return db;
  })();
  attempt.catch(() => {}); // a late failure after the timeout is expected, not unhandled
  const db = await within(attempt, timeoutMs).catch(() => undefined);
  const latency_ms = Math.round((performance.now() - started) * 10) / 10;
  return db ? { reachable: true, latency_ms, driver: db.kind, db } : { reachable: false, latency_ms };
}

/** The newest run (running ones too), or null when none ran or the read fails. */
export async function lastRunFacts(db: Db, now = Date.now()): Promise<LastRunFacts | null> {
  const [run] = await listRuns(db, { limit: 1 }).catch(() => []);
  if (!run) return null;
  return {
    id: run.id,
    status: run.status,
    run_date: run.run_date,
    age_seconds: Math.max(0, Math.round((now - Date.parse(run.run_date)) / 1000)),
    execution_time_ms: run.execution_time_ms,
    providers_reached: providersReached(run).sort(),
  };
}

/** The config snapshot in memory: how old, how many models (without reading the database). */
export function snapshotFacts(now = Date.now()): HealthDetails["snapshot"] {
  const snap = peekSnapshot();
  if (!snap) return { loaded: false, age_seconds: null, models: null };
  return { loaded: true, age_seconds: Math.max(0, Math.round((now - snap.loadedAt) / 1000)), models: snap.models.length };
}

/** Everything a read key may learn of the instance's health. */
export async function healthDetails(): Promise<HealthDetails> {
  const { db, ...database } = await probeDatabase();
  return { database, last_run: db ? await lastRunFacts(db) : null, snapshot: snapshotFacts() };
}

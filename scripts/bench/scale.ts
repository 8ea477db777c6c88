// Benchmark part 5, scale: a registry of 20,000 models on PGlite and on PostgreSQL. Plan + apply of a
// 20,000-model listing (first load, then the unchanged re-run), the snapshot load, and a config answer and a
// validate from that snapshot. Runnable alone: `tsx scripts/bench/scale.ts`.
import { readSnapshot, resetConfigCache } from "../../lib/config/cache";
import { loadSnapshot } from "../../lib/config/snapshot";
import { getModelConfig, validateModel } from "../../lib/config/service";
import { setDb } from "../../lib/db/client";
import { openPglite } from "../../lib/db/drivers/pglite";
import { openPostgres } from "../../lib/db/drivers/postgres";
import { migrate } from "../../lib/db/migrate";
import { seedFromCatalog } from "../../lib/db/seed";
import type { Db } from "../../lib/db/types";
import { startPostgres } from "../../tests/support/postgres-server";
import { syntheticListings, timeApply } from "./discovery";
import { runAlone } from "./run-alone";
import { median } from "./stats";

const MODELS = 20_000;
const GOAL_APPLY_MS = 1_500;
const ANSWERS = 20_000;

async function timeAnswers(db: Db): Promise<{ loadMs: number; answerUs: number; validateUs: number; firstMs: number }> {
  const t0 = performance.now();
  const loaded = await loadSnapshot(db);
  const loadMs = performance.now() - t0;
  if (loaded.models.length < MODELS) throw new Error(`snapshot holds ${loaded.models.length} models`);
  setDb(db);
  resetConfigCache({ checkMs: 60_000 });
  const t1 = performance.now();
  await readSnapshot(); // a cold instance's first answer: one load
  const firstMs = performance.now() - t1;
  const time = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    for (let i = 0; i < ANSWERS; i++) await fn();
    return ((performance.now() - start) * 1000) / ANSWERS;
  };
  const answerUs = await time(() => getModelConfig("openai", "fast"));
  const validateUs = await time(() => validateModel("mistral", "mistral-model-4999-latest"));
  setDb(undefined);
  return { loadMs, answerUs, validateUs, firstMs };
}

// Apply times are the median of this many fresh databases: a single 20,000-row apply moves by a few hundred ms, and
// the first of them (a cold JIT) by more.
const REPEATS = 5;

/** Plan + apply on a fresh database: the first load, then the unchanged re-run. */
async function timeBoth(open: () => Promise<Db>, keep: boolean): Promise<{ first: number; again: number; db?: Db }> {
  const db = await open();
  await migrate(db);
  await seedFromCatalog(db);
  const listings = syntheticListings(MODELS);
  const first = await timeApply(db, listings);
  const again = await timeApply(db, listings);
  if (keep) return { first, again, db };
  await db.close();
  return { first, again };
}

async function measure(name: string, open: () => Promise<Db>): Promise<string[]> {
  const firsts: number[] = [];
  const agains: number[] = [];
  let last: Db | undefined;
  for (let i = 0; i < REPEATS; i++) {
    const r = await timeBoth(open, i === REPEATS - 1);
    firsts.push(r.first);
    agains.push(r.again);
    last = r.db;
  }
  const a = await timeAnswers(last!).finally(() => last!.close());
  const [first, again] = [median(firsts), median(agains)];
  const spread = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  console.log(`${name}: apply ${spread(firsts)}, again ${spread(agains)}, snapshot ${a.loadMs.toFixed(0)} ms`);
  const mark = (ms: number) => `< ${GOAL_APPLY_MS.toLocaleString("en")} ms (${ms < GOAL_APPLY_MS ? "meets" : "MISSES"})`;
  return [
    `| ${name}: plan + apply ${MODELS.toLocaleString("en")} new models | ${spread(firsts)} | ${mark(first)} |`,
    `| ${name}: the same listing again (unchanged) | ${spread(agains)} | ${mark(again)} |`,
    `| ${name}: snapshot load (version + ${MODELS.toLocaleString("en")} rows, indexed) | ${a.loadMs.toFixed(0)} ms | |`,
    `| ${name}: a cold instance's first config answer | ${a.firstMs.toFixed(0)} ms | |`,
    `| ${name}: a config answer from the snapshot (in process) | ${a.answerUs.toFixed(1)} µs | |`,
    `| ${name}: a validate by name from the snapshot (in process) | ${a.validateUs.toFixed(1)} µs | |`,
  ];
}

/** Runs part 5 and returns its report. */
export async function runScaleBench(): Promise<string> {
  const rows = [`| measure (apply: median of ${REPEATS} fresh databases, range) | time | goal |`, "|---|---:|---:|"];
  rows.push(...(await measure("PGlite", () => openPglite("memory"))));
  const pg = await startPostgres();
  try {
    // Each fresh database a new database on the one server.
    let n = 0;
    rows.push(...(await measure("PostgreSQL", async () => {
      const admin = openPostgres(pg.url);
      const name = `amm_scale_${++n}`;
      await admin.exec(`create database ${name}`).finally(() => admin.close());
      const url = new URL(pg.url);
      url.pathname = `/${name}`;
      return openPostgres(url.toString());
    })));
  } finally {
    await pg.stop();
  }
  const report = rows.join("\n");
  console.log("\n" + report + "\n");
  return report;
}

runAlone(import.meta.url, runScaleBench);

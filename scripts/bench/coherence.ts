// Benchmark part 4: two app instances (npm start's server) on one PostgreSQL. How long until a pin made on A
// is answered by B, and how many statements the database runs per second per instance while nothing changes.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../../lib/db/client";
import { openPostgres } from "../../lib/db/drivers/postgres";
import { startPostgres } from "../../tests/support/postgres-server";
import { benchEnv } from "./config-api";
import { startApp, type AppProcess } from "./servers";
import { median } from "./stats";

const ROUNDS = 5;
const IDLE_S = 5;

async function json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  return (await (await fetch(url, init)).json()) as Record<string, unknown>;
}

/** Statements the server committed in the database so far (each of our reads is one implicit transaction). */
async function commits(adminUrl: string, name: string): Promise<number> {
  const db = openPostgres(adminUrl, { max: 1 });
  try {
    const [row] = await db.query<{ n: string }>("select xact_commit::text as n from pg_stat_database where datname = $1", [name]);
    return Number(row.n);
  } finally {
    await db.close();
  }
}

/** Runs part 4 and returns its report. */
export async function runCoherenceBench(root = process.cwd()): Promise<string> {
  const pg = await startPostgres();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "amm-bench-coh-"));
  const token = randomBytes(18).toString("base64url");
  const auth = { authorization: `Bearer ${token}` };
  const admin = { authorization: `Bearer admin-${token}`, "content-type": "application/json" };
  const apps: AppProcess[] = [];
  try {
    const url = pg.url.replace(/\/postgres$/, "/amm_bench");
    const boot = openPostgres(pg.url, { max: 1 });
    await boot.exec("create database amm_bench");
    await boot.close();
    await (await openDb(url, { migrate: true })).close(); // npm run db:migrate: migrations and the seed
    const env = (name: string) => benchEnv(tmp, name, token, { DATABASE_URL: url });
    const ready = "/api/health";
    const [a, b] = [await startApp(root, env("a"), ready, {}), await startApp(root, env("b"), ready, {})];
    apps.push(a, b);
    // A slot with at least two active models, so each round pins one that is not the current default.
    type Row = { id: string; provider: string; model_type: string; model_name: string };
    const rows = (await json(`${a.base}/api/ai-model-config/all?active=true`, { headers: auth })).models as Row[];
    const key = (m: Row) => `${m.provider}/${m.model_type}`;
    const pick = rows.find((m) => m.model_type !== "legacy" && rows.filter((o) => key(o) === key(m)).length >= 2)!;
    const all = rows.filter((m) => key(m) === key(pick));
    const slot = `/api/ai-model-config?provider=${pick.provider}&type=${pick.model_type}`;
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const current = (await json(`${b.base}${slot}`, { headers: auth })).model_name;
      const target = all.filter((m) => m.model_name !== current)[i % (all.length - 1)];
      await json(`${a.base}/api/admin/models/${target.id}/pin`, { method: "POST", headers: admin, body: "{}" });
      const pinned = performance.now();
      while ((await json(`${b.base}${slot}`, { headers: auth })).model_name !== target.model_name) {
        if (performance.now() - pinned > 10_000) throw new Error("B never answered the pin");
        await new Promise((r) => setTimeout(r, 5));
      }
      times.push(performance.now() - pinned);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700)); // pins land anywhere in B's check interval
    }
    await new Promise((r) => setTimeout(r, 1_500));
    const before = await commits(pg.url, "amm_bench");
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const idle = (await commits(pg.url, "amm_bench")) - before - 1; // minus this probe's own
    const report = [
      "| measure | value | goal |",
      "|---|---:|---:|",
      `| a pin on A answered by B (CONFIG_VERSION_CHECK_MS=1000), median of ${ROUNDS} | ${median(times).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)}) | ≤ 2,000 ms (${Math.max(...times) <= 2000 ? "meets" : "MISSES"}) |`,
      `| statements per second per idle instance (pg_stat_database, ${IDLE_S} s, 2 instances) | ${(idle / IDLE_S / 2).toFixed(2)} | about 1 |`,
    ].join("\n");
    console.log("\n" + report + "\n");
    return report;
  } finally {
    await Promise.all(apps.map((x) => x.stop()));
    await pg.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

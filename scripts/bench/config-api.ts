// Benchmark part 1: the config API as `npm start` serves it: the fast path (our node:http front calling the
// route functions), the same route through Next (AMM_FAST_PATH=off), Next's constant route (what Next itself
// costs) and a bare node:http server answering the same JSON, at 10 and 50 connections; plus 304s and the
// TypeScript client's warm getModel.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createModelClient } from "@/lib/client";
import { buildIsFresh } from "../lib/build";
import { BARE_SERVER, freePort, startApp, startProcess, stopProcess, waitFor, type AppProcess } from "./servers";

// Each target runs in short rounds, interleaved with the others, so a change in the machine's load touches every
// row alike; a row reports the median round.
const ROUNDS = 5;
const DURATION_S = 2;
const CONNECTIONS = [10, 50] as const;
const CLIENT_CALLS = 1_000_000;
const CONFIG_PATH = "/api/ai-model-config?provider=openai&type=flagship";

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Builds unless the build is fresh, under the lock every helper builds with. */
export function buildOnce(root: string): void {
  if (buildIsFresh(root)) return;
  console.log("Building the app (flock /tmp/amm-build.lock npx next build)…");
  const res = spawnSync("flock", ["/tmp/amm-build.lock", "npx", "next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (res.status !== 0) throw new Error(`next build failed (exit ${res.status})`);
}

async function load(target: Target, connections: number, duration = DURATION_S): Promise<Result> {
  const r = await autocannon({ url: target.url, connections, duration, headers: target.headers });
  // A 304 is the answer asked for in the revalidation rows, so only transport errors, 4xx and 5xx count.
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r["4xx"] + r["5xx"] };
}

/** The median of each figure over the rounds (errors summed). */
function medianResult(rs: Result[]): Result {
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { rps: mid(rs.map((r) => r.rps)), p50: mid(rs.map((r) => r.p50)), p99: mid(rs.map((r) => r.p99)), errors: rs.reduce((n, r) => n + r.errors, 0) };
}

/** The environment of one bench app: production, its own embedded database, known secrets. */
export function benchEnv(tmp: string, name: string, token: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `pglite://${path.join(tmp, name)}`,
    AMM_DATA_DIR: path.join(tmp, `${name}-data`),
    ADMIN_TOKEN: `admin-${token}`,
    CRON_SECRET: `cron-${token}`, // production refuses to start without both secrets
    CONFIG_API_KEYS: token,
    AMM_BENCH: "1",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

function table(targets: Target[], results: Map<string, Result>[]): string {
  const head = CONNECTIONS.map((c) => `req/s @${c} | p50 ms | p99 ms`).join(" | ");
  const lines = [
    `| target | ${head} | vs bare @50 | vs Next constant @50 | errors |`,
    `|---|${CONNECTIONS.map(() => "---:|---:|---:").join("|")}|---:|---:|---:|`,
  ];
  const bare = results[1].get(targets[0].name)!.rps;
  const constant = results[1].get(targets[targets.length - 1].name)!.rps;
  for (const t of targets) {
    const cells = results.map((m) => {
      const r = m.get(t.name)!;
      return `${Math.round(r.rps)} | ${r.p50} | ${r.p99}`;
    });
    const r50 = results[1].get(t.name)!;
    const errors = results.reduce((n, m) => n + m.get(t.name)!.errors, 0);
    lines.push(`| ${t.name} | ${cells.join(" | ")} | ${(r50.rps / bare).toFixed(3)}× | ${(r50.rps / constant).toFixed(2)}× | ${errors} |`);
  }
  return lines.join("\n");
}

function goals(targets: Target[], results: Map<string, Result>[]): string[] {
  const at50 = results[1];
  const bare = at50.get(targets[0].name)!;
  const fast = at50.get(targets[1].name)!;
  const nextRoute = at50.get(targets[3].name)!;
  const constant = at50.get(targets[targets.length - 1].name)!;
  const mark = (ok: boolean) => (ok ? "meets" : "MISSES");
  return [
    `- fast path ≥ 40% of bare node:http @50: ${(100 * fast.rps / bare.rps).toFixed(1)}% (${mark(fast.rps >= 0.4 * bare.rps)})`,
    `- fast path p99 < 10 ms @50: ${fast.p99} ms (${mark(fast.p99 < 10)})`,
    `- Next route ≥ 0.9× Next constant @50: ${(nextRoute.rps / constant.rps).toFixed(2)}× (${mark(nextRoute.rps >= 0.9 * constant.rps)})`,
  ];
}

/** Runs part 1 and returns its report (markdown); prints as it goes. */
export async function runConfigApiBench(root = process.cwd()): Promise<string> {
  buildOnce(root);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "amm-bench-"));
  const token = randomBytes(18).toString("base64url");
  const auth = { authorization: `Bearer ${token}` };
  let fast: AppProcess | undefined;
  let viaNext: AppProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    fast = await startApp(root, benchEnv(tmp, "fast", token), CONFIG_PATH, auth);
    viaNext = await startApp(root, benchEnv(tmp, "next", token, { AMM_FAST_PATH: "off" }), CONFIG_PATH, auth);
    const first = await fetch(`${fast.base}${CONFIG_PATH}`, { headers: auth });
    const body = await first.text();
    const etag = first.headers.get("etag") ?? "";
    const barePort = await freePort();
    bare = startProcess(process.execPath, ["-e", BARE_SERVER], { ...process.env, BENCH_BODY: body, BENCH_PORT: String(barePort) }, root);
    await waitFor(`http://127.0.0.1:${barePort}/`, {}, bare);

    const targets: Target[] = [
      { name: "bare node:http, same JSON", url: `http://127.0.0.1:${barePort}/`, headers: {} },
      { name: "fast path: GET /api/ai-model-config (npm start)", url: `${fast.base}${CONFIG_PATH}`, headers: auth },
      { name: "fast path, If-None-Match → 304", url: `${fast.base}${CONFIG_PATH}`, headers: { ...auth, "if-none-match": etag } },
      { name: "Next route: GET /api/ai-model-config (AMM_FAST_PATH=off)", url: `${viaNext.base}${CONFIG_PATH}`, headers: auth },
      { name: "Next route, If-None-Match → 304", url: `${viaNext.base}${CONFIG_PATH}`, headers: { ...auth, "if-none-match": etag } },
      { name: "Next constant route (/api/bench/constant)", url: `${viaNext.base}/api/bench/constant`, headers: {} },
    ];
    const loadBefore = os.loadavg()[0].toFixed(1);
    for (const t of targets) await load(t, 50, 1); // warm-up, not reported
    const results: Map<string, Result>[] = [];
    for (const c of CONNECTIONS) {
      const rounds = new Map<string, Result[]>(targets.map((t) => [t.name, []]));
      for (let round = 0; round < ROUNDS; round++) for (const t of targets) rounds.get(t.name)!.push(await load(t, c));
      results.push(new Map([...rounds].map(([name, rs]) => [name, medianResult(rs)])));
    }

    const client = createModelClient({ baseUrl: fast.base, apiKey: token });
    await client.getModel("openai", "flagship");
    const start = process.hrtime.bigint();
    for (let i = 0; i < CLIENT_CALLS; i++) await client.getModel("openai", "flagship");
    const nsPerOp = Number(process.hrtime.bigint() - start) / CLIENT_CALLS;

    const report = [
      `autocannon, ${ROUNDS} interleaved rounds of ${DURATION_S} s per target and connection count (median round), loopback, ${os.cpus().length} cores; 1-minute load average ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after (other work on the machine skews every row)`,
      "",
      table(targets, results),
      "",
      ...goals(targets, results),
      "",
      `TypeScript client, warm getModel (cache hit, awaited): ${nsPerOp.toFixed(0)} ns/op over ${CLIENT_CALLS.toLocaleString("en")} calls`,
    ].join("\n");
    console.log("\n" + report + "\n");
    return report;
  } finally {
    await Promise.all([stopProcess(bare), fast?.stop(), viaNext?.stop()]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

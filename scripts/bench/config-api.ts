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
import { median } from "./stats";

// Each target runs in short rounds, interleaved with the others, so a change in the machine's load touches every
// row alike; a row reports the median round, and a ratio the median of its rounds' ratios (each round against the
// same round of the other target), which a drift of the machine's speed between rounds does not skew.
const ROUNDS = 7;
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
  return { rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), errors: rs.reduce((n, r) => n + r.errors, 0) };
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

/** Per connection count, each target's rounds in order. */
type Rounds = Map<string, Result[]>[];

/** The median over rounds of a's throughput against b's in the same round. */
function pairedRatio(rounds: Map<string, Result[]>, a: string, b: string): number {
  const bs = rounds.get(b)!;
  return median(rounds.get(a)!.map((r, i) => r.rps / bs[i].rps));
}

function table(targets: Target[], rounds: Rounds): string {
  const results = rounds.map((m) => new Map([...m].map(([name, rs]) => [name, medianResult(rs)])));
  const head = CONNECTIONS.map((c) => `req/s @${c} | p50 ms | p99 ms`).join(" | ");
  const lines = [
    `| target | ${head} | vs bare @50 | vs Next constant @50 | errors |`,
    `|---|${CONNECTIONS.map(() => "---:|---:|---:").join("|")}|---:|---:|---:|`,
  ];
  const bare = targets[0].name;
  const constant = targets[targets.length - 1].name;
  for (const t of targets) {
    const cells = results.map((m) => {
      const r = m.get(t.name)!;
      return `${Math.round(r.rps)} | ${r.p50} | ${r.p99}`;
    });
    const errors = results.reduce((n, m) => n + m.get(t.name)!.errors, 0);
    const vs = (other: string, digits: number) => `${pairedRatio(rounds[1], t.name, other).toFixed(digits)}×`;
    lines.push(`| ${t.name} | ${cells.join(" | ")} | ${vs(bare, 3)} | ${vs(constant, 2)} | ${errors} |`);
  }
  return lines.join("\n");
}

function goals(targets: Target[], rounds: Rounds): string[] {
  const at50 = rounds[1];
  const [bare, fast, , nextRoute] = targets.map((t) => t.name);
  const constant = targets[targets.length - 1].name;
  const fastShare = pairedRatio(at50, fast, bare);
  const fastP99 = medianResult(at50.get(fast)!).p99;
  const nextRatio = pairedRatio(at50, nextRoute, constant);
  const withHeaders = targets[targets.length - 2].name;
  const mark = (ok: boolean) => (ok ? "meets" : "MISSES");
  return [
    `- fast path ≥ 40% of bare node:http @50: ${(100 * fastShare).toFixed(1)}% (${mark(fastShare >= 0.4)})`,
    `- fast path p99 < 10 ms @50: ${fastP99} ms (${mark(fastP99 < 10)})`,
    `- Next route ≥ 0.9× Next constant @50: ${nextRatio.toFixed(2)}× (${mark(nextRatio >= 0.9)}; @10: ${pairedRatio(rounds[0], nextRoute, constant).toFixed(2)}×)`,
    `  - of which Next's cost of the answer's headers (the constant route with them, against it) @50: ${pairedRatio(at50, withHeaders, constant).toFixed(2)}×; the route against that @50: ${pairedRatio(at50, nextRoute, withHeaders).toFixed(2)}×`,
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
      { name: "Next constant route with the config answer's headers (?headers=config)", url: `${viaNext.base}/api/bench/constant?headers=config`, headers: {} },
      { name: "Next constant route (/api/bench/constant)", url: `${viaNext.base}/api/bench/constant`, headers: {} },
    ];
    const loadBefore = os.loadavg()[0].toFixed(1);
    for (const t of targets) await load(t, 50, 1); // warm-up, not reported
    const rounds: Rounds = [];
    for (const c of CONNECTIONS) {
      const byTarget = new Map<string, Result[]>(targets.map((t) => [t.name, []]));
      for (let round = 0; round < ROUNDS; round++) for (const t of targets) byTarget.get(t.name)!.push(await load(t, c));
      rounds.push(byTarget);
    }

    const client = createModelClient({ baseUrl: fast.base, apiKey: token });
    await client.getModel("openai", "flagship");
    const start = process.hrtime.bigint();
    for (let i = 0; i < CLIENT_CALLS; i++) await client.getModel("openai", "flagship");
    const nsPerOp = Number(process.hrtime.bigint() - start) / CLIENT_CALLS;

    const report = [
      `autocannon, ${ROUNDS} interleaved rounds of ${DURATION_S} s per target and connection count (median round; a ratio is the median of the rounds' own ratios), loopback, ${os.cpus().length} cores; 1-minute load average ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after (other work on the machine skews every row)`,
      "",
      table(targets, rounds),
      "",
      ...goals(targets, rounds),
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

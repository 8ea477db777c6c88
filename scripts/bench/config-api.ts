// Benchmark part 1: the config API under `next start`, beside a bare node:http server answering the same
// JSON and Next's constant route (what Next itself costs), plus the TypeScript client's warm getModel.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createModelClient } from "@/lib/client";
import { buildIsFresh } from "../lib/build";

const DURATION_S = 5;
const CONNECTIONS = 10;
const CLIENT_CALLS = 1_000_000;

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Builds unless the build is fresh, under the lock every helper builds with. */
function buildOnce(root: string): void {
  if (buildIsFresh(root)) return;
  console.log("Building the app (flock /tmp/amm-build.lock npx next build)…");
  const res = spawnSync("flock", ["/tmp/amm-build.lock", "npx", "next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (res.status !== 0) throw new Error(`next build failed (exit ${res.status})`);
}

async function waitFor(url: string, headers: Record<string, string>, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { headers });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function startProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  // detached: the child leads its own process group, so stopping it stops what it started too.
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "ignore", "inherit"] });
  return child;
}

function stopProcess(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function load(name: string, url: string, headers: Record<string, string>): Promise<Row> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  // A 304 is the answer asked for in the revalidation row, so only transport errors, 4xx and 5xx count.
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r["4xx"] + r["5xx"] };
}

// The bare server runs in its own process, like Next, so neither shares a CPU with autocannon's event loop.
const BARE_SERVER = `
const http = require("node:http");
const body = process.env.BENCH_BODY;
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.BENCH_PORT), "127.0.0.1");
`;

function table(rows: Row[]): string {
  const bare = rows[0].rps;
  const constant = rows[1].rps;
  const lines = [
    "| target | req/s | p50 ms | p99 ms | vs bare node:http | vs Next constant | errors |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / bare).toFixed(3)}× | ${(r.rps / constant).toFixed(2)}× | ${r.errors} |`,
    ),
  ];
  return lines.join("\n");
}

/** Runs part 1 and returns its report (markdown); prints as it goes. */
export async function runConfigApiBench(root = process.cwd()): Promise<string> {
  buildOnce(root);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "amm-bench-"));
  const token = randomBytes(18).toString("base64url");
  const [nextPort, barePort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `pglite://${path.join(tmp, "pglite")}`,
    AMM_DATA_DIR: tmp,
    ADMIN_TOKEN: `admin-${token}`,
    CRON_SECRET: `cron-${token}`, // production refuses to start without both secrets
    CONFIG_API_KEYS: token,
    AMM_BENCH: "1",
    PORT: String(nextPort),
  };
  const auth = { authorization: `Bearer ${token}` };
  const next = startProcess(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(nextPort)], env, root);
  let bare: ChildProcess | undefined;
  try {
    const base = `http://127.0.0.1:${nextPort}`;
    const configUrl = `${base}/api/ai-model-config?provider=openai&type=flagship`;
    await waitFor(configUrl, auth, next);
    const first = await fetch(configUrl, { headers: auth });
    const body = await first.text();
    const etag = first.headers.get("etag") ?? "";
    bare = startProcess(process.execPath, ["-e", BARE_SERVER], { ...process.env, BENCH_BODY: body, BENCH_PORT: String(barePort) }, root);
    await waitFor(`http://127.0.0.1:${barePort}/`, {}, bare);

    const setting = `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per target, loopback, ${os.cpus().length} cores`;
    const loadBefore = os.loadavg()[0].toFixed(1);
    const rows: Row[] = [];
    rows.push(await load("bare node:http, same JSON", `http://127.0.0.1:${barePort}/`, {}));
    rows.push(await load("Next constant route (/api/bench/constant)", `${base}/api/bench/constant`, {}));
    rows.push(await load("GET /api/ai-model-config (snapshot)", configUrl, auth));
    rows.push(await load("same, If-None-Match → 304", configUrl, { ...auth, "if-none-match": etag }));

    const client = createModelClient({ baseUrl: base, apiKey: token });
    await client.getModel("openai", "flagship");
    const start = process.hrtime.bigint();
    for (let i = 0; i < CLIENT_CALLS; i++) await client.getModel("openai", "flagship");
    const nsPerOp = Number(process.hrtime.bigint() - start) / CLIENT_CALLS;

    const report = [
      `${setting}; 1-minute load average ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after (other work on the machine skews every row)`,
      "",
      table(rows),
      "",
      `TypeScript client, warm getModel (cache hit, awaited): ${nsPerOp.toFixed(0)} ns/op over ${CLIENT_CALLS.toLocaleString("en")} calls`,
    ].join("\n");
    console.log("\n" + report + "\n");
    return report;
  } finally {
    if (bare) stopProcess(bare);
    stopProcess(next);
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

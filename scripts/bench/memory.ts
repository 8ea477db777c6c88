// Benchmark part 3b, memory: the resident memory of npm start's server on the embedded database (PGlite)
// at start, after a first discovery of the four (fake) providers with a models.dev-sized metadata document,
// and after a second one. Runnable alone: `tsx scripts/bench/memory.ts`.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fakeProviderEnv } from "../../tests/support/fake-providers/env";
import { startFakeProviders } from "../../tests/support/fake-providers/server";
import { benchEnv, buildOnce } from "./config-api";
import { syntheticModelsDev } from "./metadata";
import { rssMb, startApp, type AppProcess } from "./servers";
import { runAlone } from "./run-alone";

const GOAL_MB = 400;

/** The server's own view of its memory (prom-client's process metrics): V8 heap and external (WebAssembly, buffers), MB. */
async function breakdown(app: AppProcess, token: string): Promise<string> {
  const text = await (await fetch(`${app.base}/api/metrics`, { headers: { authorization: `Bearer admin-${token}` } })).text();
  const metric = (name: string) => Number(new RegExp(`^${name} (\\S+)`, "m").exec(text)?.[1] ?? Number.NaN) / 1048576;
  return `V8 heap ${metric("nodejs_heap_size_total_bytes").toFixed(0)} MB (used ${metric("nodejs_heap_size_used_bytes").toFixed(0)}), external ${metric("nodejs_external_memory_bytes").toFixed(0)} MB`;
}

async function discover(app: AppProcess, token: string): Promise<string> {
  const res = await fetch(`${app.base}/api/ai-model-updater`, { method: "POST", headers: { authorization: `Bearer admin-${token}`, "content-type": "application/json" }, body: "{}" });
  const summary = (await res.json()) as { status?: string };
  return summary.status ?? `HTTP ${res.status}`;
}

/** Runs the memory part and returns its report. */
export async function runMemoryBench(root = process.cwd()): Promise<string> {
  buildOnce(root);
  const fake = await startFakeProviders();
  fake.setMetadataDocument("models.dev", JSON.parse(syntheticModelsDev().json));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "amm-bench-mem-"));
  const token = randomBytes(18).toString("base64url");
  let app: AppProcess | undefined;
  try {
    const env = benchEnv(tmp, "pglite", token, { ...fakeProviderEnv(fake), DISCOVERY_PROBE: "off" });
    app = await startApp(root, env, "/api/health", {});
    const settle = () => new Promise((r) => setTimeout(r, 3_000));
    await settle();
    const atStart = rssMb(app.child.pid);
    const first = await discover(app, token);
    await settle();
    const afterFirst = rssMb(app.child.pid);
    const second = await discover(app, token);
    await settle();
    const afterSecond = rssMb(app.child.pid);
    const parts = await breakdown(app, token);
    const verdict = afterFirst !== null && afterFirst < GOAL_MB && (afterSecond ?? 0) < GOAL_MB ? "meets" : "MISSES";
    const report = [
      "| npm start on PGlite (production build) | RSS |",
      "|---|---:|",
      `| ready, before any discovery | ${atStart} MB |`,
      `| after a first discovery (4 providers, ${first}; 2.1 MB models.dev document) | ${afterFirst} MB |`,
      `| after a second discovery (${second}) | ${afterSecond} MB |`,
      "",
      `Of which, by the server's own metrics: ${parts} (the rest: compiled code, WebAssembly memory not yet counted as external, libc arenas).`,
      "",
      `Goal: under ${GOAL_MB} MB after a discovery (${verdict}).`,
    ].join("\n");
    console.log("\n" + report + "\n");
    return report;
  } finally {
    await app?.stop();
    await fake.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

runAlone(import.meta.url, runMemoryBench);

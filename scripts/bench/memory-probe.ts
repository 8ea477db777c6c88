// Where npm start's memory goes on PGlite, without Next: process.memoryUsage() around each step of a first
// discovery (open, migrate + seed, metadata fetch, listing, write). `tsx scripts/bench/memory-probe.ts`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../../lib/db/client";
import { runDiscovery } from "../../lib/discovery/run";
import { fakeProviderEnv } from "../../tests/support/fake-providers/env";
import { startFakeProviders } from "../../tests/support/fake-providers/server";
import { syntheticModelsDev } from "./metadata";

const mb = (n: number) => `${Math.round(n / 1048576)}`;
function report(step: string): void {
  const m = process.memoryUsage();
  console.log(`| ${step} | ${mb(m.rss)} | ${mb(m.heapUsed)} | ${mb(m.external)} | ${mb(m.arrayBuffers)} |`);
}

const fake = await startFakeProviders();
fake.setMetadataDocument("models.dev", JSON.parse(syntheticModelsDev().json));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amm-mem-"));
console.log("| step | rss MB | heap used | external | array buffers |\n|---|---:|---:|---:|---:|");
report("start");
const db = await openDb(`pglite://${path.join(dir, "db")}`);
report("PGlite open, migrated, seeded");
const summary = await runDiscovery({ db, trigger: "cli", env: { ...process.env, ...fakeProviderEnv(fake), DISCOVERY_PROBE: "off" } });
report(`after a first discovery (${summary.status})`);
globalThis.gc?.();
report("after a full GC");
await runDiscovery({ db, trigger: "cli", env: { ...process.env, ...fakeProviderEnv(fake), DISCOVERY_PROBE: "off" } });
report("after a second discovery");
await db.close();
await fake.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);

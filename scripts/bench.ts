// `npm run bench`: part 1, the config API (scripts/bench/config-api.ts); part 2, discovery
// (scripts/bench/discovery.ts, when present). Each part prints its own table.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runConfigApiBench } from "./bench/config-api";

process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main(): Promise<void> {
  console.log("# Benchmark part 1: config API\n");
  await runConfigApiBench();
  const discovery = path.join(import.meta.dirname, "bench", "discovery.ts");
  if (!fs.existsSync(discovery)) {
    console.log("Part 2 (discovery) skipped: scripts/bench/discovery.ts does not exist yet.");
    return;
  }
  console.log("# Benchmark part 2: discovery\n");
  const mod = (await import(pathToFileURL(discovery).href)) as { runDiscoveryBench?: () => Promise<unknown> };
  if (typeof mod.runDiscoveryBench !== "function") throw new Error("scripts/bench/discovery.ts must export runDiscoveryBench()");
  await mod.runDiscoveryBench();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);

// `npm run bench`, one run, every row: part 1, the config API (scripts/bench/config-api.ts: bare node:http, the
// fast path, the Next route, Next's constant route, 304s, at 10 and 50 connections); part 2, discovery
// (discovery.ts); part 3, metadata parsing and matching (metadata.ts); part 4, two instances on one PostgreSQL
// (coherence.ts: propagation, idle queries); part 5, a 20,000-model registry (scale.ts); part 6, resident
// memory after a discovery (memory.ts). Each part prints its own table; nothing here needs the internet.
import { holdTickObjectShape } from "./lib/tick-shape";
import { runCoherenceBench } from "./bench/coherence";
import { runConfigApiBench } from "./bench/config-api";
import { runDiscoveryBench } from "./bench/discovery";
import { runMemoryBench } from "./bench/memory";
import { runMetadataBench } from "./bench/metadata";
import { runScaleBench } from "./bench/scale";

process.env.NEXT_TELEMETRY_DISABLED = "1";
holdTickObjectShape(); // autocannon runs in this process: its nextTick must not go megamorphic either

const PARTS: [string, () => Promise<string>][] = [
  ["config API", () => runConfigApiBench()],
  ["discovery", () => runDiscoveryBench()],
  ["metadata", () => runMetadataBench()],
  ["two instances on one PostgreSQL", () => runCoherenceBench()],
  ["scale: 20,000 models", () => runScaleBench()],
  ["memory", () => runMemoryBench()],
];

async function main(): Promise<void> {
  // `npm run bench -- memory scale` runs only the parts whose names contain one of the words.
  const only = process.argv.slice(2).map((a) => a.toLowerCase());
  for (const [i, [name, run]] of PARTS.entries()) {
    if (only.length > 0 && !only.some((w) => name.toLowerCase().includes(w))) continue;
    console.log(`# Benchmark part ${i + 1}: ${name}\n`);
    await run();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);

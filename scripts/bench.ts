// `npm run bench`: part 1, the config API (scripts/bench/config-api.ts); part 2, discovery
// (scripts/bench/discovery.ts); part 3, metadata parsing and matching (scripts/bench/metadata.ts). Each part prints its own table.
import { runConfigApiBench } from "./bench/config-api";
import { runDiscoveryBench } from "./bench/discovery";
import { runMetadataBench } from "./bench/metadata";

process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main(): Promise<void> {
  console.log("# Benchmark part 1: config API\n");
  await runConfigApiBench();
  console.log("# Benchmark part 2: discovery\n");
  await runDiscoveryBench();
  console.log("# Benchmark part 3: metadata\n");
  await runMetadataBench();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);

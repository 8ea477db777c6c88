// `npm run fake-providers -- --port 4010 --latency 200 --era 2025`: runs the fake provider server and prints
// the environment lines that point the app at it (provider base URLs and keys, MODELS_DEV_URL, LITELLM_MODEL_MAP_URL).
// Steer it with POST /_fake/{fault,listing,era,metadata-fault,metadata-document,reset}.
import { parseArgs } from "node:util";
import { fakeProviderEnv } from "@/tests/support/fake-providers/env";
import { ERAS, startFakeProviders, type Era } from "@/tests/support/fake-providers/server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    latency: { type: "string", default: "0" },
    era: { type: "string", default: "2025" },
  },
});

const port = Number(values.port);
const latencyMs = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`--latency must be a number of ms >= 0, got ${values.latency}`);
if (!(ERAS as readonly string[]).includes(values.era)) throw new Error(`--era must be one of ${ERAS.join(", ")}, got ${values.era}`);

const fake = await startFakeProviders({ port, host: values.host, latencyMs, era: values.era as Era }).catch((err: NodeJS.ErrnoException) => {
  console.error(err.code === "EADDRINUSE" ? `Port ${port} is already in use: pick another with --port.` : `Could not start the fake providers: ${err.message}`);
  process.exit(1);
});
const env = Object.entries(fakeProviderEnv(fake)).map(([name, value]) => `${name}=${value}`);
console.log(`Fake providers listening on ${fake.url} (era ${values.era}, latency ${latencyMs} ms). Point the app at it with:\n`);
console.log(env.join(" \\\n") + "\n");
console.log(`Faults: curl -X POST ${fake.url}/_fake/fault -H 'content-type: application/json' -d '{"provider":"openai","fault":"429-once"}'`);
console.log(`Metadata faults: curl -X POST ${fake.url}/_fake/metadata-fault -H 'content-type: application/json' -d '{"source":"models.dev","fault":"500"}'`);
console.log(`Requests seen: curl ${fake.url}/_fake/requests`);

const stop = () => {
  fake.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

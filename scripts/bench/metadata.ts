// Benchmark part 3, metadata: parse and match a generated models.dev-shaped document of about 2 MB and 100
// providers, as the real api.json is. Runnable alone: `tsx scripts/bench/metadata.ts`.
import os from "node:os";
import { PROVIDERS, type Provider } from "../../lib/domain";
import { buildFactsIndex, matchFacts, type ModelQuery } from "../../lib/metadata/match";
import { parseModelsDev } from "../../lib/metadata/models-dev";
import { runAlone } from "./run-alone";
import { median } from "./stats";

const PROVIDER_COUNT = 100;
const TARGET_BYTES = 2 * 1024 * 1024;
const OURS_PER_PROVIDER = 60;
const QUERIES = 2000;
const REPEATS = 5;

function model(id: string, n: number): Record<string, unknown> {
  return {
    id, name: `Model ${n}`, family: "bench", attachment: n % 2 === 0, reasoning: n % 3 === 0, tool_call: true, structured_output: n % 4 !== 0,
    temperature: true, knowledge: "2025-01", release_date: "2025-06-17", last_updated: "2025-06-17",
    modalities: { input: n % 2 === 0 ? ["text", "image"] : ["text"], output: ["text"] }, open_weights: false,
    limit: { context: 128000 + n, output: 16384 }, cost: { input: 0.1 + n / 100, output: 0.4 + n / 50, cache_read: 0.01 },
  };
}

const ourId: Record<Provider, (n: number) => string> = {
  openai: (n) => `gpt-bench-${n}`,
  anthropic: (n) => `claude-bench-${n}`,
  google: (n) => `gemini-bench-${n}`,
  mistral: (n) => `mistral-bench-${n}-latest`,
};

/** About 2 MB: our four providers with 60 models each, the rest spread over 96 other providers. */
export function syntheticModelsDev(): { json: string; providers: number } {
  const doc: Record<string, unknown> = {};
  for (const p of PROVIDERS) doc[p] = { id: p, env: [], npm: `@ai-sdk/${p}`, name: p, doc: "", models: Object.fromEntries(Array.from({ length: OURS_PER_PROVIDER }, (_, n) => [ourId[p](n), model(ourId[p](n), n)])) };
  const modelBytes = JSON.stringify(model("other-provider-model-000", 0)).length;
  const others = PROVIDER_COUNT - PROVIDERS.length;
  const perOther = Math.max(1, Math.round((TARGET_BYTES - JSON.stringify(doc).length) / modelBytes / others));
  for (let i = 0; i < others; i++) {
    doc[`other-${i}`] = { id: `other-${i}`, env: [], npm: "@ai-sdk/openai-compatible", name: `Other ${i}`, doc: "", models: Object.fromEntries(Array.from({ length: perOther }, (_, n) => [`other-model-${n}`, model(`other-model-${n}`, n)])) };
  }
  return { json: JSON.stringify(doc), providers: Object.keys(doc).length };
}

/** Listed ids as discovery would ask: half exact, a quarter dated snapshots, a quarter unknown. */
function queries(): ModelQuery[] {
  return Array.from({ length: QUERIES }, (_, i) => {
    const provider = PROVIDERS[i % PROVIDERS.length];
    const n = i % OURS_PER_PROVIDER;
    if (i % 4 === 1 && provider === "openai") return { provider, id: `${ourId.openai(n)}-2025-08-07` };
    if (i % 4 === 3) return { provider, id: `unknown-${i}`, aliases: [`unknown-${i}-latest`] };
    return { provider, id: ourId[provider](n) };
  });
}

const time = (fn: () => void) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

/** Runs part 3 and returns its report; prints it too. Times: median of 5. */
export async function runMetadataBench(): Promise<string> {
  const { json, providers } = syntheticModelsDev();
  const qs = queries();
  const parseMs: number[] = [];
  const mapMs: number[] = [];
  const matchMs: number[] = [];
  let hits = 0;
  for (let r = 0; r < REPEATS; r++) {
    let doc: unknown;
    parseMs.push(time(() => void (doc = JSON.parse(json))));
    let index = buildFactsIndex("models.dev", "x", []);
    mapMs.push(time(() => {
      const parsed = parseModelsDev(doc, "2025-11-30T00:00:00.000Z");
      if (!parsed.ok) throw new Error(parsed.message);
      index = buildFactsIndex("models.dev", "x", parsed.facts);
    }));
    matchMs.push(time(() => void (hits = qs.filter((q) => matchFacts(index, q)).length)));
  }
  const mb = (json.length / 1024 / 1024).toFixed(1);
  const rows = [
    ["measure", "time"],
    ["---", "---:"],
    [`JSON.parse of a ${mb} MB models.dev-shaped document (${providers} providers)`, `${median(parseMs).toFixed(1)} ms`],
    [`validate + map our 4 providers (${PROVIDERS.length * OURS_PER_PROVIDER} models) and build the index`, `${median(mapMs).toFixed(1)} ms`],
    [`match ${QUERIES.toLocaleString("en")} listed ids (exact, snapshot, unknown; ${hits} found)`, `${median(matchMs).toFixed(2)} ms`],
  ];
  const report = [rows.map((r) => `| ${r.join(" | ")} |`).join("\n"), "", `Median of ${REPEATS}; load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores.`].join("\n");
  console.log("\n" + report + "\n");
  return report;
}

runAlone(import.meta.url, runMetadataBench);

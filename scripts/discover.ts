// `npm run discover [-- --json] [-- --metadata-only]`: one discovery run against DATABASE_URL and the providers configured in the
// environment; prints the summary; exits 0 success, 1 partial, 2 failed. When the app holds the embedded
// database, the run goes through the app's API instead (POST /api/ai-model-updater with ADMIN_TOKEN).
import fs from "node:fs";
import path from "node:path";
import { DatabaseUnavailableError, openDb } from "../lib/db/client";
import { RunConflictError } from "../lib/db/runs-repo";
import { runDiscovery } from "../lib/discovery/run";
import type { RunSummary } from "../lib/discovery/summary";
import { refreshRegistryMetadata, type RefreshMetadataResult } from "../lib/registry/refresh-metadata";
import { formatMetadataRefresh, metadataExitCode } from "./lib/metadata-output";
import { exitCodeFor, formatSummary } from "./lib/summary-output";
import { dataDir } from "../lib/env";

const HELP = `Usage: npm run discover [-- --json] [-- --metadata-only]

Runs one model discovery against DATABASE_URL (default: the embedded database in .data/pglite) and the
providers whose API keys are set (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, MISTRAL_API_KEY).
  --json            print the run summary as JSON only
  --metadata-only   only refresh prices, limits and capabilities from MODELS_DEV_URL / LITELLM_MODEL_MAP_URL
                    (no provider is listed); exit 0 ok, 1 a source failed (its figures kept), 2 error
Exit code: 0 success, 1 partial (some providers failed), 2 failed.`;

const json = process.argv.includes("--json");
const metadataOnly = process.argv.includes("--metadata-only");

function print(summary: RunSummary): never {
  console.log(json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  process.exit(exitCodeFor(summary.status));
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function adminToken(): string | undefined {
  if (process.env.ADMIN_TOKEN?.trim()) return process.env.ADMIN_TOKEN.trim();
  try {
    return fs.readFileSync(path.join(dataDir(), "admin-token"), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

type RefreshAnswer = Omit<RefreshMetadataResult, "changes"> & { changes: { provider: string; model_name: string; field: string; source: string }[] };

function printRefresh(result: RefreshAnswer): never {
  console.log(json ? JSON.stringify(result, null, 2) : formatMetadataRefresh(result));
  process.exit(metadataExitCode(result));
}

/** The app holds the embedded database: ask it to run discovery (or the metadata refresh). */
async function viaApp(reason: string): Promise<never> {
  const route = metadataOnly ? "/api/admin/metadata/refresh" : "/api/ai-model-updater";
  const url = `http://127.0.0.1:${process.env.PORT ?? 3000}${route}`;
  const token = adminToken();
  if (!token) fail(`${reason}\nNo ADMIN_TOKEN (env or ${path.join(dataDir(), "admin-token")}) to ask the app instead.`);
  if (!json) console.error(`The embedded database is in use by the app; running ${metadataOnly ? "the metadata refresh" : "discovery"} through ${url}`);
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ trigger: "cli" }) });
  } catch {
    fail(`${reason}\nThe app did not answer at ${url}: stop the app, or start it and retry, or set PORT.`);
  }
  const body = (await res.json().catch(() => undefined)) as (RunSummary & RefreshAnswer & { error?: { message?: string } }) | undefined;
  if (metadataOnly && res.ok && body && "sources" in body) printRefresh(body);
  if (!res.ok || !body || !("status" in body)) fail(`The app refused the discovery run (HTTP ${res.status}): ${body?.error?.message ?? "no details"}`);
  print(body);
}

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(HELP);
    return;
  }
  let db;
  try {
    db = await openDb(process.env.DATABASE_URL);
  } catch (err) {
    if (err instanceof DatabaseUnavailableError && /open in another process/.test(err.message)) return viaApp(err.message);
    throw err;
  }
  if (metadataOnly) {
    const result = await refreshRegistryMetadata({ ctx: { db, actor: `cli:${process.env.USER ?? "unknown"}` }, input: {} }).finally(() => db.close());
    printRefresh(result);
  }
  const seen = new Map<string, string>();
  try {
    const summary = await runDiscovery({
      db,
      trigger: "cli",
      triggeredBy: `cli:${process.env.USER ?? "unknown"}`,
      onProgress: (progress) => {
        if (json) return;
        for (const [p, s] of Object.entries(progress)) {
          if (seen.get(p) === s.state || s.state === "pending") continue;
          seen.set(p, s.state);
          console.error(`  ${p}: ${s.state}${s.message ? ` (${s.message})` : ""}`);
        }
      },
    });
    await db.close();
    print(summary);
  } catch (err) {
    await db.close();
    if (err instanceof RunConflictError) fail(`${err.message}; wait for it to finish.`);
    throw err;
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));

// `npm run catalog:update -- <file or URL> [--dry-run]`: refreshes the prices, limits and capabilities of the models
// lib/catalog/catalog.json already has from a models.dev document, and prints what changed.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { catalogSchema } from "@/lib/catalog/schema";
import { formatCatalogChanges, updateCatalogFromFacts, type RawCatalog } from "@/lib/catalog/update";
import { metadataConfigFromEnv } from "@/lib/metadata/config";
import { fetchDocument } from "@/lib/metadata/fetch";
import { buildFactsIndex } from "@/lib/metadata/match";
import { parseModelsDev } from "@/lib/metadata/models-dev";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean", default: false }, catalog: { type: "string", default: "lib/catalog/catalog.json" } } });

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The document's text and date: a URL is fetched with the metadata limits, a file is read. */
async function readDocument(where: string): Promise<{ text: string; asOf: string }> {
  if (!/^https?:\/\//.test(where)) return { text: fs.readFileSync(where, "utf8"), asOf: fs.statSync(where).mtime.toISOString() };
  const config = metadataConfigFromEnv(process.env);
  const r = await fetchDocument(where, { timeoutMs: config.timeoutMs, maxBytes: config.maxBytes });
  if (r.kind !== "ok") fail(`${where}: ${r.kind === "error" ? r.message : "not modified"}`);
  const date = r.lastModified ? Date.parse(r.lastModified) : NaN;
  return { text: r.text, asOf: Number.isNaN(date) ? r.fetchedAt : new Date(date).toISOString() };
}

async function main(): Promise<void> {
  const where = positionals[0] ?? fail("usage: npm run catalog:update -- <models.dev api.json file or URL> [--dry-run] [--catalog path]");
  const { text, asOf } = await readDocument(where);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(`${where} is not JSON`);
  }
  const parsed = parseModelsDev(json, asOf);
  if (!parsed.ok) fail(`${where} was rejected: it ${parsed.message}`);
  const catalogPath = path.resolve(values.catalog);
  const raw = JSON.parse(fs.readFileSync(catalogPath, "utf8")) as RawCatalog;
  const { catalog, changes } = updateCatalogFromFacts(raw, buildFactsIndex("models.dev", asOf, parsed.facts), where);
  catalogSchema.parse(catalog); // never write a catalog the app would refuse at load
  console.log(formatCatalogChanges(changes));
  if (changes.length > 0 && !values["dry-run"]) {
    fs.writeFileSync(catalogPath, JSON.stringify(catalog, null, 2) + "\n");
    console.log(`\n${changes.length} change(s) written to ${path.relative(process.cwd(), catalogPath)}.`);
  } else if (changes.length > 0) console.log("\n--dry-run: nothing written.");
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));

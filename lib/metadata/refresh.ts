import { getMetadataSource, listMetadataSources, markMetadataChecked, recordMetadataError, saveMetadataDocument, type StoredMetadataSource } from "@/lib/db/metadata-sources-repo";
import type { Db } from "@/lib/db/types";
import { redact } from "@/lib/log";
import { metadataConfigFromEnv, type MetadataConfig } from "./config";
import { indexDocument, noFacts, PARSERS, type MetadataFacts } from "./facts";
import { fetchDocument } from "./fetch";
import { buildFactsIndex, type FactsIndex } from "./match";
import { METADATA_SOURCES, type MetadataSource } from "./types";

/** What became of one source: fetched anew, confirmed by a 304, failed (last good kept / none), off, or read from storage. */
export type SourceState = "fresh" | "not_modified" | "kept_last_good" | "failed_no_document" | "off" | "stored";

export interface SourceReport {
  source: MetadataSource;
  state: SourceState;
  entries: number;
  skipped: number;
  /** Date of the document in use, or null when none is. */
  as_of: string | null;
  /** Why this refresh could not use a new document (short, for the run log). */
  error?: string;
}

export interface MetadataWarning {
  source: MetadataSource;
  message: string;
}

export interface MetadataRefresh {
  facts: MetadataFacts;
  warnings: MetadataWarning[];
  sources: SourceReport[];
}

export interface RefreshOptions {
  env: Record<string, string | undefined>;
  fetch?: typeof fetch;
  now?: () => Date;
}

interface SourceOutcome {
  index: FactsIndex | null;
  report: SourceReport;
  warning?: MetadataWarning;
}

const usable = (row: StoredMetadataSource | null): row is StoredMetadataSource & { document: Record<string, unknown>; as_of: string } => !!row?.document && !!row.as_of;

const asOfFrom = (lastModified: string | null, fetchedAt: string) => {
  const t = lastModified ? Date.parse(lastModified) : NaN;
  return Number.isNaN(t) ? fetchedAt : new Date(t).toISOString();
};

/** A failure changes nothing stored but the error; the last good document, if any, stays in use. */
async function failed(db: Db, source: MetadataSource, url: string, stored: StoredMetadataSource | null, error: string, at: string): Promise<SourceOutcome> {
  const message = redact(error);
  await recordMetadataError(db, { source, url, error: message, at });
  const index = usable(stored) ? indexDocument(source, stored.document, stored.as_of) : null;
  if (index && usable(stored)) {
    const report: SourceReport = { source, state: "kept_last_good", entries: stored.entries, skipped: stored.skipped, as_of: stored.as_of, error: message };
    return { index, report, warning: { source, message: `${source}: ${message}; kept the document of ${stored.as_of.slice(0, 10)}` } };
  }
  const report: SourceReport = { source, state: "failed_no_document", entries: 0, skipped: 0, as_of: null, error: message };
  return { index: null, report, warning: { source, message: `${source}: ${message}; no document stored, so no figures from it` } };
}

async function refreshSource(db: Db, source: MetadataSource, url: string, config: MetadataConfig, opts: RefreshOptions): Promise<SourceOutcome> {
  const now = () => (opts.now?.() ?? new Date()).toISOString();
  const stored = await getMetadataSource(db, { source });
  // Validators belong to the URL they came from: after a URL change, ask unconditionally.
  const conditional = usable(stored) && stored.url === url;
  const result = await fetchDocument(url, {
    timeoutMs: config.timeoutMs, maxBytes: config.maxBytes, fetch: opts.fetch, now: opts.now,
    etag: conditional ? stored.etag : null, lastModified: conditional ? stored.last_modified : null,
  });
  if (result.kind === "error") return failed(db, source, url, stored, result.message, now());
  if (result.kind === "not_modified") {
    const index = conditional ? indexDocument(source, stored.document, stored.as_of) : null;
    if (!index || !usable(stored)) return failed(db, source, url, stored, "answered 304 Not Modified with no document stored", now());
    await markMetadataChecked(db, { source, checked_at: result.fetchedAt });
    return { index, report: { source, state: "not_modified", entries: stored.entries, skipped: stored.skipped, as_of: stored.as_of } };
  }
  let json: unknown;
  try {
    json = JSON.parse(result.text);
  } catch {
    return failed(db, source, url, stored, "answered a body that is not JSON", now());
  }
  const asOf = asOfFrom(result.lastModified, result.fetchedAt);
  const parsed = PARSERS[source](json, asOf);
  if (!parsed.ok) return failed(db, source, url, stored, `rejected the document: it ${parsed.message}`, now());
  await saveMetadataDocument(db, {
    source, url, document: parsed.document, etag: result.etag, last_modified: result.lastModified, as_of: asOf,
    fetched_at: result.fetchedAt, entries: parsed.entries, skipped: parsed.skipped,
  });
  const index = buildFactsIndex(source, asOf, parsed.facts);
  return { index, report: { source, state: "fresh", entries: parsed.entries, skipped: parsed.skipped, as_of: asOf } };
}

const offReport = (source: MetadataSource): SourceReport => ({ source, state: "off", entries: 0, skipped: 0, as_of: null });

function collect(outcomes: SourceOutcome[]): MetadataRefresh {
  const facts = noFacts();
  for (const o of outcomes) facts[o.report.source] = o.index;
  return { facts, warnings: outcomes.flatMap((o) => (o.warning ? [o.warning] : [])), sources: outcomes.map((o) => o.report) };
}

/**
 * Fetches every enabled metadata source (in parallel, conditionally) and answers their facts. A source that is
 * down, slow, oversized, malformed or the wrong shape changes nothing stored but its last error, yields a
 * warning naming it, and its last good document is used instead. Throws only for a bad setting (naming the
 * variable) or a database failure.
 */
export async function refreshMetadata(db: Db, opts: RefreshOptions): Promise<MetadataRefresh> {
  const config = metadataConfigFromEnv(opts.env);
  const outcomes = await Promise.all(
    METADATA_SOURCES.map((source) => {
      const url = config.urls[source];
      return url ? refreshSource(db, source, url, config, opts) : Promise.resolve({ index: null, report: offReport(source) });
    }),
  );
  return collect(outcomes);
}

/** The stored documents' facts without fetching anything; sources switched off in `env` (if given) are left out. */
export async function loadStoredMetadata(db: Db, opts: { env?: Record<string, string | undefined> } = {}): Promise<MetadataRefresh> {
  const urls = opts.env ? metadataConfigFromEnv(opts.env).urls : null;
  const rows = await listMetadataSources(db);
  const outcomes = METADATA_SOURCES.map((source): SourceOutcome => {
    if (urls && !urls[source]) return { index: null, report: offReport(source) };
    const row = rows.find((r) => r.source === source) ?? null;
    const index = usable(row) ? indexDocument(source, row.document, row.as_of) : null;
    if (!index || !usable(row)) return { index: null, report: { source, state: "failed_no_document", entries: 0, skipped: 0, as_of: null } };
    return { index, report: { source, state: "stored", entries: row.entries, skipped: row.skipped, as_of: row.as_of } };
  });
  return collect(outcomes);
}

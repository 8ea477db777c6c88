import { z } from "zod";
import { METADATA_SOURCES, type MetadataSource } from "@/lib/metadata/types";
import { toJson } from "./params";
import { nullableTimestampSchema, numberSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

// One row per metadata source (supabase/migrations/20261201000000_metadata_sources.sql).

const documentSchema = z
  .union([z.string().transform((s) => JSON.parse(s) as unknown), z.record(z.string(), z.unknown()), z.null()])
  .pipe(z.record(z.string(), z.unknown()).nullable());

const statusColumns = "source, url, etag, last_modified, as_of, fetched_at, checked_at, entries, skipped, last_error, last_error_at, updated_at";

export const metadataSourceStatusSchema = z.object({
  source: z.enum(METADATA_SOURCES),
  url: z.string().nullable(),
  etag: z.string().nullable(),
  last_modified: z.string().nullable(),
  as_of: nullableTimestampSchema,
  fetched_at: nullableTimestampSchema,
  checked_at: nullableTimestampSchema,
  entries: numberSchema,
  skipped: numberSchema,
  last_error: z.string().nullable(),
  last_error_at: nullableTimestampSchema,
  updated_at: timestampSchema,
});
/** What is known of a source without its document: validators, times, counts, the last error. */
export type MetadataSourceStatus = z.infer<typeof metadataSourceStatusSchema>;

const sourceRowSchema = metadataSourceStatusSchema.extend({ document: documentSchema });
/** A source's row with its last good document (null until a first good fetch). */
export type StoredMetadataSource = z.infer<typeof sourceRowSchema>;

/** One source's row with its document, or null when the source was never fetched. */
export async function getMetadataSource(db: Db, params: { source: MetadataSource }): Promise<StoredMetadataSource | null> {
  const rows = await db.query(`select ${statusColumns}, document from public.ai_metadata_sources where source = $1`, [params.source]);
  return rows[0] ? sourceRowSchema.parse(rows[0]) : null;
}

/** Every source's row with its document. */
export async function listMetadataSources(db: Db): Promise<StoredMetadataSource[]> {
  const rows = await db.query(`select ${statusColumns}, document from public.ai_metadata_sources order by source`);
  return rows.map((r) => sourceRowSchema.parse(r));
}

/** Every source's status, without the (large) documents: for status pages and logs. */
export async function listMetadataSourceStatus(db: Db): Promise<MetadataSourceStatus[]> {
  const rows = await db.query(`select ${statusColumns} from public.ai_metadata_sources order by source`);
  return rows.map((r) => metadataSourceStatusSchema.parse(r));
}

export interface SaveMetadataDocumentParams {
  source: MetadataSource;
  url: string;
  /** The document filtered to our providers, in its own format. */
  document: Record<string, unknown>;
  etag: string | null;
  last_modified: string | null;
  as_of: string;
  fetched_at: string;
  entries: number;
  skipped: number;
}

/** Replaces a source's last good document and clears its last error. */
export async function saveMetadataDocument(db: Db, params: SaveMetadataDocumentParams): Promise<void> {
  await db.query(
    `insert into public.ai_metadata_sources
       (source, url, document, etag, last_modified, as_of, fetched_at, checked_at, entries, skipped, last_error, last_error_at, updated_at)
     values ($1, $2, $3::jsonb, $4, $5, $6, $7, $7, $8, $9, null, null, now())
     on conflict (source) do update set url = excluded.url, document = excluded.document, etag = excluded.etag,
       last_modified = excluded.last_modified, as_of = excluded.as_of, fetched_at = excluded.fetched_at,
       checked_at = excluded.checked_at, entries = excluded.entries, skipped = excluded.skipped,
       last_error = null, last_error_at = null, updated_at = now()`,
    [params.source, params.url, toJson(params.document), params.etag, params.last_modified, params.as_of, params.fetched_at, params.entries, params.skipped],
  );
}

/** Records that the stored document is still current (the source answered 304). */
export async function markMetadataChecked(db: Db, params: { source: MetadataSource; checked_at: string }): Promise<void> {
  await db.query(
    "update public.ai_metadata_sources set checked_at = $2, last_error = null, last_error_at = null, updated_at = now() where source = $1",
    [params.source, params.checked_at],
  );
}

/** Records a failed fetch or a rejected document; the stored document and its validators stay as they were. */
export async function recordMetadataError(db: Db, params: { source: MetadataSource; url: string; error: string; at: string }): Promise<void> {
  await db.query(
    `insert into public.ai_metadata_sources (source, url, last_error, last_error_at, checked_at, updated_at)
     values ($1, $2, $3, $4, $4, now())
     on conflict (source) do update set last_error = excluded.last_error, last_error_at = excluded.last_error_at,
       checked_at = excluded.checked_at, updated_at = now()`,
    [params.source, params.url, params.error.slice(0, 500), params.at],
  );
}

import { randomUUID } from "node:crypto";
import { inBatches } from "./batches";
import type { CopyValue } from "./copy-text";
import { emptyProvenance } from "./facts-columns";
import type { ModelRow } from "./model-row";
import type { ModelWrite } from "./models-repo";
import { sharedJson, toJson, toTextArray } from "./params";
import type { Db } from "./types";

/** The one insert shape: what a run writes, every figure optional, plus where the row came from. */
export type NewModel = Pick<ModelWrite, "provider" | "model_name" | "model_type"> &
  Partial<Omit<ModelWrite, "provider" | "model_name" | "model_type">> & {
    is_active?: boolean;
    is_default?: boolean;
    deactivation_reason?: string | null;
    source?: ModelRow["source"];
    last_validated_at?: Date | null;
  };

// Columns whose values repeat across models (a few capability sets, prices, provenances): sent once each.
const SHARED = ["capabilities", "pricing", "provenance"] as const;

// The columns an insert writes (deactivated_at aside: the database's now() for an inactive row), in insertRecord's
// order, with their types: the statement's record type and the COPY's encoding both come from this one list.
const INSERT_COLUMNS = [
  ["id", "uuid"], ["provider", "text"], ["model_name", "text"], ["display_name", "text"], ["model_type", "text"],
  ["family", "text"], ["version_rank", "numeric"], ["is_preview", "boolean"], ["needs_review", "boolean"], ["capabilities", "jsonb"],
  ["pricing", "jsonb"], ["max_tokens", "integer"], ["context_window", "integer"], ["aliases", "text[]"],
  ["release_date", "date"], ["shutdown_date", "date"], ["successor", "text"], ["metadata", "jsonb"], ["provenance", "jsonb"],
  ["is_active", "boolean"], ["is_default", "boolean"], ["deactivation_reason", "text"], ["source", "text"],
  ["last_validated_at", "timestamptz"], ["confirmed_at", "timestamptz"],
] as const;
const COLUMN_LIST = INSERT_COLUMNS.map(([c]) => c).join(", ");

// One record type for jsonb_to_recordset, so a batch is one statement; a shared column is its value's index.
const INSERT_RECORD = INSERT_COLUMNS.map(([c, type]) => `${c} ${(SHARED as readonly string[]).includes(c) ? "integer" : type}`).join(", ");

type InsertRecord = Record<string, unknown> & { id: string; is_active: boolean };

function insertRecord(m: NewModel, id: string): InsertRecord {
  return {
    id, provider: m.provider, model_name: m.model_name, display_name: m.display_name ?? null, model_type: m.model_type,
    family: m.family ?? null, version_rank: m.version_rank ?? 0, is_preview: m.is_preview ?? false,
    needs_review: m.needs_review ?? false, capabilities: m.capabilities ?? {},
    pricing: m.pricing ?? { input_per_mtok: null, output_per_mtok: null }, max_tokens: m.max_tokens ?? null,
    context_window: m.context_window ?? null, aliases: m.aliases ?? [], release_date: m.release_date ?? null,
    shutdown_date: m.shutdown_date ?? null, successor: m.successor ?? null, metadata: m.metadata ?? {},
    provenance: m.provenance ?? emptyProvenance(),
    is_active: m.is_active ?? true, is_default: m.is_default ?? false, deactivation_reason: m.deactivation_reason ?? null,
    source: m.source ?? "catalog", last_validated_at: m.last_validated_at?.toISOString() ?? null,
    // Only a listing confirms a model: a discovered row is confirmed when it is validated.
    confirmed_at: m.source === "discovery" ? (m.last_validated_at?.toISOString() ?? null) : null,
  };
}

// From how many rows PostgreSQL takes a COPY: below, one insert statement is fewer round trips. PGlite always takes
// the statement: its COPY of thousands of rows into this table was several times slower than the insert.
const COPY_FROM = 100;

/**
 * Inserts models and answers their ids, in order; a duplicate (provider, model_name) violates the unique constraint.
 * The ids are made here: PGlite's gen_random_uuid() opens /dev/urandom once a row, and no id comes back to parse.
 */
export async function insertModels(db: Db, models: readonly NewModel[]): Promise<string[]> {
  const records = models.map((m) => insertRecord(m, randomUUID()));
  if (db.kind !== "postgres" || records.length < COPY_FROM) return inBatches(records, (batch) => insertBatch(db, batch));
  await copyModels(db, records);
  return records.map((r) => r.id);
}

const COPY_TARGET = `public.ai_model_configs (${COLUMN_LIST})`;

/** A record's value of a column as COPY text reads it: jsonb and text[] as their literals. */
function copyValue(value: unknown, type: (typeof INSERT_COLUMNS)[number][1]): CopyValue {
  if (type === "jsonb") return toJson(value);
  if (type === "text[]") return toTextArray(value as string[]);
  return value as CopyValue;
}

/**
 * The same rows as insertBatch, by one COPY (no 20 MB JSON parameter to parse and unpack): an inactive row's
 * deactivated_at the transaction's now() as the statement sets it, written after the COPY so the COPY is the
 * first statement sent (a run plans its next provider meanwhile).
 */
async function copyModels(db: Db, records: readonly InsertRecord[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.copyIn(COPY_TARGET, records.map((r) => INSERT_COLUMNS.map(([c, type]) => copyValue(r[c], type))));
    const inactive = records.filter((r) => !r.is_active).map((r) => r.id);
    if (inactive.length > 0) {
      await tx.query("update public.ai_model_configs set deactivated_at = now() where id = any($1::text[]::uuid[])", [toTextArray(inactive)]);
    }
  });
}

/** Inserts one batch of records and answers their ids (its shared columns become indexes into one JSON array). */
async function insertBatch(db: Db, batch: readonly InsertRecord[]): Promise<string[]> {
  const shared = sharedJson(batch, SHARED);
  await db.query(
    `insert into public.ai_model_configs (${COLUMN_LIST}, deactivated_at)
     select id, provider, model_name, display_name, model_type, family, version_rank, is_preview, needs_review,
       $2::jsonb -> x.capabilities, $2::jsonb -> x.pricing, max_tokens, context_window, coalesce(aliases, '{}'),
       release_date, shutdown_date, successor, metadata, $2::jsonb -> x.provenance, is_active, is_default,
       deactivation_reason, source, last_validated_at, confirmed_at, case when is_active then null else now() end
     from jsonb_to_recordset($1::jsonb) as x(${INSERT_RECORD})`,
    [toJson(batch), shared],
  );
  return batch.map((r) => r.id);
}

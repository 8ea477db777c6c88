import type { DefaultTier, Pricing, Provider, Tier } from "@/lib/domain";
import type { Provenance } from "./facts-columns";
import { MODEL_COLUMNS, modelColumnsArray, parseModelRows, parsePlanRows, PLAN_COLUMNS, rowsFromArrays, type ModelRow, type PlanRow } from "./model-row";
import { inBatches } from "./batches";
import { insertModels, type NewModel } from "./models-insert-repo";
import { isUuid, toJson, toTextArray } from "./params";
import type { Db } from "./types";

export { MODEL_COLUMNS, modelRowSchema, parseModelRows, type ModelRow, type PlanRow } from "./model-row";
export { insertModels, type NewModel } from "./models-insert-repo";

/** The columns a run writes for one model (see lib/discovery/enrich.ts). */
export interface ModelWrite {
  provider: Provider;
  model_name: string;
  display_name: string | null;
  model_type: Tier;
  family: string | null;
  version_rank: number;
  is_preview: boolean;
  needs_review: boolean;
  capabilities: Record<string, boolean | null>;
  pricing: Pricing;
  /** Where each group of figures came from (CONTRACT §7). */
  provenance?: Provenance;
  max_tokens: number | null;
  context_window: number | null;
  aliases: string[];
  release_date: string | null;
  shutdown_date: string | null;
  successor: string | null;
  metadata: Record<string, unknown>;
}

export interface ListModelsParams {
  provider?: Provider;
  tier?: Tier;
  active?: boolean;
}

/** Models in a stable order: provider, tier, newest generation first, then name. */
export async function listModels(db: Db, params: ListModelsParams = {}): Promise<ModelRow[]> {
  const rows = await db.query(
    `select ${MODEL_COLUMNS} from public.ai_model_configs
     where ($1::text is null or provider = $1) and ($2::text is null or model_type = $2)
       and ($3::boolean is null or is_active = $3)
     order by ${MODEL_ORDER}`,
    [params.provider ?? null, params.tier ?? null, params.active ?? null],
  );
  return parseModelRows(rows);
}

// The order every list of models is answered in: provider, tier, newest generation first, then name.
const MODEL_ORDER = `array_position(array['openai','anthropic','google','mistral'], provider),
  array_position(array['flagship','fast','legacy'], model_type), version_rank desc, model_name`;

/**
 * Every model, in listModels' order, without its raw provider data (metadata, read as {}), which no answer from
 * the snapshot carries and which is most of a row's bytes: one JSON document of one array per row, as the plan's
 * read (several times faster than rows on PGlite for thousands of models).
 */
export async function listModelsForSnapshot(db: Db): Promise<ModelRow[]> {
  const [row] = await db.query<{ doc: string }>(
    `select coalesce(json_agg(${modelColumnsArray({ metadata: "'{}'::json" })} order by ${MODEL_ORDER}), '[]')::text as doc
     from public.ai_model_configs`,
  );
  return parseModelRows(rowsFromArrays(JSON.parse(row.doc) as unknown[][]));
}

/** The current defaults (at most one per provider and tier, by constraint). */
export async function listDefaults(db: Db): Promise<ModelRow[]> {
  return parseModelRows(await db.query(`select ${MODEL_COLUMNS} from public.ai_model_configs where is_default`));
}

export async function countModels(db: Db): Promise<number> {
  const [row] = await db.query<{ n: unknown }>("select count(*)::int as n from public.ai_model_configs");
  return Number(row.n);
}

/** One model by id; undefined for an unknown or malformed id. */
export async function getModelById(db: Db, id: string): Promise<ModelRow | undefined> {
  if (!isUuid(id)) return undefined;
  return parseModelRows(await db.query(`select ${MODEL_COLUMNS} from public.ai_model_configs where id = $1::uuid`, [id]))[0];
}

/** The current default of one slot, if it has one. */
export async function getSlotDefault(db: Db, provider: Provider, tier: DefaultTier): Promise<ModelRow | undefined> {
  const rows = await db.query(
    `select ${MODEL_COLUMNS} from public.ai_model_configs where provider = $1 and model_type = $2 and is_default`,
    [provider, tier],
  );
  return parseModelRows(rows)[0];
}

/**
 * Every model, for planning a run: one JSON document of one array per row instead of rows (several times faster
 * on PGlite for thousands of models); the previous run's listing facts (metadata.discovery) are left out, a run
 * rewrites them, and so are the timestamps no plan reads (PlanRow), a sixth of the document to build and parse.
 * One provider's models only when it is named.
 */
export async function listRegistryForPlan(db: Db, provider?: Provider): Promise<PlanRow[]> {
  const [row] = await db.query<{ doc: string }>(
    `select coalesce(json_agg(${modelColumnsArray({ metadata: "metadata - 'discovery'" }, PLAN_COLUMNS)}), '[]')::text as doc
     from public.ai_model_configs where $1::text is null or provider = $1`,
    [provider ?? null],
  );
  return parsePlanRows(rowsFromArrays(JSON.parse(row.doc) as unknown[][], PLAN_COLUMNS));
}

// One record type for jsonb_to_recordset, so a whole batch is one statement.
const RECORD = `provider text, model_name text, display_name text, model_type text, family text, version_rank numeric,
  is_preview boolean, needs_review boolean, capabilities jsonb, pricing jsonb, max_tokens integer, context_window integer,
  aliases text[], release_date date, shutdown_date date, successor text, metadata jsonb, provenance jsonb`;
/** Inserts one model (see insertModels) and answers its row. */
export async function insertModel(db: Db, m: NewModel): Promise<ModelRow> {
  const [id] = await insertModels(db, [m]);
  return (await getModelById(db, id))!;
}

/** A listed model's refresh: its values, and inactive (with the reason) when its shutdown date has passed. */
export type ListedRefresh = ModelWrite & { id: string; is_active?: boolean; deactivation_reason?: string | null };

/**
 * Refreshes listed models (a statement per batch): figures, tier, metadata; active again unless retired (its
 * deactivation time kept if it had one); validated and confirmed by this complete listing now.
 */
export async function refreshListedModels(db: Db, models: readonly ListedRefresh[]): Promise<number> {
  return (await inBatches(models, (batch) => refreshBatch(db, batch))).length;
}

async function refreshBatch(db: Db, models: readonly ListedRefresh[]): Promise<unknown[]> {
  const rows = await db.query(
    `update public.ai_model_configs c set display_name = x.display_name, model_type = x.model_type,
       family = x.family, version_rank = x.version_rank, is_preview = x.is_preview, needs_review = x.needs_review,
       capabilities = x.capabilities, pricing = x.pricing, max_tokens = x.max_tokens,
       context_window = x.context_window, aliases = coalesce(x.aliases, '{}'), release_date = x.release_date,
       shutdown_date = x.shutdown_date, successor = x.successor, metadata = x.metadata,
       provenance = coalesce(x.provenance, c.provenance),
       is_active = coalesce(x.is_active, true),
       deactivated_at = case when coalesce(x.is_active, true) then null else coalesce(c.deactivated_at, now()) end,
       deactivation_reason = case when coalesce(x.is_active, true) then null else x.deactivation_reason end,
       last_validated_at = now(), confirmed_at = now()
     from jsonb_to_recordset($1::jsonb) as x(id uuid, ${RECORD}, is_active boolean, deactivation_reason text)
     where c.id = x.id
     returning c.id`,
    [toJson(models)],
  );
  return rows;
}

/** Listed models whose values did not change: validated and confirmed now, nothing else rewritten. */
export async function touchModels(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.query(
    "update public.ai_model_configs set last_validated_at = now(), confirmed_at = now() where id = any($1::text[]::uuid[]) returning id",
    [toTextArray(ids)],
  );
  return rows.length;
}

/**
 * Marks models inactive (history kept) with the reason; a default among them loses its default and pin in
 * the same write.
 */
export async function deactivateModels(db: Db, ids: readonly string[], reason = "no longer listed"): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.query(
    `update public.ai_model_configs set is_active = false, is_default = false, is_pinned = false,
       deactivated_at = now(), deactivation_reason = $2
     where id = any($1::text[]::uuid[]) returning id`,
    [toTextArray(ids), reason],
  );
  return rows.length;
}

/** An admin's classification: tier and family set, review cleared, remembered against later runs. */
export async function classifyModel(db: Db, id: string, tier: Tier, family: string | null | undefined): Promise<ModelRow> {
  const rows = await db.query(
    `update public.ai_model_configs set model_type = $2, family = coalesce($3, family), needs_review = false,
       metadata = metadata || jsonb_build_object('classified_by', 'admin')
     where id = $1::uuid returning ${MODEL_COLUMNS}`,
    [id, tier, family ?? null],
  );
  return parseModelRows(rows)[0];
}

/** Serialises registry writers (a run's write, admin changes) for the rest of the caller's transaction. */
export async function lockRegistry(tx: Db): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('amm.registry'))");
}

/** Clears the default (and pin) of one slot. Only lib/registry/move-defaults.ts calls this. */
export async function clearDefault(db: Db, provider: Provider, tier: DefaultTier): Promise<void> {
  await db.query(
    `update public.ai_model_configs set is_default = false, is_pinned = false
     where provider = $1 and model_type = $2 and is_default`,
    [provider, tier],
  );
}

/** Makes a model the default of its slot (the slot must be clear: the unique index says so). Only move-defaults.ts calls this. */
export async function setDefault(db: Db, provider: Provider, modelName: string, tier: DefaultTier, pinned = false): Promise<ModelRow> {
  const rows = await db.query(
    `update public.ai_model_configs set is_default = true, is_pinned = $4
     where provider = $1 and model_name = $2 and model_type = $3
     returning ${MODEL_COLUMNS}`,
    [provider, modelName, tier, pinned],
  );
  const row = parseModelRows(rows)[0];
  if (!row) throw new Error(`setDefault: ${provider}/${modelName} is not a ${tier} model`);
  return row;
}

/** Lifts a model's pin (its default, if any, stays until the slot is re-picked). */
export async function clearPin(db: Db, id: string): Promise<void> {
  await db.query("update public.ai_model_configs set is_pinned = false where id = $1::uuid", [id]);
}

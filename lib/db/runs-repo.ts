import { z } from "zod";
import { ConflictError } from "@/lib/errors";
import { isUuid, toTextArray } from "./params";
import { runLogColumns, type AddedModel, type DeprecatedModel, type RunError, type RunProgress, type RunWarning } from "./run-log";
import { nullableTimestampSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

export const runStatusSchema = z.enum(["running", "success", "partial", "failed"]);
export type RunStatus = z.infer<typeof runStatusSchema>;
export const runTriggerSchema = z.enum(["cron", "admin", "cli", "manual"]);
export type RunTrigger = z.infer<typeof runTriggerSchema>;

export const runRowSchema = z.object({
  id: z.string(),
  run_date: timestampSchema,
  started_at: timestampSchema,
  finished_at: nullableTimestampSchema,
  trigger: runTriggerSchema,
  triggered_by: z.string().nullable(),
  status: runStatusSchema,
  lease_expires_at: nullableTimestampSchema,
  models_discovered: z.number().int(),
  models_added: z.number().int(),
  models_deprecated: z.number().int(),
  models_reactivated: z.number().int(),
  models_set_aside: z.number().int(),
  providers_checked: z.array(z.string()),
  ...runLogColumns,
  execution_time_ms: z.number().int().nullable(),
  created_at: timestampSchema,
});
/** One row of ai_model_update_logs: a discovery run. */
export type RunRow = z.infer<typeof runRowSchema>;

export const RUN_COLUMNS = `id::text as id, run_date, started_at, finished_at, trigger, triggered_by, status,
  lease_expires_at, models_discovered, models_added, models_deprecated, models_reactivated, models_set_aside,
  providers_checked, progress, provider_results, added_models, deprecated_models, default_changes, warnings,
  errors, execution_time_ms, created_at`;

export function parseRunRows(rows: unknown[]): RunRow[] {
  return rows.map((r) => runRowSchema.parse(r));
}

/** The newest runs first. */
export async function listRuns(db: Db, params: { limit: number }): Promise<RunRow[]> {
  const rows = await db.query(
    `select ${RUN_COLUMNS} from public.ai_model_update_logs order by run_date desc, created_at desc limit $1`,
    [params.limit],
  );
  return parseRunRows(rows);
}

/** One run by id; undefined for an unknown or malformed id. */
export async function getRun(db: Db, id: string): Promise<RunRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.query(`select ${RUN_COLUMNS} from public.ai_model_update_logs where id = $1::uuid`, [id]);
  return parseRunRows(rows)[0];
}

/** A discovery run is already under way (the database allows one at a time); the answer carries its run_id. */
export class RunConflictError extends ConflictError {
  constructor(readonly runId: string) {
    super(`A discovery run is already under way (run ${runId})`, { details: { run_id: runId } });
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  return e?.code === "23505" || /ai_model_update_logs_one_running|duplicate key/.test(String(e?.message ?? ""));
}

/** Marks runs whose lease ran out (their process died) as failed, so a new run may start. */
export async function expireStaleRuns(db: Db): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `update public.ai_model_update_logs set status = 'failed', finished_at = now(), lease_expires_at = null,
       errors = errors || jsonb_build_array(jsonb_build_object('provider', null, 'message', 'lease expired: the run stopped without finishing')),
       execution_time_ms = (extract(epoch from (now() - started_at)) * 1000)::int
     where status = 'running' and (lease_expires_at is null or lease_expires_at < now())
     returning id::text as id`,
  );
  return rows.map((r) => r.id);
}

export interface StartRunParams {
  trigger: RunTrigger;
  triggeredBy?: string | null;
  leaseMs: number;
  progress: RunProgress;
}

/**
 * Opens a run row with status running and a lease. A live running run → RunConflictError carrying its id;
 * an expired one is marked failed first.
 */
export async function startRun(db: Db, p: StartRunParams): Promise<RunRow> {
  await expireStaleRuns(db);
  try {
    const rows = await db.query(
      `insert into public.ai_model_update_logs (trigger, triggered_by, status, lease_expires_at, progress)
       values ($1, $2, 'running', now() + make_interval(secs => $3::double precision / 1000), $4::jsonb)
       returning ${RUN_COLUMNS}`,
      [p.trigger, p.triggeredBy ?? null, p.leaseMs, JSON.stringify(p.progress)],
    );
    return parseRunRows(rows)[0];
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // The run that held the slot may finish between our insert and this read: then it is the newest run.
    const [running] = await db.query<{ id: string }>(
      `select id::text as id from public.ai_model_update_logs
       order by (status = 'running') desc, started_at desc limit 1`,
    );
    throw new RunConflictError(running?.id ?? "unknown");
  }
}

/** Writes a running run's progress and extends its lease; false when the run is no longer running. */
export async function updateRunProgress(
  db: Db,
  id: string,
  progress: RunProgress,
  leaseMs: number,
): Promise<boolean> {
  const rows = await db.query(
    `update public.ai_model_update_logs set progress = $2::jsonb,
       lease_expires_at = now() + make_interval(secs => $3::double precision / 1000)
     where id = $1::uuid and status = 'running' returning id`,
    [id, JSON.stringify(progress), leaseMs],
  );
  return rows.length > 0;
}

/** What a run counted: columns of its row, and fields of its summary (lib/discovery/summary.ts). */
export interface RunCounts {
  models_discovered: number;
  models_added: number;
  models_deprecated: number;
  models_reactivated: number;
  models_set_aside: number;
}

export interface FinishRunParams extends RunCounts {
  status: Exclude<RunStatus, "running">;
  providers_checked: string[];
  progress: RunProgress;
  provider_results: z.infer<typeof runLogColumns.provider_results>;
  added_models: AddedModel[];
  deprecated_models: DeprecatedModel[];
  default_changes: z.infer<typeof runLogColumns.default_changes>;
  warnings: RunWarning[];
  errors: RunError[];
  execution_time_ms: number;
}

/** Closes a run with its outcome (inside the apply transaction, or alone after a rollback). */
export async function finishRun(
  db: Db,
  id: string,
  f: FinishRunParams,
  options: { onlyIfRunning?: boolean } = {},
): Promise<RunRow | undefined> {
  const rows = await db.query(
    `update public.ai_model_update_logs set status = $2, finished_at = now(), lease_expires_at = null,
       models_discovered = $3, models_added = $4, models_deprecated = $5, models_reactivated = $6,
       models_set_aside = $7, providers_checked = $8::text[], progress = $9::jsonb, provider_results = $10::jsonb,
       added_models = $11::jsonb, deprecated_models = $12::jsonb, default_changes = $13::jsonb,
       warnings = $14::jsonb, errors = $15::jsonb, execution_time_ms = $16
     where id = $1::uuid and (not $17::boolean or status = 'running') returning ${RUN_COLUMNS}`,
    [
      id, f.status, f.models_discovered, f.models_added, f.models_deprecated, f.models_reactivated,
      f.models_set_aside, toTextArray(f.providers_checked), JSON.stringify(f.progress),
      JSON.stringify(f.provider_results), JSON.stringify(f.added_models), JSON.stringify(f.deprecated_models),
      JSON.stringify(f.default_changes), JSON.stringify(f.warnings), JSON.stringify(f.errors), f.execution_time_ms,
      options.onlyIfRunning ?? false,
    ],
  );
  return parseRunRows(rows)[0];
}

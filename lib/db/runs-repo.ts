import { z } from "zod";
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
  progress: z.record(z.string(), z.unknown()),
  provider_results: z.record(z.string(), z.unknown()),
  added_models: z.array(z.unknown()),
  deprecated_models: z.array(z.unknown()),
  default_changes: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
  errors: z.array(z.unknown()),
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
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const rows = await db.query(`select ${RUN_COLUMNS} from public.ai_model_update_logs where id = $1::uuid`, [id]);
  return parseRunRows(rows)[0];
}

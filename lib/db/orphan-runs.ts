import type { Db } from "./types";

/**
 * Marks every running run failed. Only for a database that this process alone can reach (PGlite on disk,
 * held under its directory lock): a run left running there belongs to a process that died.
 */
export async function failOrphanRuns(db: Db): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `update public.ai_model_update_logs set status = 'failed', finished_at = now(), lease_expires_at = null,
       errors = errors || jsonb_build_array(jsonb_build_object('provider', null, 'message', 'the process stopped without finishing the run')),
       execution_time_ms = (extract(epoch from (now() - started_at)) * 1000)::int
     where status = 'running'
     returning id::text as id`,
  );
  return rows.map((r) => r.id);
}

/** Marks one run failed if it is still running (the server is stopping under it); true when it was. */
export async function failRunningRun(db: Db, id: string, message: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update public.ai_model_update_logs set status = 'failed', finished_at = now(), lease_expires_at = null,
       errors = errors || jsonb_build_array(jsonb_build_object('provider', null, 'message', $2::text)),
       execution_time_ms = (extract(epoch from (now() - started_at)) * 1000)::int
     where id = $1::uuid and status = 'running'
     returning id::text as id`,
    [id, message],
  );
  return rows.length > 0;
}

// Set-up shared by the health and metrics tests: a finished run in the registry's run log.
import { startRun } from "@/lib/db/runs-repo";
import type { Db } from "@/lib/db/types";

const done = { state: "done", pages: 1, models_seen: 3 };
const failed = { state: "failed", pages: 0, models_seen: 0, message: "401" };

/** A partial run that took 4.2 s and reached three of the four providers, finished `ageSeconds` ago. */
export async function recordPartialRun(db: Db, ageSeconds = 600): Promise<string> {
  await db.query("delete from public.ai_model_update_logs");
  const run = await startRun(db, { trigger: "cli", leaseMs: 60_000, progress: { openai: done, anthropic: done, google: done, mistral: failed } as never });
  await db.query(
    `update public.ai_model_update_logs set status = 'partial', lease_expires_at = null, execution_time_ms = 4200,
       run_date = now() - make_interval(secs => $2::double precision), finished_at = now() where id = $1::uuid`,
    [run.id, ageSeconds],
  );
  return run.id;
}

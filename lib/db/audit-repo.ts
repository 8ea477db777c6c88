import { z } from "zod";
import { providerSchema, tierSchema, type Provider, type Tier } from "@/lib/domain";
import { isUuid } from "./params";
import { timestampSchema } from "./rows";
import type { Db } from "./types";

export const defaultChangeRowSchema = z.object({
  id: z.string(),
  provider: providerSchema,
  model_type: tierSchema,
  from_model: z.string().nullable(),
  to_model: z.string().nullable(),
  reason: z.string(),
  changed_by: z.string(),
  run_id: z.string().nullable(),
  created_at: timestampSchema,
});
/** One row of ai_model_default_changes: who moved which default, when and why. */
export type DefaultChangeRow = z.infer<typeof defaultChangeRowSchema>;

const COLUMNS = "id::text as id, provider, model_type, from_model, to_model, reason, changed_by, run_id::text as run_id, created_at";

/** Records default changes (one row each, by one actor, of one run if any) in one statement. */
export async function insertDefaultChanges(
  db: Db,
  changes: readonly { provider: Provider; model_type: Tier; from: string | null; to: string | null; reason: string }[],
  by: { changedBy: string; runId?: string | null },
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) => ({
    provider: c.provider, model_type: c.model_type, from_model: c.from, to_model: c.to, reason: c.reason,
    changed_by: by.changedBy, run_id: by.runId ?? null,
  }));
  await db.query(
    `insert into public.ai_model_default_changes (provider, model_type, from_model, to_model, reason, changed_by, run_id)
     select provider, model_type, from_model, to_model, reason, changed_by, run_id
     from jsonb_to_recordset($1::jsonb) as x(provider text, model_type text, from_model text, to_model text,
       reason text, changed_by text, run_id uuid)`,
    [JSON.stringify(rows)],
  );
}

/** Default changes of one slot (or all), newest first. */
export async function listDefaultChanges(
  db: Db,
  params: { provider?: Provider; model_type?: Tier; limit?: number } = {},
): Promise<DefaultChangeRow[]> {
  const rows = await db.query(
    `select ${COLUMNS} from public.ai_model_default_changes
     where ($1::text is null or provider = $1) and ($2::text is null or model_type = $2)
     order by created_at desc, id limit $3`,
    [params.provider ?? null, params.model_type ?? null, params.limit ?? 50],
  );
  return rows.map((r) => defaultChangeRowSchema.parse(r));
}

/** One default change by id; undefined for an unknown or malformed id. */
export async function getDefaultChange(db: Db, id: string): Promise<DefaultChangeRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.query(`select ${COLUMNS} from public.ai_model_default_changes where id = $1::uuid`, [id]);
  return rows.map((r) => defaultChangeRowSchema.parse(r))[0];
}

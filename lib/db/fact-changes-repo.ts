import { z } from "zod";
import { providerSchema, type Provider } from "@/lib/domain";
import { toJson } from "./params";
import { timestampSchema } from "./rows";
import type { Db } from "./types";

// ai_model_fact_changes: who changed which figure of which model (admin overrides, metadata refreshes).

export const factChangeRowSchema = z.object({
  id: z.string(),
  model_id: z.string().nullable(),
  provider: providerSchema,
  model_name: z.string(),
  field: z.string(),
  from_value: z.unknown(),
  to_value: z.unknown(),
  source: z.string(),
  changed_by: z.string(),
  created_at: timestampSchema,
});
/** One audited change of one figure. */
export type FactChangeRow = z.infer<typeof factChangeRowSchema>;

export interface FactChange {
  model_id: string;
  provider: Provider;
  model_name: string;
  /** The figure, e.g. `pricing.input_per_mtok` or `overrides.context_window`. */
  field: string;
  from: unknown;
  to: unknown;
  source: string;
}

/** Records figure changes, one row each, by one actor, in one statement. */
export async function insertFactChanges(db: Db, changes: readonly FactChange[], by: { changedBy: string }): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c) => ({
    model_id: c.model_id, provider: c.provider, model_name: c.model_name, field: c.field,
    from_value: c.from ?? null, to_value: c.to ?? null, source: c.source, changed_by: by.changedBy,
  }));
  await db.query(
    `insert into public.ai_model_fact_changes (model_id, provider, model_name, field, from_value, to_value, source, changed_by)
     select model_id, provider, model_name, field, from_value, to_value, source, changed_by
     from jsonb_to_recordset($1::jsonb) as x(model_id uuid, provider text, model_name text, field text,
       from_value jsonb, to_value jsonb, source text, changed_by text)`,
    [toJson(rows)],
  );
}

/** A model's audited figure changes, newest first. */
export async function listFactChanges(db: Db, params: { modelId: string; limit?: number }): Promise<FactChangeRow[]> {
  const rows = await db.query(
    `select id::text as id, model_id::text as model_id, provider, model_name, field, from_value, to_value, source,
       changed_by, created_at
     from public.ai_model_fact_changes where model_id = $1::uuid order by created_at desc, id limit $2`,
    [params.modelId, params.limit ?? 100],
  );
  return rows.map((r) => factChangeRowSchema.parse(r));
}

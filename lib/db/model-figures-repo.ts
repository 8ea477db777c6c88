import type { Overrides, Provenance } from "./facts-columns";
import type { ModelWrite } from "./models-repo";
import { toJson } from "./params";
import type { Db } from "./types";

/** A model's decided figures and their provenance (see lib/discovery/precedence.ts). */
export interface FiguresWrite {
  id: string;
  pricing: ModelWrite["pricing"];
  capabilities: ModelWrite["capabilities"];
  max_tokens: number | null;
  context_window: number | null;
  provenance: Provenance;
}

/** Rewrites the figures and provenance of models in one statement (a metadata refresh, an override); answers how many. */
export async function updateFigures(db: Db, rows: readonly FiguresWrite[]): Promise<number> {
  if (rows.length === 0) return 0;
  const updated = await db.query(
    `update public.ai_model_configs c set pricing = x.pricing, capabilities = x.capabilities, max_tokens = x.max_tokens,
       context_window = x.context_window, provenance = x.provenance
     from jsonb_to_recordset($1::jsonb) as x(id uuid, pricing jsonb, capabilities jsonb, max_tokens integer,
       context_window integer, provenance jsonb)
     where c.id = x.id
     returning c.id`,
    [toJson(rows)],
  );
  return updated.length;
}

/** Sets a model's answered successor and the one its sources state (kept for when an admin's is cleared). */
export async function writeSuccessor(db: Db, id: string, successor: string | null, stated: string | null): Promise<void> {
  await db.query(
    "update public.ai_model_configs set successor = $2, metadata = metadata || jsonb_build_object('stated_successor', $3::text) where id = $1::uuid",
    [id, successor, stated],
  );
}

/** Replaces a model's overrides (the admin's figures). */
export async function writeOverrides(db: Db, id: string, overrides: Overrides): Promise<void> {
  await db.query("update public.ai_model_configs set overrides = $2::jsonb where id = $1::uuid", [id, toJson(overrides)]);
}

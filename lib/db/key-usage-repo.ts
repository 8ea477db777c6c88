import { z } from "zod";
import { toJson } from "./params";
import { nullableTimestampSchema, numberSchema } from "./rows";
import type { Db } from "./types";

export const USAGE_KINDS = ["slot", "route", "select"] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** Reads of one key of one target on one day (UTC), as counted in memory and added up here. */
export interface UsageCount {
  key_id: string;
  day: string;
  kind: UsageKind;
  target: string;
  count: number;
}

/** Per target, which keys read it in a window, and how often. */
export const usageByTargetRowSchema = z.object({
  kind: z.enum(USAGE_KINDS),
  target: z.string(),
  key_id: z.string(),
  name: z.string(),
  revoked_at: nullableTimestampSchema,
  count: numberSchema,
});
export type UsageByTargetRow = z.infer<typeof usageByTargetRowSchema>;

/** Adds counts to the stored ones in one statement; a key deleted meanwhile is skipped. */
export async function addUsageCounts(db: Db, counts: readonly UsageCount[]): Promise<void> {
  if (counts.length === 0) return;
  await db.query(
    `insert into public.ai_service_key_usage (key_id, day, kind, target, count)
     select x.key_id, x.day, x.kind, x.target, x.count
     from jsonb_to_recordset($1::jsonb) as x(key_id uuid, day date, kind text, target text, count integer)
     where exists (select 1 from public.ai_service_keys k where k.id = x.key_id)
     on conflict (key_id, day, kind, target) do update set count = public.ai_service_key_usage.count + excluded.count`,
    [toJson(counts)],
  );
}

/** Per target and key, the reads from `since` (a YYYY-MM-DD day, inclusive) on, busiest first. */
export async function listUsageByTarget(db: Db, p: { since: string }): Promise<UsageByTargetRow[]> {
  const rows = await db.query(
    `select u.kind, u.target, u.key_id::text as key_id, k.name, k.revoked_at, sum(u.count)::int8 as count
     from public.ai_service_key_usage u join public.ai_service_keys k on k.id = u.key_id
     where u.day >= $1::date
     group by u.kind, u.target, u.key_id, k.name, k.revoked_at
     order by u.kind, u.target, count desc, k.name`,
    [p.since],
  );
  return rows.map((r) => usageByTargetRowSchema.parse(r));
}

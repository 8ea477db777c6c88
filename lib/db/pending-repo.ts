import { z } from "zod";
import { defaultTierSchema, providerSchema, type DefaultTier, type Provider } from "@/lib/domain";
import { isUuid, toTextArray } from "./params";
import { nullableTimestampSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

export const pendingStatusSchema = z.enum(["open", "approved", "rejected", "promoted", "withdrawn"]);
export type PendingStatus = z.infer<typeof pendingStatusSchema>;

export const pendingRowSchema = z.object({
  id: z.string(),
  provider: providerSchema,
  model_type: defaultTierSchema,
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string(),
  policy: z.enum(["soak", "approve"]),
  first_seen_at: timestampSchema,
  promote_after: nullableTimestampSchema,
  status: pendingStatusSchema,
  decided_by: z.string().nullable(),
  decided_at: nullableTimestampSchema,
});
/** A default change waiting for its soak period or an admin (CONTRACT §8's pending change, plus its state). */
export type PendingRow = z.infer<typeof pendingRowSchema>;

const COLUMNS = `id::text as id, provider, model_type, from_model as "from", to_model as "to", reason, policy, first_seen_at,
  promote_after, status, decided_by, decided_at`;

/** Pending changes of the given statuses (default: open), oldest first. */
export async function listPending(db: Db, statuses: readonly PendingStatus[] = ["open"]): Promise<PendingRow[]> {
  const rows = await db.query(`select ${COLUMNS} from public.ai_pending_changes where status = any($1::text[]) order by first_seen_at, id`, [toTextArray(statuses)]);
  return rows.map((r) => pendingRowSchema.parse(r));
}

/** One pending change by id; undefined for an unknown or malformed id. */
export async function getPending(db: Db, id: string): Promise<PendingRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.query(`select ${COLUMNS} from public.ai_pending_changes where id = $1::uuid`, [id]);
  return rows.map((r) => pendingRowSchema.parse(r))[0];
}

/** The rejected targets of a slot, so a run does not propose them again. */
export async function listRejected(db: Db): Promise<{ provider: Provider; model_type: DefaultTier; to: string }[]> {
  return (await listPending(db, ["rejected"])).map(({ provider, model_type, to }) => ({ provider, model_type, to }));
}

export interface NewPending {
  provider: Provider;
  model_type: DefaultTier;
  from: string | null;
  to: string;
  reason: string;
  policy: "soak" | "approve";
  first_seen_at: Date;
  promote_after: Date | null;
}

/** Opens a pending change for a slot (the one-open-per-slot index holds); answers its row. */
export async function insertPending(db: Db, p: NewPending): Promise<PendingRow> {
  const rows = await db.query(
    `insert into public.ai_pending_changes (provider, model_type, from_model, to_model, reason, policy, first_seen_at, promote_after)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
    [p.provider, p.model_type, p.from, p.to, p.reason, p.policy, p.first_seen_at.toISOString(), p.promote_after?.toISOString() ?? null],
  );
  return pendingRowSchema.parse(rows[0]);
}

/** Closes an open pending change with its outcome; answers false when it was not open. */
export async function closePending(db: Db, id: string, status: Exclude<PendingStatus, "open">, by: string | null): Promise<boolean> {
  const rows = await db.query(
    `update public.ai_pending_changes set status = $2, decided_by = $3, decided_at = now()
     where id = $1::uuid and status = 'open' returning id`,
    [id, status, by],
  );
  return rows.length > 0;
}

import { z } from "zod";
import { isUuid, toJson } from "./params";
import { nullableTimestampSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

export const eventRowSchema = z.object({
  id: z.string(),
  type: z.string(),
  created_at: timestampSchema,
  data: z.record(z.string(), z.unknown()),
});
/** One event of the outbox: the body a webhook receives (CONTRACT §8). */
export type EventRow = z.infer<typeof eventRowSchema>;

export const deliveryRowSchema = z.object({
  id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  url: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  next_attempt_at: timestampSchema,
  last_status: z.number().int().nullable(),
  last_error: z.string().nullable(),
  delivered_at: nullableTimestampSchema,
  created_at: timestampSchema,
});
/** One delivery of one event to one webhook URL. */
export type DeliveryRow = z.infer<typeof deliveryRowSchema>;

const DELIVERY_COLUMNS = `d.id::text as id, d.event_id::text as event_id, e.type as event_type, d.url, d.status, d.attempts,
  d.next_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at`;

/** Writes an event and one pending delivery per URL, in the caller's transaction; answers the event. */
export async function insertEvent(db: Db, type: string, data: Record<string, unknown>, urls: readonly string[]): Promise<EventRow> {
  const [row] = await db.query(
    "insert into public.ai_events (type, data) values ($1, $2::jsonb) returning id::text as id, type, created_at, data",
    [type, toJson(data)],
  );
  const event = eventRowSchema.parse(row);
  if (urls.length > 0) {
    await db.query(
      `insert into public.ai_event_deliveries (event_id, url) select $1::uuid, u from jsonb_array_elements_text($2::jsonb) as u`,
      [event.id, toJson(urls)],
    );
  }
  return event;
}

/** Events of a type, newest first (tests and the console). */
export async function listEvents(db: Db, params: { type?: string; limit?: number } = {}): Promise<EventRow[]> {
  const rows = await db.query(
    `select id::text as id, type, created_at, data from public.ai_events where ($1::text is null or type = $1)
     order by created_at desc, id limit $2`,
    [params.type ?? null, params.limit ?? 100],
  );
  return rows.map((r) => eventRowSchema.parse(r));
}

/** The newest deliveries first, with their event's type. */
export async function listDeliveries(db: Db, limit = 100): Promise<DeliveryRow[]> {
  const rows = await db.query(
    `select ${DELIVERY_COLUMNS} from public.ai_event_deliveries d join public.ai_events e on e.id = d.event_id
     order by d.created_at desc, d.id limit $1`,
    [limit],
  );
  return rows.map((r) => deliveryRowSchema.parse(r));
}

/**
 * Claims due deliveries for one worker: each claimed row's next attempt moves `leaseMs` ahead, so another
 * worker (or a crash) leaves it to be retried then. Skip-locked keeps two PostgreSQL workers apart.
 */
export async function claimDueDeliveries(db: Db, now: Date, leaseMs: number, limit = 20): Promise<(DeliveryRow & { event: EventRow })[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `with due as (
         select id from public.ai_event_deliveries where status = 'pending' and next_attempt_at <= $1
         order by next_attempt_at limit $3 for update skip locked
       )
       update public.ai_event_deliveries d set next_attempt_at = $2 from due where d.id = due.id
       returning d.id::text as id`,
      [now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => String(r.id));
    const full = await tx.query(
      `select ${DELIVERY_COLUMNS}, e.data as event_data, e.created_at as event_created_at from public.ai_event_deliveries d join public.ai_events e on e.id = d.event_id
       where d.id = any($1::uuid[]) order by d.created_at, d.id`,
      [`{${ids.join(",")}}`],
    );
    return full.map((r) => {
      const d = deliveryRowSchema.parse(r);
      return { ...d, event: eventRowSchema.parse({ id: d.event_id, type: d.event_type, created_at: r.event_created_at, data: r.event_data }) };
    });
  });
}

/** Records one attempt's outcome: delivered, or the next attempt (or failed for good when `next` is null). */
export async function recordAttempt(
  db: Db,
  id: string,
  outcome: { ok: boolean; status: number | null; error: string | null; next: Date | null },
): Promise<void> {
  if (!isUuid(id)) return;
  const status = outcome.ok ? "delivered" : outcome.next ? "pending" : "failed";
  await db.query(
    `update public.ai_event_deliveries set attempts = attempts + 1, status = $2, last_status = $3, last_error = $4,
       next_attempt_at = coalesce($5::timestamptz, next_attempt_at), delivered_at = case when $2 = 'delivered' then now() else delivered_at end
     where id = $1::uuid`,
    [id, status, outcome.status, outcome.error, outcome.next?.toISOString() ?? null],
  );
}

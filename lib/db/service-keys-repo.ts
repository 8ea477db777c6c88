import { z } from "zod";
import { overridesSchema } from "@/lib/keys/overrides";
import { isUuid, toJson } from "./params";
import { nullableTimestampSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

/** A service key as admins see it: never its secret or the secret's hash. */
export const serviceKeyRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  overrides: overridesSchema,
  created_by: z.string(),
  created_at: timestampSchema,
  last_used_at: nullableTimestampSchema,
  revoked_by: z.string().nullable(),
  revoked_at: nullableTimestampSchema,
});
export type ServiceKeyRow = z.infer<typeof serviceKeyRowSchema>;

/** A live key as the config API needs it to recognise a bearer: its hash, name and overrides. */
export const liveKeyRowSchema = z.object({ id: z.string(), name: z.string(), secret_hash: z.string(), overrides: overridesSchema });
export type LiveKeyRow = z.infer<typeof liveKeyRowSchema>;

const COLUMNS = "id::text as id, name, prefix, overrides, created_by, created_at, last_used_at, revoked_by, revoked_at";

/** Stores a new key by its hash; the caller checked the name is free (the partial unique index backs it up). */
export async function insertServiceKey(
  db: Db,
  p: { name: string; secret_hash: string; prefix: string; overrides: Record<string, string>; created_by: string },
): Promise<ServiceKeyRow> {
  const rows = await db.query(
    `insert into public.ai_service_keys (name, secret_hash, prefix, overrides, created_by)
     values ($1, $2, $3, $4::jsonb, $5) returning ${COLUMNS}`,
    [p.name, p.secret_hash, p.prefix, toJson(p.overrides), p.created_by],
  );
  return serviceKeyRowSchema.parse(rows[0]);
}

/** Every key, live ones first, newest first within each. */
export async function listServiceKeys(db: Db): Promise<ServiceKeyRow[]> {
  const rows = await db.query(`select ${COLUMNS} from public.ai_service_keys order by (revoked_at is not null), created_at desc, id`);
  return rows.map((r) => serviceKeyRowSchema.parse(r));
}

/** One key by id; undefined for an unknown or malformed id. */
export async function getServiceKey(db: Db, id: string): Promise<ServiceKeyRow | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await db.query(`select ${COLUMNS} from public.ai_service_keys where id = $1::uuid`, [id]);
  return rows.map((r) => serviceKeyRowSchema.parse(r))[0];
}

/** The live key of a name (case-insensitive), if any. */
export async function findLiveKeyByName(db: Db, name: string): Promise<ServiceKeyRow | undefined> {
  const rows = await db.query(`select ${COLUMNS} from public.ai_service_keys where lower(name) = lower($1) and revoked_at is null`, [name]);
  return rows.map((r) => serviceKeyRowSchema.parse(r))[0];
}

/** Every key not revoked, with its hash, for the config snapshot. */
export async function listLiveKeys(db: Db): Promise<LiveKeyRow[]> {
  const rows = await db.query("select id::text as id, name, secret_hash, overrides from public.ai_service_keys where revoked_at is null");
  return rows.map((r) => liveKeyRowSchema.parse(r));
}

/** Marks a live key revoked; undefined when no live key has that id. */
export async function revokeServiceKey(db: Db, p: { id: string; revoked_by: string }): Promise<ServiceKeyRow | undefined> {
  if (!isUuid(p.id)) return undefined;
  const rows = await db.query(
    `update public.ai_service_keys set revoked_at = now(), revoked_by = $2 where id = $1::uuid and revoked_at is null returning ${COLUMNS}`,
    [p.id, p.revoked_by],
  );
  return rows.map((r) => serviceKeyRowSchema.parse(r))[0];
}

/** Moves each key's last use forward to the given time (never back), in one statement. */
export async function touchServiceKeys(db: Db, uses: readonly { id: string; at: string }[]): Promise<void> {
  if (uses.length === 0) return;
  await db.query(
    `update public.ai_service_keys k set last_used_at = greatest(coalesce(k.last_used_at, x.at), x.at)
     from jsonb_to_recordset($1::jsonb) as x(id uuid, at timestamptz) where k.id = x.id`,
    [toJson(uses)],
  );
}

import { z } from "zod";
import { providerSchema, type Provider } from "@/lib/domain";
import { isUuid, toJson, toTextArray } from "./params";
import { nullableTimestampSchema, timestampSchema } from "./rows";
import type { Db } from "./types";

export const suspectListingRowSchema = z.object({
  id: z.string(),
  provider: providerSchema,
  run_id: z.string().nullable(),
  missing: z.array(z.object({ id: z.string(), model_name: z.string() })),
  confirmed: z.number().int(),
  detected_at: timestampSchema,
  last_seen_at: timestampSchema,
  accepted_at: nullableTimestampSchema,
  accepted_by: z.string().nullable(),
  resolved_at: nullableTimestampSchema,
});
/** One row of ai_suspect_listings: a listing the vanish guard held, and what became of it. */
export type SuspectListingRow = z.infer<typeof suspectListingRowSchema>;

const COLUMNS = `id::text as id, provider, run_id::text as run_id, missing, confirmed, detected_at, last_seen_at,
  accepted_at, accepted_by, resolved_at`;

const parse = (rows: unknown[]) => rows.map((r) => suspectListingRowSchema.parse(r));

export interface HoldListingParams {
  provider: Provider;
  runId: string | null;
  missing: { id: string; model_name: string }[];
  confirmed: number;
}

/** Records a held listing: the provider's open one is updated (first detection kept), else a new one opens. */
export async function holdListing(db: Db, p: HoldListingParams): Promise<SuspectListingRow> {
  const args = [p.provider, p.runId && isUuid(p.runId) ? p.runId : null, toJson(p.missing), p.confirmed];
  const updated = await db.query(
    `update public.ai_suspect_listings set run_id = $2::uuid, missing = $3::jsonb, confirmed = $4, last_seen_at = now()
     where provider = $1 and accepted_at is null and resolved_at is null returning ${COLUMNS}`,
    args,
  );
  if (updated.length) return parse(updated)[0];
  const rows = await db.query(
    `insert into public.ai_suspect_listings (provider, run_id, missing, confirmed)
     values ($1, $2::uuid, $3::jsonb, $4) returning ${COLUMNS}`,
    args,
  );
  return parse(rows)[0];
}

/** Closes the open held listings of providers whose listing was not suspect this time (the models came back). */
export async function resolveListings(db: Db, providers: readonly Provider[]): Promise<number> {
  if (providers.length === 0) return 0;
  const rows = await db.query(
    `update public.ai_suspect_listings set resolved_at = now()
     where provider = any($1::text[]) and accepted_at is null and resolved_at is null returning id`,
    [toTextArray(providers)],
  );
  return rows.length;
}

/** The held listings that wait for an admin's decision, by provider order. */
export async function listOpenListings(db: Db): Promise<SuspectListingRow[]> {
  const rows = await db.query(
    `select ${COLUMNS} from public.ai_suspect_listings where accepted_at is null and resolved_at is null
     order by array_position(array['openai','anthropic','google','mistral'], provider)`,
  );
  return parse(rows);
}

/** The provider's open held listing, if one waits. */
export async function getOpenListing(db: Db, provider: Provider): Promise<SuspectListingRow | undefined> {
  return (await listOpenListings(db)).find((l) => l.provider === provider);
}

/** Marks a held listing accepted by an admin. */
export async function markAccepted(db: Db, id: string, by: string): Promise<SuspectListingRow> {
  const rows = await db.query(
    `update public.ai_suspect_listings set accepted_at = now(), accepted_by = $2 where id = $1::uuid returning ${COLUMNS}`,
    [id, by],
  );
  return parse(rows)[0];
}

import { z } from "zod";
import { numberSchema } from "./rows";
import type { Db } from "./types";

const tickRowSchema = z.object({ version: numberSchema, outbox_due: z.boolean() });

/** What one version check learns: the registry's version, and whether a webhook delivery is due (folded in, so an idle instance sends one query a tick). */
export type VersionTick = z.infer<typeof tickRowSchema>;

/** Moves the registry version on; call it inside the transaction of any change that can alter a config answer. */
export async function bumpRegistryVersion(tx: Db): Promise<number> {
  const rows = await tx.query(
    `insert into public.ai_registry_version (id, version, changed_at) values (true, 1, now())
     on conflict (id) do update set version = public.ai_registry_version.version + 1, changed_at = now()
     returning version`,
  );
  return numberSchema.parse(rows[0]?.version);
}

// The registry's version, 0 before any change: one expression for both reads.
const VERSION = "coalesce((select version from public.ai_registry_version where id), 0)";

/**
 * The version (0 before any change) and whether the outbox has a due delivery, in one statement without
 * parameters (postgres.js then needs one round trip, not a describe first).
 */
export async function readVersionTick(db: Db): Promise<VersionTick> {
  const rows = await db.query(
    `select ${VERSION} as version,
       exists (select 1 from public.ai_event_deliveries where status = 'pending' and next_attempt_at <= now()) as outbox_due`,
  );
  return tickRowSchema.parse(rows[0]);
}

/** The registry version alone (read before a snapshot's rows, so a change between the two is seen as a move). */
export async function readRegistryVersion(db: Db): Promise<number> {
  const rows = await db.query(`select ${VERSION} as version`);
  return numberSchema.parse(rows[0]?.version);
}

import { z } from "zod";
import { timestampSchema } from "./rows";
import { toJson } from "./params";
import type { Db } from "./types";

// ai_model_route_changes: who created, replaced or deleted which route, with the route before and after.

export const ROUTE_ACTIONS = ["created", "updated", "deleted"] as const;
export type RouteAction = (typeof ROUTE_ACTIONS)[number];

export const routeChangeRowSchema = z.object({
  id: z.string(),
  route_name: z.string(),
  action: z.enum(ROUTE_ACTIONS),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  changed_by: z.string(),
  created_at: timestampSchema,
});
/** One audited edit of a route. */
export type RouteChangeRow = z.infer<typeof routeChangeRowSchema>;

/** Records one edit of a route. */
export async function insertRouteChange(
  db: Db,
  change: { route_name: string; action: RouteAction; before: unknown; after: unknown; changed_by: string },
): Promise<void> {
  await db.query(
    `insert into public.ai_model_route_changes (route_name, action, before, after, changed_by) values ($1, $2, $3::jsonb, $4::jsonb, $5)`,
    [change.route_name, change.action, toJson(change.before), toJson(change.after), change.changed_by],
  );
}

/** A route's audited edits (also those of a deleted route of that name), newest first. */
export async function listRouteChanges(db: Db, params: { name: string; limit?: number }): Promise<RouteChangeRow[]> {
  const rows = await db.query(
    `select id::text as id, route_name, action, before, after, changed_by, created_at
     from public.ai_model_route_changes where route_name = $1 order by created_at desc, id desc limit $2`,
    [params.name, params.limit ?? 50],
  );
  return rows.map((r) => routeChangeRowSchema.parse(r));
}

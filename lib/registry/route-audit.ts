import { z } from "zod";
import { insertRouteChange, ROUTE_ACTIONS, type RouteAction } from "@/lib/db/route-changes-repo";
import type { RouteRow } from "@/lib/db/routes-repo";
import type { Db } from "@/lib/db/types";
import { emitEvent } from "@/lib/notify/events";
import { routeSchema, type Route } from "./route-schema";

/** The data of a route.changed event: which route, what happened, the route before and after, who did it. */
export const routeChangedDataSchema = z
  .object({
    name: z.string(),
    action: z.enum(ROUTE_ACTIONS),
    before: routeSchema.optional().describe("The route before the edit (updated, deleted)"),
    after: routeSchema.optional().describe("The route after the edit (created, updated)"),
    changed_by: z.string(),
  })
  .describe("route.changed: an admin created, replaced or deleted a named route");

/** The route as it is audited and announced: what an admin wrote, without the row's bookkeeping. */
export function routeBody(row: RouteRow): Route {
  return { name: row.name, description: row.description, steps: row.steps, constraints: row.constraints };
}

/** One audit row and one route.changed event for an edit of a route, in the caller's transaction. */
export async function recordRouteChange(
  tx: Db,
  change: { name: string; action: RouteAction; before?: RouteRow; after?: RouteRow; actor: string },
): Promise<void> {
  const before = change.before ? routeBody(change.before) : undefined;
  const after = change.after ? routeBody(change.after) : undefined;
  await insertRouteChange(tx, { route_name: change.name, action: change.action, before: before ?? null, after: after ?? null, changed_by: change.actor });
  await emitEvent(tx, "route.changed", { name: change.name, action: change.action, before, after, changed_by: change.actor });
}

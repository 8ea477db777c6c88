import { insertRoute, type RouteRow } from "@/lib/db/routes-repo";
import { ConflictError } from "@/lib/errors";
import { adminChange } from "./admin-change";
import { recordRouteChange } from "./route-audit";
import type { Route } from "./route-schema";
import type { Action } from "./types";

/** Creates a named route, audited and announced; ConflictError when the name is taken. Steps naming unknown models are fine. */
export async function createRoute({ ctx, input }: Action<Route>): Promise<RouteRow> {
  return adminChange(ctx.db, async (tx) => {
    const row = await insertRoute(tx, input, ctx.actor);
    if (!row) throw new ConflictError(`A route named ${input.name} already exists`, { issues: [{ path: "name", message: "already taken" }] });
    await recordRouteChange(tx, { name: row.name, action: "created", after: row, actor: ctx.actor });
    return row;
  });
}

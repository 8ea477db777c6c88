import { deleteRoute as deleteRouteRow, type RouteRow } from "@/lib/db/routes-repo";
import { NotFoundError } from "@/lib/errors";
import { adminChange } from "./admin-change";
import { recordRouteChange } from "./route-audit";
import type { Action } from "./types";

/** Deletes a route, audited with what it was; NotFoundError for an unknown name. */
export async function deleteRoute({ ctx, input }: Action<{ name: string }>): Promise<RouteRow> {
  return adminChange(ctx.db, async (tx) => {
    const before = await deleteRouteRow(tx, input.name);
    if (!before) throw new NotFoundError(`No route named ${input.name}`);
    await recordRouteChange(tx, { name: input.name, action: "deleted", before, actor: ctx.actor });
    return before;
  });
}

import { getRoute, replaceRoute, type RouteRow } from "@/lib/db/routes-repo";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { adminChange } from "./admin-change";
import { recordRouteChange } from "./route-audit";
import type { Route } from "./route-schema";
import type { Action } from "./types";

/** Replaces a route whole (description, steps, constraints), audited with before and after; NotFoundError for an unknown name. */
export async function updateRoute({ ctx, input }: Action<{ name: string; route: Route }>): Promise<RouteRow> {
  if (input.route.name !== input.name) {
    throw new InvalidError(`The body names route ${input.route.name}, the path ${input.name}`, { issues: [{ path: "name", message: "must match the path" }] });
  }
  return adminChange(ctx.db, async (tx) => {
    const before = await getRoute(tx, input.name);
    if (!before) throw new NotFoundError(`No route named ${input.name}`);
    const after = (await replaceRoute(tx, input.route, ctx.actor))!;
    await recordRouteChange(tx, { name: input.name, action: "updated", before, after, actor: ctx.actor });
    return after;
  });
}

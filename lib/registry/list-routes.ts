import { configFromRow } from "@/lib/config/answer";
import type { ModelConfig } from "@/lib/config/schemas";
import { listModels, type ModelRow } from "@/lib/db/models-repo";
import { listRouteChanges, type RouteChangeRow } from "@/lib/db/route-changes-repo";
import { getRoute, listRoutes, type RouteRow } from "@/lib/db/routes-repo";
import type { Db } from "@/lib/db/types";
import { NotFoundError } from "@/lib/errors";
import { resolveRoute, type ChainEntry } from "./resolve-route";

/** A route with what it resolves to now: the console's live preview. */
export interface RoutePreview extends RouteRow {
  resolved: { model: ModelConfig | null; chain: ChainEntry[] };
}

function preview(route: RouteRow, models: readonly ModelRow[], now: Date): RoutePreview {
  const { model, chain } = resolveRoute(route, models, now);
  return { ...route, resolved: { model: model ? configFromRow(model, "database") : null, chain } };
}

/** Every route with its resolution against the registry as it is in the database now (the admin view must not lag). */
export async function listRoutePreviews(db: Db, now = new Date()): Promise<RoutePreview[]> {
  const [routes, models] = [await listRoutes(db), await listModels(db)];
  return routes.map((r) => preview(r, models, now));
}

/** One route with its resolution and its audited edits, newest first; NotFoundError for an unknown name. */
export async function getRouteDetails(db: Db, name: string, now = new Date()): Promise<{ route: RoutePreview; history: RouteChangeRow[] }> {
  const route = await getRoute(db, name);
  if (!route) throw new NotFoundError(`No route named ${name}`);
  return { route: preview(route, await listModels(db), now), history: await listRouteChanges(db, { name }) };
}

import { z } from "zod";
import { routeSchema, type Route } from "@/lib/registry/route-schema";
import { toJson } from "./params";
import { timestampSchema } from "./rows";
import type { Db } from "./types";

// ai_model_routes: named task aliases, each an ordered chain of steps (CONTRACT §9).

export const routeRowSchema = routeSchema.extend({
  description: z.string().nullable(),
  constraints: routeSchema.shape.constraints.unwrap().unwrap().nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  updated_by: z.string().nullable(),
});
/** One stored route, its steps parsed by the route schema. */
export type RouteRow = z.infer<typeof routeRowSchema>;

const COLUMNS = "name, description, steps, constraints, created_at, updated_at, updated_by";

// SQL null, not a JSON null, for a route without constraints.
const constraintsParam = (route: Route) => (route.constraints ? toJson(route.constraints) : null);

const parse = (rows: unknown[]): RouteRow[] => rows.map((r) => routeRowSchema.parse(r));

/** Every route, by name. */
export async function listRoutes(db: Db): Promise<RouteRow[]> {
  return parse(await db.query(`select ${COLUMNS} from public.ai_model_routes order by name`));
}

/** One route by name, or undefined. */
export async function getRoute(db: Db, name: string): Promise<RouteRow | undefined> {
  return parse(await db.query(`select ${COLUMNS} from public.ai_model_routes where name = $1`, [name]))[0];
}

/** Inserts a route; undefined when the name is taken. */
export async function insertRoute(db: Db, route: Route, updatedBy: string): Promise<RouteRow | undefined> {
  const rows = await db.query(
    `insert into public.ai_model_routes (name, description, steps, constraints, updated_by)
     values ($1, $2, $3::jsonb, $4::jsonb, $5)
     on conflict (name) do nothing
     returning ${COLUMNS}`,
    [route.name, route.description ?? null, toJson(route.steps), constraintsParam(route), updatedBy],
  );
  return parse(rows)[0];
}

/** Replaces a route's description, steps and constraints; undefined when no route has the name. */
export async function replaceRoute(db: Db, route: Route, updatedBy: string): Promise<RouteRow | undefined> {
  const rows = await db.query(
    `update public.ai_model_routes set description = $2, steps = $3::jsonb, constraints = $4::jsonb, updated_by = $5, updated_at = now()
     where name = $1
     returning ${COLUMNS}`,
    [route.name, route.description ?? null, toJson(route.steps), constraintsParam(route), updatedBy],
  );
  return parse(rows)[0];
}

/** Deletes a route; the deleted row, or undefined when none had the name. */
export async function deleteRoute(db: Db, name: string): Promise<RouteRow | undefined> {
  return parse(await db.query(`delete from public.ai_model_routes where name = $1 returning ${COLUMNS}`, [name]))[0];
}

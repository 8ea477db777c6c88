import { z } from "zod";
import { chainEntrySchema } from "@/lib/config/select-schemas";
import { modelConfigSchema } from "@/lib/config/schemas";
import { routeChangeRowSchema } from "@/lib/db/route-changes-repo";
import { routeRowSchema } from "@/lib/db/routes-repo";
import { routeSchema } from "@/lib/registry/route-schema";

// Bodies and answers of the route admin routes (CONTRACT §9); the console takes its types from here.

/** POST /api/admin/routes and PUT /api/admin/routes/<name>: the whole route. */
export const routeBodySchema = routeSchema;

const isoTimestamp = z.string().describe("ISO 8601 timestamp");

/** A stored route with its live resolution. */
export const routePreviewWireSchema = routeRowSchema.extend({
  created_at: isoTimestamp,
  updated_at: isoTimestamp,
  resolved: z.object({ model: modelConfigSchema.nullable(), chain: z.array(chainEntrySchema) }),
});
export type RoutePreviewWire = z.infer<typeof routePreviewWireSchema>;

export const routeChangeWireSchema = routeChangeRowSchema.extend({ created_at: isoTimestamp });
export type RouteChangeWire = z.infer<typeof routeChangeWireSchema>;

/** GET /api/admin/routes */
export const routesResponseSchema = z.object({ success: z.literal(true), routes: z.array(routePreviewWireSchema) });
export type RoutesResponse = z.infer<typeof routesResponseSchema>;

/** GET /api/admin/routes/<name> */
export const routeDetailResponseSchema = z.object({ success: z.literal(true), route: routePreviewWireSchema, history: z.array(routeChangeWireSchema) });
export type RouteDetailResponse = z.infer<typeof routeDetailResponseSchema>;

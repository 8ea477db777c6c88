import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { routeBodySchema } from "@/lib/api/route-schemas";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { createRoute } from "@/lib/registry/create-route";
import { listRoutePreviews } from "@/lib/registry/list-routes";

// GET /api/admin/routes: every route with what it resolves to now.
export const GET = withRoute("admin", async () => {
  return { success: true, routes: await listRoutePreviews(await getDb()) };
});

// POST /api/admin/routes (a route): 201; a malformed route 400, a taken name 409.
export const POST = withRoute("admin", async ({ req, principal }) => {
  const body = await readJsonBody(req, routeBodySchema);
  const route = await createRoute({ ctx: await adminContext(principal), input: body });
  return Response.json({ success: true, route }, { status: 201, headers: { "Cache-Control": "private, no-store" } });
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

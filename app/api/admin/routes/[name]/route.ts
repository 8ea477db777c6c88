import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { routeBodySchema } from "@/lib/api/route-schemas";
import { otherMethods, parseParams, withRoute } from "@/lib/api/with-route";
import { routeParamsSchema } from "@/lib/config/select-schemas";
import { getDb } from "@/lib/db/client";
import { deleteRoute } from "@/lib/registry/delete-route";
import { getRouteDetails } from "@/lib/registry/list-routes";
import { updateRoute } from "@/lib/registry/update-route";

type Params = { name: string };

// GET /api/admin/routes/<name>: the route, what it resolves to now, and its audited edits.
export const GET = withRoute<Params>("admin", async ({ params }) => {
  const { name } = parseParams(params, routeParamsSchema);
  return { success: true, ...(await getRouteDetails(await getDb(), name)) };
});

// PUT /api/admin/routes/<name> (the whole route).
export const PUT = withRoute<Params>("admin", async ({ req, params, principal }) => {
  const { name } = parseParams(params, routeParamsSchema);
  const route = await readJsonBody(req, routeBodySchema);
  return { success: true, route: await updateRoute({ ctx: await adminContext(principal), input: { name, route } }) };
});

// DELETE /api/admin/routes/<name>
export const DELETE = withRoute<Params>("admin", async ({ params, principal }) => {
  const { name } = parseParams(params, routeParamsSchema);
  return { success: true, route: await deleteRoute({ ctx: await adminContext(principal), input: { name } }) };
});

export const { POST, PATCH } = otherMethods(["GET", "PUT", "DELETE"]);

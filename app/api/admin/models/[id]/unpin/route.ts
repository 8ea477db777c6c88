import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { unpinModel } from "@/lib/discovery/admin-actions";

// POST /api/admin/models/<id>/unpin: unpins and re-picks that slot's default at once.
export const POST = withRoute<{ id: string }>("admin", async ({ params, principal }) => {
  const { model, default: current, changes } = await unpinModel(await getDb(), params.id, principal?.id ?? "admin");
  return { success: true, model, default: current, default_changes: changes };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

import { adminContext } from "@/lib/api/admin-context";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { unpinModel } from "@/lib/registry/unpin-model";

// POST /api/admin/models/<id>/unpin: unpins and re-picks that slot's default at once.
export const POST = withRoute<{ id: string }>("admin", async ({ params, principal }) => {
  const { model, default: current, changes } = await unpinModel({ ctx: await adminContext(principal), input: { id: params.id } });
  return { success: true, model, default: current, default_changes: changes };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

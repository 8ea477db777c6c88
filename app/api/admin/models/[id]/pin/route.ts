import { adminContext } from "@/lib/api/admin-context";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { pinModel } from "@/lib/registry/pin-model";

// POST /api/admin/models/<id>/pin: the model becomes the pinned default of its provider and type.
export const POST = withRoute<{ id: string }>("admin", async ({ params, principal }) => {
  return { success: true, model: await pinModel({ ctx: await adminContext(principal), input: { id: params.id } }) };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { pinModel } from "@/lib/discovery/admin-actions";

// POST /api/admin/models/<id>/pin: the model becomes the pinned default of its provider and type.
export const POST = withRoute<{ id: string }>("admin", async ({ params, principal }) => {
  return { success: true, model: await pinModel(await getDb(), params.id, principal?.id ?? "admin") };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { getModelDetails } from "@/lib/registry/get-model-details";

// GET /api/admin/models/<id>: the model, the default history of its provider and type, and whether it may be pinned.
export const GET = withRoute<{ id: string }>("admin", async ({ params }) => {
  return { success: true, ...(await getModelDetails(await getDb(), params.id)) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

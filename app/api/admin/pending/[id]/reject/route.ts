import { adminContext } from "@/lib/api/admin-context";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { rejectPending } from "@/lib/registry/decide-pending";

// POST /api/admin/pending/<id>/reject: the slot keeps its default; the model is not proposed for it again.
export const POST = withRoute<{ id: string }>("admin", async ({ params, principal }) => {
  return { success: true, ...(await rejectPending({ ctx: await adminContext(principal), input: { id: params.id } })) };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

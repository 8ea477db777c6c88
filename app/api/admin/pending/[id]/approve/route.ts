import { adminContext } from "@/lib/api/admin-context";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { approvePending } from "@/lib/registry/decide-pending";

// POST /api/admin/pending/<id>/approve: the pending model becomes the slot's default.
export const POST = withRoute<{ id: string }>("admin", async ({ params, principal }) => {
  const { pending, change } = await approvePending({ ctx: await adminContext(principal), input: { id: params.id } });
  return { success: true, pending, default_changes: [change] };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { listPendingViews } from "@/lib/registry/list-rollout";

// GET /api/admin/pending: open pending default changes, each with both models.
export const GET = withRoute("admin", async () => {
  return { success: true, pending: await listPendingViews(await getDb()) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

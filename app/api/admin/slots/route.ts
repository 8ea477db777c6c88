import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { listSlots } from "@/lib/registry/list-rollout";

// GET /api/admin/slots: every slot with its promotion policy, default and open pending change.
export const GET = withRoute("admin", async () => {
  return { success: true, slots: await listSlots(await getDb()) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { deliveriesForApi } from "@/lib/notify/deliveries";

// GET /api/admin/deliveries: the webhook deliveries log, newest first.
export const GET = withRoute("admin", async () => {
  return { success: true, ...(await deliveriesForApi(await getDb())) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

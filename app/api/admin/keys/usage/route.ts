import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { readKeyUsage } from "@/lib/keys/read-usage";

// GET /api/admin/keys/usage: per slot, route and select, the services (live keys) that read it in the last 30 days.
export const GET = withRoute("admin", async () => {
  return { success: true, ...(await readKeyUsage(await getDb())) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

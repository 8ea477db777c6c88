import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { listOpenListings } from "@/lib/db/suspect-listings-repo";

// GET /api/admin/suspect-listings: the listings the vanish guard held, waiting for an admin's decision.
export const GET = withRoute("admin", async () => {
  return { success: true, listings: await listOpenListings(await getDb()) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

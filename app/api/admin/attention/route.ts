import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { getAttention } from "@/lib/registry/get-attention";

// GET /api/admin/attention: what an admin must act on (unpriced, retiring, held listings, failing sources), most urgent first.
export const GET = withRoute("admin", async () => {
  return { success: true, ...(await getAttention(await getDb())) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

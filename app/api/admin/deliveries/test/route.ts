import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { sendTestEvent } from "@/lib/notify/deliveries";

// POST /api/admin/deliveries/test: sends a test alert.raised to every webhook and answers its deliveries.
export const POST = withRoute("admin", async ({ principal }) => {
  return { success: true, ...(await sendTestEvent(await getDb(), principal?.id ?? "admin")) };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

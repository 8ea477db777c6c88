import { otherMethods, parseQuery, withRoute } from "@/lib/api/with-route";
import { historyQuerySchema } from "@/lib/config/schemas";
import { listHistory } from "@/lib/config/service";

// GET /api/ai-model-config/history?limit=10: discovery runs, newest first.
export const GET = withRoute("read", async ({ searchParams }) => {
  const { limit } = parseQuery(searchParams, historyQuerySchema);
  return { success: true, logs: await listHistory(limit) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

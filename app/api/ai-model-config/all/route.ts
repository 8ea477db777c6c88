import { otherMethods, parseQuery, withRoute } from "@/lib/api/with-route";
import { allModelsQuerySchema } from "@/lib/config/schemas";
import { listRegistry } from "@/lib/config/service";

// GET /api/ai-model-config/all?provider=&type=&active=: every column of the matching registry rows.
export const GET = withRoute("read", async ({ searchParams }) => {
  const { provider, type, active } = parseQuery(searchParams, allModelsQuerySchema);
  const models = await listRegistry({ provider, tier: type, active });
  return { success: true, models, count: models.length };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

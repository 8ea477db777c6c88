import { readJsonBody } from "@/lib/api/body";
import { otherMethods, parseQuery, withRoute } from "@/lib/api/with-route";
import { deprecationHeaders } from "@/lib/config/deprecation";
import { jsonWithEtag } from "@/lib/config/http";
import { modelConfigBodySchema, modelConfigQuerySchema, type ModelConfigResponse } from "@/lib/config/schemas";
import { getModelConfig } from "@/lib/config/service";

// GET /api/ai-model-config?provider=openai&type=flagship, or POST the same as a JSON body.
export const GET = withRoute("read", async ({ req, searchParams, principal }) => {
  const { provider, type } = parseQuery(searchParams, modelConfigQuerySchema);
  return answer(req, await getModelConfig(provider, type, principal?.serviceKey));
});

export const POST = withRoute("read", async ({ req, principal }) => {
  const { provider, type } = await readJsonBody(req, modelConfigBodySchema);
  return answer(req, await getModelConfig(provider, type, principal?.serviceKey));
});

function answer(req: Request, config: Awaited<ReturnType<typeof getModelConfig>>): Response {
  const body: ModelConfigResponse = { success: true, ...config };
  return jsonWithEtag(req, body, { ignore: ["source"], headers: deprecationHeaders(config.shutdown_date) });
}

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

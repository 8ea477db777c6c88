import { otherMethods, parseParams, withRoute } from "@/lib/api/with-route";
import { deprecationHeaders } from "@/lib/config/deprecation";
import { jsonWithEtag } from "@/lib/config/http";
import { routeParamsSchema, type RouteResponse } from "@/lib/config/select-schemas";
import { routeConfig } from "@/lib/config/select-service";

// GET /api/ai-model-config/routes/<name>: the model a named route resolves to now, with its chain.
export const GET = withRoute<{ name: string }>("read", async ({ req, params }) => {
  const { name } = parseParams(params, routeParamsSchema);
  const resolved = await routeConfig(name);
  const body: RouteResponse = { success: true, ...resolved };
  return jsonWithEtag(req, body, { ignore: ["source"], headers: deprecationHeaders(resolved.shutdown_date) });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

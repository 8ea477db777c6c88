import { otherMethods, withRoute } from "@/lib/api/with-route";
import { buildOpenApiDocument } from "@/lib/config/openapi";

// GET /api/ai-model-config/openapi.json: the OpenAPI 3.1 document of the config API, no auth.
export const GET = withRoute("public", async () =>
  Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

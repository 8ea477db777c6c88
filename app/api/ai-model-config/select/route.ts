import { readJsonBody } from "@/lib/api/body";
import { otherMethods, parseQuery, withRoute } from "@/lib/api/with-route";
import { deprecationHeaders } from "@/lib/config/deprecation";
import { jsonWithEtag } from "@/lib/config/http";
import { selectBodySchema, selectQueryParamsSchema, type SelectResponse } from "@/lib/config/select-schemas";
import { selectConfig } from "@/lib/config/select-service";

// GET /api/ai-model-config/select?type=fast&capabilities=vision&max_input_price=1, or POST the same as a JSON body.
export const GET = withRoute("read", async ({ req, searchParams }) => {
  return answer(req, await selectConfig(parseQuery(searchParams, selectQueryParamsSchema)));
});

export const POST = withRoute("read", async ({ req }) => {
  return answer(req, await selectConfig(await readJsonBody(req, selectBodySchema)));
});

function answer(req: Request, selection: Awaited<ReturnType<typeof selectConfig>>): Response {
  const body: SelectResponse = { success: true, ...selection };
  return jsonWithEtag(req, body, { ignore: ["source"], headers: deprecationHeaders(selection.shutdown_date) });
}

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

import { readJsonBody } from "@/lib/api/body";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { validateBodySchema } from "@/lib/config/schemas";
import { validateModel } from "@/lib/config/service";

// POST /api/ai-model-config/validate { provider, model_name }: is the model known and active?
export const POST = withRoute("read", async ({ req }) => {
  const { provider, model_name } = await readJsonBody(req, validateBodySchema);
  return { success: true, ...(await validateModel(provider, model_name)) };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

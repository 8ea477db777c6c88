import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { classifyBodySchema } from "@/lib/api/schemas";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { classifyModel } from "@/lib/registry/classify-model";

// POST /api/admin/models/<id>/classify { model_type, family? }: sets the tier, clears review, re-picks defaults.
export const POST = withRoute<{ id: string }>("admin", async ({ req, params, principal }) => {
  const body = await readJsonBody(req, classifyBodySchema);
  const { model, changes } = await classifyModel({ ctx: await adminContext(principal), input: { id: params.id, ...body } });
  return { success: true, model, default_changes: changes };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

import { readJsonBody } from "@/lib/api/body";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { classifyModelAsAdmin } from "@/lib/discovery/admin-actions";
import { classifyBodySchema } from "@/lib/discovery/api-schemas";

// POST /api/admin/models/<id>/classify { model_type, family? }: sets the tier, clears review, re-picks defaults.
export const POST = withRoute<{ id: string }>("admin", async ({ req, params, principal }) => {
  const body = await readJsonBody(req, classifyBodySchema);
  const { model, changes } = await classifyModelAsAdmin(await getDb(), params.id, body, principal?.id ?? "admin");
  return { success: true, model, default_changes: changes };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

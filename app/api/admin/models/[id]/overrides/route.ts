import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { overridesBodySchema } from "@/lib/api/schemas";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { setOverrides } from "@/lib/registry/set-overrides";

// PUT /api/admin/models/<id>/overrides { pricing?, context_window?, max_tokens?, capabilities? }: an admin's figures (null clears).
export const PUT = withRoute<{ id: string }>("admin", async ({ req, params, principal }) => {
  const change = await readJsonBody(req, overridesBodySchema);
  const model = await setOverrides({ ctx: await adminContext(principal), input: { id: params.id, change } });
  return { success: true, model };
});

export const { GET, POST, PATCH, DELETE } = otherMethods(["PUT"]);

import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { restoreBodySchema } from "@/lib/api/rollout-schemas";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { restoreDefault } from "@/lib/registry/restore-default";
import { parseSlot } from "@/lib/api/slot-params";

// POST /api/admin/slots/<provider>/<type>/restore { change_id }: the entry's from_model is the pinned default again.
export const POST = withRoute<{ provider: string; type: string }>("admin", async ({ req, params, principal }) => {
  const slot = parseSlot(params);
  const { change_id } = await readJsonBody(req, restoreBodySchema);
  const result = await restoreDefault({ ctx: await adminContext(principal), input: { provider: slot.provider, model_type: slot.type, change_id } });
  return { success: true, model: result.model, default_changes: [result.change] };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

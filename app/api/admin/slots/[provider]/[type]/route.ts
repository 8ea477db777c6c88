import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { slotPolicyBodySchema } from "@/lib/api/rollout-schemas";
import { parseSlot } from "@/lib/api/slot-params";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { setSlotPolicy } from "@/lib/registry/set-slot-policy";

// PUT /api/admin/slots/<provider>/<type> { policy, soak_days? }: the slot's promotion policy.
export const PUT = withRoute<{ provider: string; type: string }>("admin", async ({ req, params, principal }) => {
  const slot = parseSlot(params);
  const body = await readJsonBody(req, slotPolicyBodySchema);
  const policy = await setSlotPolicy({ ctx: await adminContext(principal), input: { provider: slot.provider, model_type: slot.type, ...body } });
  return { success: true, slot: policy };
});

export const { GET, POST, PATCH, DELETE } = otherMethods(["PUT"]);

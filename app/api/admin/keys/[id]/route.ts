import { adminContext } from "@/lib/api/admin-context";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { revokeKey } from "@/lib/registry/revoke-key";

// DELETE /api/admin/keys/<id>: revokes the key (401 for it from now on).
export const DELETE = withRoute<{ id: string }>("admin", async ({ params, principal }) => {
  return { success: true, key: await revokeKey({ ctx: await adminContext(principal), input: { id: params.id } }) };
});

export const { GET, POST, PUT, PATCH } = otherMethods(["DELETE"]);

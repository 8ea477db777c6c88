import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { createKeyBodySchema } from "@/lib/api/key-schemas";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { getDb } from "@/lib/db/client";
import { listServiceKeys } from "@/lib/db/service-keys-repo";
import { createKey } from "@/lib/registry/create-key";

// GET /api/admin/keys: every service key (never a secret). POST { name, overrides? }: a new key and its secret, once.
export const GET = withRoute("admin", async () => {
  return { success: true, keys: await listServiceKeys(await getDb()) };
});

export const POST = withRoute("admin", async ({ req, principal }) => {
  const body = await readJsonBody(req, createKeyBodySchema);
  const { key, secret } = await createKey({ ctx: await adminContext(principal), input: body });
  return Response.json({ success: true, key, secret }, { status: 201, headers: { "Cache-Control": "no-store" } });
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

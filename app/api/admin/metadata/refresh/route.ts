import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { metadataRefreshBodySchema } from "@/lib/api/schemas";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { refreshRegistryMetadata } from "@/lib/registry/refresh-metadata";

// POST /api/admin/metadata/refresh {}: fetch the metadata sources and re-apply their facts to the registry.
export const POST = withRoute("admin", async ({ req, principal }) => {
  await readJsonBody(req, metadataRefreshBodySchema);
  const result = await refreshRegistryMetadata({ ctx: await adminContext(principal), input: {} });
  const changes = result.changes.map(({ provider, model_name, field, from, to, source }) => ({ provider, model_name, field, from, to, source }));
  return { success: true, ...result, changes };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

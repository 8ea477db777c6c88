import { adminContext } from "@/lib/api/admin-context";
import { readJsonBody } from "@/lib/api/body";
import { acceptListingBodySchema, providerParamSchema } from "@/lib/api/schemas";
import { fromZodError } from "@/lib/api/errors";
import { otherMethods, withRoute } from "@/lib/api/with-route";
import { acceptListing } from "@/lib/registry/accept-listing";

// POST /api/admin/providers/<provider>/accept-listing {}: the held listing goes through; its missing models go inactive.
export const POST = withRoute<{ provider: string }>("admin", async ({ req, params, principal }) => {
  const parsed = providerParamSchema.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error, "params");
  await readJsonBody(req, acceptListingBodySchema);
  const result = await acceptListing({ ctx: await adminContext(principal), input: { provider: parsed.data.provider } });
  return { success: true, ...result };
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(["POST"]);

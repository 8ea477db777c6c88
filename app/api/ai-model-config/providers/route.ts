import { otherMethods, withRoute } from "@/lib/api/with-route";
import { jsonWithEtag } from "@/lib/config/http";
import type { ProvidersResponse } from "@/lib/config/schemas";
import { getProviderConfigs } from "@/lib/config/service";

// GET /api/ai-model-config/providers: the flagship and fast default of every provider.
export const GET = withRoute("read", async ({ req, principal }) => {
  const body: ProvidersResponse = { success: true, providers: await getProviderConfigs(principal?.serviceKey) };
  return jsonWithEtag(req, body, { ignore: ["source"] });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

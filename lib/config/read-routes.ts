// The config read routes, written once against the host-neutral request (lib/api/core.ts): Next's route
// handlers (app/api/ai-model-config/**/route.ts) and npm start's node:http front both call these.
import { parseJsonBody } from "@/lib/api/body";
import { coreRoute, otherCoreMethods, plainAnswer, type ApiRequest, type CoreRouteTable } from "@/lib/api/core";
import { parseUrlQuery } from "@/lib/api/with-route";
import { deprecationHeaders } from "./deprecation";
import { etagAnswer, prepareEtag, preparedEtagAnswer, type PreparedBody } from "./http";
import { modelConfigBodySchema, modelConfigQuerySchema, validateBodySchema, type ModelConfigResponse, type ProvidersResponse } from "./schemas";
import { getModelConfig, getProviderConfigs, validateModel } from "./service";

type ModelConfig = Awaited<ReturnType<typeof getModelConfig>>;

// Each answer object (one per snapshot row and source, lib/config/service.ts) serialised and tagged once.
const prepared = new WeakMap<ModelConfig, PreparedBody>();

function configAnswer(req: ApiRequest, config: ModelConfig) {
  let p = prepared.get(config);
  if (!p) {
    const body: ModelConfigResponse = { success: true, ...config };
    prepared.set(config, (p = prepareEtag(body, { ignore: ["source"], headers: deprecationHeaders(config.shutdown_date) })));
  }
  return preparedEtagAnswer(req, p);
}

/** GET /api/ai-model-config?provider=openai&type=flagship, or POST the same as a JSON body. */
export const modelConfigRoute: CoreRouteTable = {
  ...otherCoreMethods(["GET", "POST"]),
  GET: coreRoute("read", async ({ req, principal }) => {
    const { provider, type } = parseUrlQuery(req.url, modelConfigQuerySchema);
    return configAnswer(req, await getModelConfig(provider, type, principal?.serviceKey));
  }),
  POST: coreRoute("read", async ({ req, principal }) => {
    const { provider, type } = parseJsonBody(await req.text(), modelConfigBodySchema);
    return configAnswer(req, await getModelConfig(provider, type, principal?.serviceKey));
  }),
};

/** GET /api/ai-model-config/providers: the flagship and fast default of every provider. */
export const providersRoute: CoreRouteTable = {
  ...otherCoreMethods(["GET"]),
  GET: coreRoute("read", async ({ req, principal }) => {
    const body: ProvidersResponse = { success: true, providers: await getProviderConfigs(principal?.serviceKey) };
    return etagAnswer(req, body, { ignore: ["source"] });
  }),
};

/** POST /api/ai-model-config/validate { provider, model_name }: is the model known and active? */
export const validateRoute: CoreRouteTable = {
  ...otherCoreMethods(["POST"]),
  POST: coreRoute("read", async ({ req }) => {
    const { provider, model_name } = parseJsonBody(await req.text(), validateBodySchema);
    return plainAnswer({ success: true, ...(await validateModel(provider, model_name)) });
  }),
};

/** The routes npm start's front answers itself, by exact path. */
export const FAST_READ_ROUTES: Readonly<Record<string, CoreRouteTable>> = {
  "/api/ai-model-config": modelConfigRoute,
  "/api/ai-model-config/providers": providersRoute,
  "/api/ai-model-config/validate": validateRoute,
};

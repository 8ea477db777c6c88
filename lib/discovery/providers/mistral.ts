import { normalizeMistral } from "@/lib/discovery/normalize";
import { getJson, joinUrl, requireKey, type ListFn } from "./http";
import { mistralListSchema } from "./wire";

/** Lists Mistral models: `GET {base}/v1/models` with a Bearer key; one page; aliases folded by name. */
export const listMistralModels: ListFn = async (opts) => {
  requireKey("mistral", opts);
  const body = await getJson("mistral", joinUrl(opts.baseUrl, "/v1/models"), { authorization: `Bearer ${opts.apiKey}`, accept: "application/json" }, mistralListSchema, opts);
  const models = normalizeMistral(body.data);
  // Counted after folding aliases, so progress and the listing agree.
  opts.onPage?.({ page: 1, models_seen: models.length });
  return { provider: "mistral", models, pages: 1 };
};

import { normalizeOpenAI } from "@/lib/discovery/normalize";
import { getJson, joinUrl, requireKey, type ListFn } from "./http";
import { openaiListSchema } from "./wire";

/** Lists OpenAI models: `GET {base}/models` with a Bearer key; one page, no pagination. */
export const listOpenAIModels: ListFn = async (opts) => {
  requireKey("openai", opts);
  const body = await getJson("openai", joinUrl(opts.baseUrl, "/models"), { authorization: `Bearer ${opts.apiKey}`, accept: "application/json" }, openaiListSchema, opts);
  opts.onPage?.({ page: 1, models_seen: body.data.length });
  return { provider: "openai", models: normalizeOpenAI(body.data), pages: 1 };
};

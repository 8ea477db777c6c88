import { getJson, joinUrl, requireKey, type FetchListingFn } from "./http";
import { openaiListSchema, type OpenAIWireModel } from "./wire";

/** Fetches the OpenAI listing: `GET {base}/models` with a Bearer key; one page, no pagination. */
export const fetchOpenAIListing: FetchListingFn<OpenAIWireModel> = async (opts) => {
  requireKey("openai", opts);
  const body = await getJson("openai", joinUrl(opts.baseUrl, "/models"), { authorization: `Bearer ${opts.apiKey}`, accept: "application/json" }, openaiListSchema, opts);
  opts.onPage?.(1, body.data);
  return { provider: "openai", models: body.data, pages: 1 };
};

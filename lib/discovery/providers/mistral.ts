import { getJson, joinUrl, requireKey, type FetchListingFn } from "./http";
import { mistralListSchema, type MistralWireModel } from "./wire";

/** Fetches the Mistral listing: `GET {base}/v1/models` with a Bearer key; one page (aliases are entries of their own). */
export const fetchMistralListing: FetchListingFn<MistralWireModel> = async (opts) => {
  requireKey("mistral", opts);
  const body = await getJson("mistral", joinUrl(opts.baseUrl, "/v1/models"), { authorization: `Bearer ${opts.apiKey}`, accept: "application/json" }, mistralListSchema, opts);
  opts.onPage?.(1, body.data);
  return { provider: "mistral", models: body.data, pages: 1 };
};

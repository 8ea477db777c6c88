import { transportError } from "./errors";
import { getJson, joinUrl, MAX_PAGES, pageSizeOf, requireKey, type FetchListingFn } from "./http";
import { anthropicPageSchema, type AnthropicWireModel } from "./wire";

export const ANTHROPIC_VERSION = "2023-06-01";

/**
 * Fetches the Anthropic listing: `GET {base}/v1/models` with x-api-key and anthropic-version, following
 * `has_more` with `after_id=<last_id>` to the end. Any failed page fails the whole listing.
 */
export const fetchAnthropicListing: FetchListingFn<AnthropicWireModel> = async (opts) => {
  requireKey("anthropic", opts);
  const headers = { "x-api-key": opts.apiKey, "anthropic-version": ANTHROPIC_VERSION, accept: "application/json" };
  const limit = String(pageSizeOf(opts));
  const models: AnthropicWireModel[] = [];
  let afterId: string | undefined;
  for (let page = 1; ; page++) {
    const body = await getJson("anthropic", joinUrl(opts.baseUrl, "/v1/models", { limit, after_id: afterId }), headers, anthropicPageSchema, opts);
    models.push(...body.data);
    opts.onPage?.(page, models);
    if (!body.has_more) return { provider: "anthropic", models, pages: page };
    const next = body.last_id ?? body.data.at(-1)?.id;
    // A cursor that does not move would loop for ever.
    if (!next || next === afterId || page >= MAX_PAGES) throw transportError("anthropic", "invalid_response", `pagination did not advance after page ${page}`, opts.apiKey);
    afterId = next;
  }
};

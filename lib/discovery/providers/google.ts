import { transportError } from "./errors";
import { getJson, joinUrl, MAX_PAGES, pageSizeOf, requireKey, type FetchListingFn } from "./http";
import { geminiPageSchema, type GeminiWireModel } from "./wire";

/**
 * Fetches the Gemini listing: `GET {base}/v1beta/models` with the key in x-goog-api-key (never in the URL), following
 * `nextPageToken` to the end. Any failed page fails the whole listing.
 */
export const fetchGeminiListing: FetchListingFn<GeminiWireModel> = async (opts) => {
  requireKey("google", opts);
  const headers = { "x-goog-api-key": opts.apiKey, accept: "application/json" };
  const pageSize = String(pageSizeOf(opts));
  const models: GeminiWireModel[] = [];
  const seenTokens = new Set<string>();
  let pageToken: string | undefined;
  for (let page = 1; ; page++) {
    const body = await getJson("google", joinUrl(opts.baseUrl, "/v1beta/models", { pageSize, pageToken }), headers, geminiPageSchema, opts);
    models.push(...(body.models ?? []));
    opts.onPage?.(page, models);
    const next = body.nextPageToken || undefined;
    if (!next) return { provider: "google", models, pages: page };
    // A repeated token would loop for ever.
    if (seenTokens.has(next) || page >= MAX_PAGES) throw transportError("google", "invalid_response", `pagination did not advance after page ${page}`, opts.apiKey);
    seenTokens.add(next);
    pageToken = next;
  }
};

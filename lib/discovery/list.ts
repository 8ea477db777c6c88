import type { Provider } from "@/lib/domain";
import { normalizeAnthropic, normalizeGemini, normalizeMistral, normalizeOpenAI } from "./normalize";
import { fetchAnthropicListing, fetchGeminiListing, fetchMistralListing, fetchOpenAIListing, type FetchListingFn, type FetchOptions } from "./providers";
import type { ProviderListing, ProviderModel } from "./types";

/** Options of one provider's listing; `onPage` counts the models as the rest of discovery will see them. */
export interface ListOptions extends FetchOptions {
  onPage?(info: { page: number; models_seen: number }): void;
}

/** Lists one provider: fetches its wire listing and normalises it into ProviderModels. */
export type ListFn = (opts: ListOptions) => Promise<ProviderListing>;

function lister<W>(fetchListing: FetchListingFn<W>, normalize: (models: W[]) => ProviderModel[]): ListFn {
  return async ({ onPage, ...opts }) => {
    const raw = await fetchListing({
      ...opts,
      // Counted after normalising (Mistral folds its aliases), so progress and the listing agree.
      onPage: onPage && ((page, models) => onPage({ page, models_seen: normalize([...models]).length })),
    });
    return { provider: raw.provider, models: normalize(raw.models), pages: raw.pages };
  };
}

/** One list function per provider; each answers a normalised ProviderListing or throws ProviderError. */
export const PROVIDER_CLIENTS: Record<Provider, ListFn> = {
  openai: lister(fetchOpenAIListing, normalizeOpenAI),
  anthropic: lister(fetchAnthropicListing, normalizeAnthropic),
  google: lister(fetchGeminiListing, normalizeGemini),
  mistral: lister(fetchMistralListing, normalizeMistral),
};

export const listAnthropicModels = PROVIDER_CLIENTS.anthropic;
export const listGeminiModels = PROVIDER_CLIENTS.google;

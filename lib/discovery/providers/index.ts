export { fetchAnthropicListing } from "./anthropic";
export { fetchGeminiListing } from "./google";
export { fetchMistralListing } from "./mistral";
export { fetchOpenAIListing } from "./openai";
export { ProviderError, type ProviderErrorCode } from "./errors";
export type { FetchListingFn, FetchOptions, RawListing } from "./http";
export { providerConfigsFromEnv, retryOptionsFromEnv, type ProviderConfig, type RetryOptions } from "./config";

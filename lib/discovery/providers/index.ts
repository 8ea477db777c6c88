import type { Provider } from "@/lib/domain";
import { listAnthropicModels } from "./anthropic";
import { listGeminiModels } from "./google";
import type { ListFn } from "./http";
import { listMistralModels } from "./mistral";
import { listOpenAIModels } from "./openai";

/** One list function per provider; each returns a normalised ProviderListing or throws ProviderError. */
export const PROVIDER_CLIENTS: Record<Provider, ListFn> = {
  openai: listOpenAIModels,
  anthropic: listAnthropicModels,
  google: listGeminiModels,
  mistral: listMistralModels,
};

export { listAnthropicModels, listGeminiModels, listMistralModels, listOpenAIModels };
export { ProviderError, type ProviderErrorCode } from "./errors";
export type { ListFn, ListOptions } from "./http";
export { providerConfigsFromEnv, retryOptionsFromEnv, type ProviderConfig, type RetryOptions } from "./config";

import { PROVIDER_ENV } from "@/lib/discovery/providers/config";
import { PROVIDERS, type Provider } from "@/lib/domain";
import { METADATA_URL_ENV } from "@/lib/metadata/config";
import { METADATA_SOURCES } from "@/lib/metadata/types";
import type { FakeProviders } from "./types";

/**
 * The environment that points the provider clients at a fake: every provider's base URL variable, the key
 * variable of each provider in `withKeys` (the others are then skipped for want of a key), and the metadata
 * sources' URLs (so a run never reaches the real models.dev from a test).
 */
export function fakeProviderEnv(fake: Pick<FakeProviders, "keys" | "baseUrls"> & Partial<Pick<FakeProviders, "metadataUrls">>, withKeys: readonly Provider[] = PROVIDERS): Record<string, string> {
  const env: Record<string, string> = fake.metadataUrls ? fakeMetadataEnv({ metadataUrls: fake.metadataUrls }) : {};
  for (const p of PROVIDERS) {
    env[PROVIDER_ENV[p].baseUrl] = fake.baseUrls[p];
    if (withKeys.includes(p)) env[PROVIDER_ENV[p].keys[0]] = fake.keys[p];
  }
  return env;
}

/** MODELS_DEV_URL and LITELLM_MODEL_MAP_URL pointing at the fake's documents. */
export function fakeMetadataEnv(fake: Pick<FakeProviders, "metadataUrls">): Record<string, string> {
  return Object.fromEntries(METADATA_SOURCES.map((s) => [METADATA_URL_ENV[s], fake.metadataUrls[s]]));
}

import { PROVIDER_ENV } from "@/lib/discovery/providers/config";
import { PROVIDERS, type Provider } from "@/lib/domain";
import type { FakeProviders } from "./types";

/**
 * The environment that points the provider clients at a fake: every provider's base URL variable, and the key
 * variable of each provider in `withKeys` (the others are then skipped for want of a key).
 */
export function fakeProviderEnv(fake: Pick<FakeProviders, "keys" | "baseUrls">, withKeys: readonly Provider[] = PROVIDERS): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of PROVIDERS) {
    env[PROVIDER_ENV[p].baseUrl] = fake.baseUrls[p];
    if (withKeys.includes(p)) env[PROVIDER_ENV[p].keys[0]] = fake.keys[p];
  }
  return env;
}

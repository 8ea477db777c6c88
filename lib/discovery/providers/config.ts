import { PROVIDERS, type Provider } from "@/lib/domain";
import { readEnv, type Env, type EnvName } from "@/lib/env";

/** Where a provider is reached; no apiKey means the provider is skipped. */
export interface ProviderConfig {
  apiKey?: string;
  baseUrl: string;
}

/** CONTRACT §1: each provider's key variables (first one preferred) and base URL variable, with its public endpoint. */
export const PROVIDER_ENV: Record<Provider, { keys: EnvName[]; baseUrl: EnvName; defaultBaseUrl: string }> = {
  openai: { keys: ["OPENAI_API_KEY"], baseUrl: "OPENAI_BASE_URL", defaultBaseUrl: "https://api.openai.com/v1" },
  anthropic: { keys: ["ANTHROPIC_API_KEY"], baseUrl: "ANTHROPIC_BASE_URL", defaultBaseUrl: "https://api.anthropic.com" },
  google: { keys: ["GEMINI_API_KEY", "GOOGLE_API_KEY"], baseUrl: "GEMINI_BASE_URL", defaultBaseUrl: "https://generativelanguage.googleapis.com" },
  mistral: { keys: ["MISTRAL_API_KEY"], baseUrl: "MISTRAL_BASE_URL", defaultBaseUrl: "https://api.mistral.ai" },
};

const textOf = (name: EnvName, env: Env) => {
  const v = readEnv(name, env);
  return typeof v === "string" ? v : undefined;
};

/** Each provider's key (GEMINI_API_KEY, else GOOGLE_API_KEY) and base URL from the environment. */
export function providerConfigsFromEnv(env: Env = process.env): Record<Provider, ProviderConfig> {
  const out = {} as Record<Provider, ProviderConfig>;
  for (const p of PROVIDERS) {
    const spec = PROVIDER_ENV[p];
    const apiKey = spec.keys.map((k) => textOf(k, env)).find(Boolean);
    out[p] = { ...(apiKey ? { apiKey } : {}), baseUrl: (textOf(spec.baseUrl, env) ?? spec.defaultBaseUrl).replace(/\/+$/, "") };
  }
  return out;
}

export interface RetryOptions {
  timeoutMs: number;
  maxRetries: number;
  maxDelayMs: number;
}

/**
 * Request knobs from the environment (lib/env-schema.ts): DISCOVERY_TIMEOUT_MS per HTTP request (default
 * 20000), DISCOVERY_MAX_RETRIES per page (3), DISCOVERY_RETRY_MAX_DELAY_MS cap on one backoff wait (30000).
 * A malformed value is an EnvError that names the variable.
 */
export function retryOptionsFromEnv(env: Env = process.env): RetryOptions {
  return {
    timeoutMs: readEnv("DISCOVERY_TIMEOUT_MS", env),
    maxRetries: readEnv("DISCOVERY_MAX_RETRIES", env),
    maxDelayMs: readEnv("DISCOVERY_RETRY_MAX_DELAY_MS", env),
  };
}

/**
 * DISCOVERY_PROVIDER_DEADLINE_MS: the most one provider's whole listing (every page, retry and wait) may take,
 * default 120000, so a provider that keeps timing out cannot outlast the route's time limit.
 */
export function providerDeadlineFromEnv(env: Env = process.env): number {
  return readEnv("DISCOVERY_PROVIDER_DEADLINE_MS", env);
}

/** DISCOVERY_LEASE_MS: how long a run may go without a sign of life before another may take over (default 120000). */
export function leaseFromEnv(env: Env = process.env): number {
  return readEnv("DISCOVERY_LEASE_MS", env);
}

import { PROVIDERS, type Provider } from "@/lib/domain";
import { DEFAULT_MAX_DELAY_MS, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "./http";

/** Where a provider is reached; no apiKey means the provider is skipped. */
export interface ProviderConfig {
  apiKey?: string;
  baseUrl: string;
}

/** CONTRACT §1: each provider's key variables (first one preferred) and base URL variable, with its public endpoint. */
export const PROVIDER_ENV: Record<Provider, { keys: string[]; baseUrl: string; defaultBaseUrl: string }> = {
  openai: { keys: ["OPENAI_API_KEY"], baseUrl: "OPENAI_BASE_URL", defaultBaseUrl: "https://api.openai.com/v1" },
  anthropic: { keys: ["ANTHROPIC_API_KEY"], baseUrl: "ANTHROPIC_BASE_URL", defaultBaseUrl: "https://api.anthropic.com" },
  google: { keys: ["GEMINI_API_KEY", "GOOGLE_API_KEY"], baseUrl: "GEMINI_BASE_URL", defaultBaseUrl: "https://generativelanguage.googleapis.com" },
  mistral: { keys: ["MISTRAL_API_KEY"], baseUrl: "MISTRAL_BASE_URL", defaultBaseUrl: "https://api.mistral.ai" },
};

type Env = Record<string, string | undefined>;
const clean = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Each provider's key (GEMINI_API_KEY, else GOOGLE_API_KEY) and base URL from the environment. */
export function providerConfigsFromEnv(env: Env = process.env): Record<Provider, ProviderConfig> {
  const out = {} as Record<Provider, ProviderConfig>;
  for (const p of PROVIDERS) {
    const spec = PROVIDER_ENV[p];
    const apiKey = spec.keys.map((k) => clean(env[k])).find(Boolean);
    out[p] = { ...(apiKey ? { apiKey } : {}), baseUrl: (clean(env[spec.baseUrl]) ?? spec.defaultBaseUrl).replace(/\/+$/, "") };
  }
  return out;
}

export interface RetryOptions {
  timeoutMs: number;
  maxRetries: number;
  maxDelayMs: number;
}

function intFrom(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = clean(env[name]);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

/**
 * Request knobs from the environment:
 * - DISCOVERY_TIMEOUT_MS: per HTTP request, default 20000 (100..600000)
 * - DISCOVERY_MAX_RETRIES: retries per page after the first attempt, default 3 (0..10)
 * - DISCOVERY_RETRY_MAX_DELAY_MS: cap on one backoff wait, incl. a provider's retry-after, default 30000 (0..600000)
 * A malformed value is an error that names the variable.
 */
export function retryOptionsFromEnv(env: Env = process.env): RetryOptions {
  return {
    timeoutMs: intFrom(env, "DISCOVERY_TIMEOUT_MS", DEFAULT_TIMEOUT_MS, 100, 600_000),
    maxRetries: intFrom(env, "DISCOVERY_MAX_RETRIES", DEFAULT_MAX_RETRIES, 0, 10),
    maxDelayMs: intFrom(env, "DISCOVERY_RETRY_MAX_DELAY_MS", DEFAULT_MAX_DELAY_MS, 0, 600_000),
  };
}

export const DEFAULT_PROVIDER_DEADLINE_MS = 120_000;

/**
 * DISCOVERY_PROVIDER_DEADLINE_MS: the most one provider's whole listing (every page, retry and wait) may take,
 * default 120000 (1000..3600000), so a provider that keeps timing out cannot outlast the route's time limit.
 */
export function providerDeadlineFromEnv(env: Env = process.env): number {
  return intFrom(env, "DISCOVERY_PROVIDER_DEADLINE_MS", DEFAULT_PROVIDER_DEADLINE_MS, 1_000, 3_600_000);
}

import type { z } from "zod";
import { PROVIDER_NAMES, type Provider } from "@/lib/domain";
import { httpError, ProviderError, transportError } from "./errors";

/** Options every listing fetch takes. Only apiKey and baseUrl are required. */
export interface FetchOptions {
  apiKey: string;
  /** Provider base URL as in CONTRACT §1 (e.g. https://api.openai.com/v1, https://api.anthropic.com). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per HTTP request, including reading the body. Default 20 000. */
  timeoutMs?: number;
  /** Retries after the first attempt, per page. Default 3. */
  maxRetries?: number;
  /** First backoff step; doubles each retry, with jitter. Default 500. */
  baseDelayMs?: number;
  /** Cap on any single wait, including a provider's retry-after. Default 30 000. */
  maxDelayMs?: number;
  /** Page size for paginated providers (Anthropic limit, Gemini pageSize). Default 1000. */
  pageSize?: number;
  signal?: AbortSignal;
}

/** What a provider's list-models API returned, in its own wire shape, page by page. */
export interface RawListing<W> {
  provider: Provider;
  models: W[];
  pages: number;
}

/** Fetches a provider's whole listing; `onPage` sees the wire models gathered so far after each page. */
export type FetchListingFn<W> = (opts: FetchOptions & { onPage?(page: number, models: readonly W[]): void }) => Promise<RawListing<W>>;

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 30_000;
export const DEFAULT_PAGE_SIZE = 1000;
/** Guard against a provider that never stops paginating. */
export const MAX_PAGES = 200;

/** Parses retry-after (seconds, or an HTTP date) and OpenAI's retry-after-ms into ms. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number(headers.get("retry-after-ms"));
  if (headers.get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter; a provider's own hint wins, both capped by maxDelayMs. */
export function retryDelay(attempt: number, opts: { baseDelayMs: number; maxDelayMs: number; hintMs?: number }, random = Math.random): number {
  if (opts.hintMs !== undefined) return Math.min(opts.hintMs, opts.maxDelayMs);
  const exp = Math.min(opts.baseDelayMs * 2 ** attempt, opts.maxDelayMs);
  return Math.round(exp / 2 + (random() * exp) / 2);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

interface Attempt<T> {
  value?: T;
  error?: ProviderError;
  hintMs?: number;
}

async function attemptOnce<T>(provider: Provider, url: string, headers: Record<string, string>, schema: z.ZodType<T>, opts: FetchOptions): Promise<Attempt<T>> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signals = [AbortSignal.timeout(timeoutMs), ...(opts.signal ? [opts.signal] : [])];
  let res: Response;
  let text: string;
  try {
    res = await (opts.fetch ?? fetch)(url, { method: "GET", headers, signal: AbortSignal.any(signals), redirect: "manual" });
    text = await res.text();
  } catch (err) {
    if (opts.signal?.aborted) return { error: transportError(provider, "aborted", "listing was cancelled", opts.apiKey) };
    const name = err instanceof Error ? err.name : "";
    if (name === "TimeoutError" || name === "AbortError") return { error: transportError(provider, "timeout", `no answer within ${timeoutMs} ms`, opts.apiKey) };
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    return { error: transportError(provider, "network", `network error (${cause})`, opts.apiKey) };
  }
  // fetch re-sends x-api-key / x-goog-api-key across origins on a redirect: never follow one.
  if (res.status >= 300 && res.status < 400) {
    return { error: transportError(provider, "invalid_response", `answered a redirect (HTTP ${res.status}); not followed, so the key goes nowhere else`, opts.apiKey, res.status) };
  }
  if (!res.ok) {
    const { error, retryDelayMs } = httpError(provider, res.status, text, opts.apiKey);
    return { error, hintMs: parseRetryAfter(res.headers) ?? retryDelayMs };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: transportError(provider, "invalid_response", `HTTP ${res.status} with a body that is not JSON`, opts.apiKey, res.status) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return { error: transportError(provider, "invalid_response", `HTTP ${res.status} with an unexpected shape (${where})`, opts.apiKey, res.status) };
  }
  return { value: parsed.data };
}

/**
 * GETs one URL and validates the JSON with `schema`, retrying 429/5xx/529, timeouts and network errors with
 * backoff (honouring retry-after and Gemini RetryInfo). Throws ProviderError; never retries 400/401/403/404.
 */
export async function getJson<T>(provider: Provider, url: string, headers: Record<string, string>, schema: z.ZodType<T>, opts: FetchOptions): Promise<T> {
  const maxRetries = Math.max(0, opts.maxRetries ?? DEFAULT_MAX_RETRIES);
  const delays = { baseDelayMs: opts.baseDelayMs ?? DEFAULT_BASE_DELAY_MS, maxDelayMs: opts.maxDelayMs ?? DEFAULT_MAX_DELAY_MS };
  for (let attempt = 0; ; attempt++) {
    const result = await attemptOnce(provider, url, headers, schema, opts);
    if (!result.error) return result.value as T;
    result.error.attempts = attempt + 1;
    if (!result.error.retryable || attempt >= maxRetries) throw result.error;
    try {
      await sleep(retryDelay(attempt, { ...delays, hintMs: result.hintMs }), opts.signal);
    } catch {
      throw transportError(provider, "aborted", "listing was cancelled", opts.apiKey);
    }
  }
}

/** Joins a base URL and a path without doubling slashes. */
export function joinUrl(baseUrl: string, path: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** Refuses to start without a key: a clear error instead of a 401 from the provider. */
export function requireKey(provider: Provider, opts: FetchOptions): void {
  if (!opts.apiKey) throw new ProviderError({ provider, code: "unauthorized", message: `${PROVIDER_NAMES[provider].api}: no API key configured`, retryable: false });
}

export function pageSizeOf(opts: FetchOptions, max = 1000): number {
  const size = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  return Math.min(max, Math.max(1, Math.floor(size)));
}

// One cached GET of the config API: ETag revalidation, one request in flight per key, stale-if-error, a retry pause.
import { ModelConfigError } from "./types";

export interface AnswerCacheOptions {
  base: string;
  apiKey?: string;
  ttlMs: number;
  retryMs: number;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => number;
}

interface Entry<T> {
  value: T;
  etag?: string;
  expiresAt: number;
}

/** What a cached read answers: the value, and whether it came over the network, from the cache, or stale after an error. */
export type CachedRead<T> =
  | { value: T; from: "network" | "cache" }
  /** `error` is set when this read's request failed (report it); unset while the retry pause answers stale. */
  | { value: T | undefined; from: "stale"; error?: ModelConfigError };

/** A keyed cache of config API answers; `parse` turns a 200 body into the value or undefined (an unexpected body). */
export function createAnswerCache<T>(options: AnswerCacheOptions, parse: (body: unknown) => T | undefined) {
  const entries = new Map<string, Entry<T>>();
  const failedUntil = new Map<string, number>();
  const inflight = new Map<string, Promise<CachedRead<T>>>();

  async function request(path: string, entry: Entry<T> | undefined): Promise<{ value: T; etag?: string }> {
    if (!options.base) throw new ModelConfigError("no baseUrl is set (e.g. AI_MODEL_CONFIG_URL)");
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    if (entry?.etag) headers["if-none-match"] = entry.etag;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const res = await options.fetch(`${options.base}${path}`, { headers, signal: controller.signal });
      if (res.status === 304 && entry) return { value: entry.value, etag: entry.etag };
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) {
        const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
        throw new ModelConfigError(`config API answered ${res.status}${err?.message ? `: ${err.message}` : ""}`, { status: res.status, code: err?.code });
      }
      const value = parse(body);
      if (value === undefined) throw new ModelConfigError("config API answered an unexpected body", { status: res.status });
      return { value, etag: res.headers.get("etag") ?? undefined };
    } catch (err) {
      if (err instanceof ModelConfigError) throw err;
      const aborted = controller.signal.aborted;
      throw new ModelConfigError(aborted ? `config API did not answer within ${options.timeoutMs} ms` : `config API unreachable: ${(err as Error)?.message ?? err}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  async function refresh(key: string, path: string): Promise<CachedRead<T>> {
    const entry = entries.get(key);
    try {
      const { value, etag } = await request(path, entry);
      entries.set(key, { value, etag, expiresAt: options.now() + options.ttlMs });
      failedUntil.delete(key);
      return { value, from: "network" };
    } catch (err) {
      const error = err instanceof ModelConfigError ? err : new ModelConfigError(String(err), { cause: err });
      failedUntil.set(key, options.now() + options.retryMs);
      return { value: entry?.value, from: "stale", error };
    }
  }

  return {
    /** The fresh cached value of a key, or undefined (the warm path: no allocation). */
    fresh(key: string): T | undefined {
      const entry = entries.get(key);
      return entry && options.now() < entry.expiresAt ? entry.value : undefined;
    },
    /** The value of a key: cached while fresh, else fetched once for all concurrent callers; never throws. */
    read(key: string, path: string): Promise<CachedRead<T>> {
      const entry = entries.get(key);
      const t = options.now();
      if (entry && t < entry.expiresAt) return Promise.resolve({ value: entry.value, from: "cache" });
      if (t < (failedUntil.get(key) ?? 0)) return Promise.resolve({ value: entry?.value, from: "stale" });
      let pending = inflight.get(key);
      if (!pending) {
        pending = refresh(key, path).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      return pending;
    },
    clear(): void {
      entries.clear();
      failedUntil.clear();
    },
  };
}

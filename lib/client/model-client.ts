// The config API's client for TypeScript services: fetch only, so it runs in Node, edge runtimes and browsers.
import { builtinDefault } from "./defaults";
import { deprecationNotice, type DeprecationNotice } from "./deprecation";
import { ModelConfigError, type ClientModelConfig, type ModelConfig, type ModelType, type Provider } from "./types";

export interface ModelClientOptions {
  /** Base URL of the AI Model Manager app, e.g. https://models.example.com; unset: every answer is the built-in default. */
  baseUrl?: string;
  /** A CONFIG_API_KEYS entry, sent as a bearer token. */
  apiKey?: string;
  /** How long an answer is used without asking again (5 minutes). */
  ttlMs?: number;
  /** After a failed call, how long the stale answer or the built-in default is used before asking again (30 s, at most ttlMs). */
  retryAfterErrorMs?: number;
  /** A request that takes longer is abandoned (5 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Told about every failed call; the caller still gets an answer. Defaults to console.warn. */
  onError?: (error: ModelConfigError, request: { provider: Provider; type: ModelType }) => void;
  /** Told once per model when the API answers a model within 30 days of its shutdown. Defaults to console.warn. */
  onDeprecation?: (notice: DeprecationNotice) => void;
  now?: () => number;
}

export interface ModelClient {
  /** The model name to use; never throws for a known provider and type (a stale answer or the built-in default when the API fails). */
  getModel(provider: Provider, type?: ModelType): Promise<string>;
  /** The whole answer for a provider and type, with where it came from; never throws for a known provider. */
  getModelConfig(provider: Provider, type?: ModelType): Promise<ClientModelConfig>;
  /** Forgets every cached answer. */
  clear(): void;
}

interface Entry {
  config: ModelConfig;
  etag?: string;
  expiresAt: number;
  /** The answer of a cache hit, built once so a warm call allocates nothing. */
  hit: ClientModelConfig;
}

function isModelConfig(body: unknown): body is ModelConfig & { success: true } {
  const b = body as Record<string, unknown> | null;
  return !!b && b.success === true && typeof b.model_name === "string" && b.model_name.length > 0 && typeof b.provider === "string";
}

const PROVIDERS: readonly string[] = ["openai", "anthropic", "google", "mistral"];
const TYPES: readonly string[] = ["flagship", "fast"];

/** A provider or type outside the contract is the caller's bug: a clear error, not an empty model name. */
function checkRequest(provider: string, type: string): void {
  if (!PROVIDERS.includes(provider)) throw new ModelConfigError(`Unknown provider "${provider}": use one of ${PROVIDERS.join(", ")}`, { code: "unknown_provider" });
  if (!TYPES.includes(type)) throw new ModelConfigError(`Unknown model type "${type}": use flagship or fast`, { code: "unknown_type" });
}

/** Creates a client with its own cache: one request in flight per provider and type, stale-if-error, built-in defaults last. */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const ttlMs = options.ttlMs ?? 300_000;
  const retryMs = Math.min(options.retryAfterErrorMs ?? 30_000, ttlMs);
  const timeoutMs = options.timeoutMs ?? 5_000;
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const base = (options.baseUrl ?? "").trim().replace(/\/+$/, "");
  const report =
    options.onError ??
    ((error: ModelConfigError, r: { provider: Provider; type: ModelType }) =>
      console.warn(`ai-model-config: ${r.provider}/${r.type}: ${error.message}; using a cached or built-in model`));

  const warnDeprecated =
    options.onDeprecation ??
    ((n: DeprecationNotice) =>
      console.warn(`ai-model-config: ${n.provider}/${n.model_name} shuts down on ${n.shutdown_date} (${n.days_left} days)${n.successor ? `; successor: ${n.successor}` : ""}`));
  const warned = new Set<string>();
  const cache = new Map<string, Entry>();
  const failedUntil = new Map<string, number>();
  const inflight = new Map<string, Promise<ClientModelConfig>>();

  function lastResort(key: string, provider: Provider, type: ModelType): ClientModelConfig {
    const entry = cache.get(key);
    if (entry) return { ...entry.config, from: "stale" };
    const builtin = builtinDefault(provider, type);
    if (builtin) return { ...builtin, from: "builtin" };
    throw new ModelConfigError(`No built-in default for ${provider}/${type}`);
  }

  async function request(provider: Provider, type: ModelType, entry: Entry | undefined): Promise<{ config: ModelConfig; etag?: string }> {
    if (!base) throw new ModelConfigError("no baseUrl is set (e.g. AI_MODEL_CONFIG_URL)");
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    if (entry?.etag) headers["if-none-match"] = entry.etag;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const url = `${base}/api/ai-model-config?provider=${encodeURIComponent(provider)}&type=${encodeURIComponent(type)}`;
      const res = await doFetch(url, { headers, signal: controller.signal });
      if (res.status === 304 && entry) return { config: entry.config, etag: entry.etag };
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) {
        const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
        throw new ModelConfigError(`config API answered ${res.status}${err?.message ? `: ${err.message}` : ""}`, { status: res.status, code: err?.code });
      }
      if (!isModelConfig(body)) throw new ModelConfigError("config API answered an unexpected body", { status: res.status });
      const { success: _success, ...config } = body;
      void _success;
      return { config, etag: res.headers.get("etag") ?? undefined };
    } catch (err) {
      if (err instanceof ModelConfigError) throw err;
      const aborted = controller.signal.aborted;
      throw new ModelConfigError(aborted ? `config API did not answer within ${timeoutMs} ms` : `config API unreachable: ${(err as Error)?.message ?? err}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Once per model: a network answer whose model shuts down within 30 days. */
  function noticeDeprecation(config: ModelConfig, type: ModelType): void {
    const notice = deprecationNotice(config, type, now());
    const id = `${config.provider}/${config.model_name}`;
    if (!notice || warned.has(id)) return;
    warned.add(id);
    try {
      warnDeprecated(notice);
    } catch {
      // A failing onDeprecation must not turn into a failing getModel.
    }
  }

  async function refresh(key: string, provider: Provider, type: ModelType): Promise<ClientModelConfig> {
    const entry = cache.get(key);
    try {
      const { config, etag } = await request(provider, type, entry);
      cache.set(key, { config, etag, expiresAt: now() + ttlMs, hit: Object.freeze({ ...config, from: "cache" as const }) });
      failedUntil.delete(key);
      noticeDeprecation(config, type);
      return { ...config, from: "network" };
    } catch (err) {
      failedUntil.set(key, now() + retryMs);
      try {
        report(err instanceof ModelConfigError ? err : new ModelConfigError(String(err), { cause: err }), { provider, type });
      } catch {
        // A failing onError must not turn into a failing getModel.
      }
      return lastResort(key, provider, type);
    }
  }

  async function getModelConfig(provider: Provider, type: ModelType = "flagship"): Promise<ClientModelConfig> {
    checkRequest(provider, type);
    const key = `${provider}/${type}`;
    const entry = cache.get(key);
    const t = now();
    if (entry && t < entry.expiresAt) return entry.hit;
    if (t < (failedUntil.get(key) ?? 0)) return lastResort(key, provider, type);
    let pending = inflight.get(key);
    if (!pending) {
      pending = refresh(key, provider, type).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  }

  return {
    getModelConfig,
    async getModel(provider, type = "flagship") {
      const entry = cache.get(`${provider}/${type}`);
      if (entry && now() < entry.expiresAt) return entry.config.model_name; // the warm path
      // For a known provider and type this never throws: the fallback chain ends at the built-in default.
      return (await getModelConfig(provider, type)).model_name;
    },
    clear() {
      cache.clear();
      failedUntil.clear();
    },
  };
}

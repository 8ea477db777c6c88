// The config API's client for TypeScript services: fetch only, so it runs in Node, edge runtimes and browsers.
import { createAnswerCache, type CachedRead } from "./answer-cache";
import { builtinDefault } from "./defaults";
import { deprecationNotice, type DeprecationNotice } from "./deprecation";
import { selectQueryString } from "./select-query";
import {
  isModelType,
  isProvider,
  ModelConfigError,
  PROVIDERS,
  type ClientModelConfig,
  type ClientRouteConfig,
  type ClientSelectConfig,
  type ModelConfig,
  type ModelType,
  type Provider,
  type RouteConfig,
  type SelectConfig,
  type SelectQuery,
  type SlotRef,
} from "./types";

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
  onError?: (error: ModelConfigError, request: { provider?: Provider; type?: ModelType; route?: string; select?: string }) => void;
  /** Told once per model when the API answers a model within 30 days of its shutdown. Defaults to console.warn. */
  onDeprecation?: (notice: DeprecationNotice) => void;
  /** The slot a route answers when the API fails and no answer of it is cached ("openai:flagship"). */
  routeFallback?: SlotRef;
  now?: () => number;
}

export interface ModelClient {
  /** The model name to use; never throws for a known provider and type (a stale answer or the built-in default when the API fails). */
  getModel(provider: Provider, type?: ModelType): Promise<string>;
  /** The whole answer for a provider and type, with where it came from; never throws for a known provider. */
  getModelConfig(provider: Provider, type?: ModelType): Promise<ClientModelConfig>;
  /**
   * A named route's answer with its whole chain. When the API fails: the cached answer (chain included), else the
   * fallback slot's answer (`fallback`, else the client's `routeFallback`, else openai:flagship); never throws.
   */
  getRoute(name: string, options?: { fallback?: SlotRef }): Promise<ClientRouteConfig>;
  /**
   * The best model for a query, with alternatives. When the API fails or nothing matches: the cached answer, else
   * the fallback slot's (`fallback`, else the query's first provider and type); never throws.
   */
  select(query: SelectQuery, options?: { fallback?: SlotRef }): Promise<ClientSelectConfig>;
  /** Forgets every cached answer. */
  clear(): void;
}

interface SlotValue {
  config: ModelConfig;
  /** The answer of a cache hit, built once so a warm call allocates nothing. */
  hit: ClientModelConfig;
}

function isModelConfig(body: unknown): body is ModelConfig & { success: true } {
  const b = body as Record<string, unknown> | null;
  return !!b && b.success === true && typeof b.model_name === "string" && b.model_name.length > 0 && typeof b.provider === "string";
}

/** The answer without its envelope, when it is a config answer (and, for routes and selects, carries their fields). */
function withoutEnvelope<T extends ModelConfig>(body: unknown, has: (b: Record<string, unknown>) => boolean): T | undefined {
  if (!isModelConfig(body) || !has(body as unknown as Record<string, unknown>)) return undefined;
  const { success: _success, ...config } = body;
  void _success;
  return config as unknown as T;
}

const ROUTE_NAME = /^[a-z0-9][a-z0-9-_.]{0,62}$/;

/** A provider or type outside the contract is the caller's bug: a clear error, not an empty model name. */
function checkRequest(provider: string, type: string): void {
  if (!isProvider(provider)) throw new ModelConfigError(`Unknown provider "${provider}": use one of ${PROVIDERS.join(", ")}`, { code: "unknown_provider" });
  if (!isModelType(type)) throw new ModelConfigError(`Unknown model type "${type}": use flagship or fast`, { code: "unknown_type" });
}

function parseSlot(ref: string): { provider: Provider; type: ModelType } {
  const [provider, type] = ref.split(":");
  checkRequest(provider ?? "", type ?? "");
  return { provider: provider as Provider, type: type as ModelType };
}

/** Creates a client with its own cache: one request in flight per question, stale-if-error, built-in defaults last. */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const ttlMs = options.ttlMs ?? 300_000;
  const cacheOptions = {
    base: (options.baseUrl ?? "").trim().replace(/\/+$/, ""),
    apiKey: options.apiKey,
    ttlMs,
    retryMs: Math.min(options.retryAfterErrorMs ?? 30_000, ttlMs),
    timeoutMs: options.timeoutMs ?? 5_000,
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args)),
    now: options.now ?? Date.now,
  };
  const now = cacheOptions.now;
  const report =
    options.onError ??
    ((error: ModelConfigError, r: { provider?: Provider; type?: ModelType; route?: string; select?: string }) =>
      console.warn(`ai-model-config: ${r.route ? `route ${r.route}` : r.select ? `select ${r.select}` : `${r.provider}/${r.type}`}: ${error.message}; using a cached or fallback model`));
  const warnDeprecated =
    options.onDeprecation ??
    ((n: DeprecationNotice) =>
      console.warn(`ai-model-config: ${n.provider}/${n.model_name} shuts down on ${n.shutdown_date} (${n.days_left} days)${n.successor ? `; successor: ${n.successor}` : ""}`));
  const warned = new Set<string>();
  const slots = createAnswerCache<SlotValue>(cacheOptions, (body) => {
    const config = withoutEnvelope<ModelConfig>(body, () => true);
    return config && { config, hit: Object.freeze({ ...config, from: "cache" as const }) };
  });
  const routes = createAnswerCache<RouteConfig>(cacheOptions, (body) => withoutEnvelope<RouteConfig>(body, (b) => Array.isArray(b.chain)));
  const selects = createAnswerCache<SelectConfig>(cacheOptions, (body) =>
    withoutEnvelope<SelectConfig>(body, (b) => Array.isArray(b.alternatives) && typeof b.matched === "number"),
  );

  function tell(error: ModelConfigError | undefined, about: Parameters<typeof report>[1]): void {
    if (!error) return;
    try {
      report(error, about);
    } catch {
      // A failing onError must not turn into a failing call.
    }
  }

  /** Once per model: a network answer whose model shuts down within 30 days. */
  function noticeDeprecation(config: ModelConfig, type: ModelType | undefined): void {
    const notice = deprecationNotice(config, (type ?? config.model_type) as ModelType, now());
    const id = `${config.provider}/${config.model_name}`;
    if (!notice || warned.has(id)) return;
    warned.add(id);
    try {
      warnDeprecated(notice);
    } catch {
      // A failing onDeprecation must not turn into a failing call.
    }
  }

  async function getModelConfig(provider: Provider, type: ModelType = "flagship"): Promise<ClientModelConfig> {
    checkRequest(provider, type);
    const read = await slots.read(`${provider}/${type}`, `/api/ai-model-config?provider=${encodeURIComponent(provider)}&type=${encodeURIComponent(type)}`);
    if (read.from !== "stale") {
      if (read.from === "cache") return read.value.hit;
      noticeDeprecation(read.value.config, type);
      return { ...read.value.config, from: "network" };
    }
    tell(read.error, { provider, type });
    if (read.value) return { ...read.value.config, from: "stale" };
    const builtin = builtinDefault(provider, type);
    if (builtin) return { ...builtin, from: "builtin" };
    throw new ModelConfigError(`No built-in default for ${provider}/${type}`);
  }

  /** A route's or select's read as the caller's answer; after a failure with nothing cached, the fallback slot's answer. */
  async function answerOf<T extends RouteConfig | SelectConfig>(read: CachedRead<T>, fallback: ReturnType<typeof parseSlot>, empty: Omit<T, keyof ModelConfig>): Promise<T & { from: ClientModelConfig["from"] }> {
    if (read.from !== "stale") {
      if (read.from === "network") noticeDeprecation(read.value, undefined);
      return { ...read.value, from: read.from };
    }
    if (read.value) return { ...read.value, from: "stale" };
    const slot = await getModelConfig(fallback.provider, fallback.type);
    return { ...slot, ...empty, from: "fallback" } as unknown as T & { from: ClientModelConfig["from"] };
  }

  return {
    getModelConfig,
    async getModel(provider, type = "flagship") {
      const hit = slots.fresh(`${provider}/${type}`);
      if (hit) return hit.config.model_name; // the warm path
      // For a known provider and type this never throws: the fallback chain ends at the built-in default.
      return (await getModelConfig(provider, type)).model_name;
    },
    async getRoute(name, opts = {}) {
      if (!ROUTE_NAME.test(name)) throw new ModelConfigError(`Invalid route name "${name}": use lower-case letters, digits, "-", "_" or "."`, { code: "invalid_route" });
      const fallback = parseSlot(opts.fallback ?? options.routeFallback ?? "openai:flagship");
      const read = await routes.read(`route:${name}`, `/api/ai-model-config/routes/${encodeURIComponent(name)}`);
      if (read.from === "stale") tell(read.error, { route: name });
      return answerOf<RouteConfig>(read, fallback, { chain: [] });
    },
    async select(query, opts = {}) {
      const qs = selectQueryString(query);
      const type = query.type === "fast" ? "fast" : "flagship";
      const fallback = parseSlot(opts.fallback ?? `${query.providers?.[0] ?? "openai"}:${type}`);
      const read = await selects.read(`select:${qs}`, `/api/ai-model-config/select${qs ? `?${qs}` : ""}`);
      if (read.from === "stale") tell(read.error, { select: qs });
      return answerOf<SelectConfig>(read, fallback, { alternatives: [], matched: 0 });
    },
    clear() {
      slots.clear();
      routes.clear();
      selects.clear();
    },
  };
}

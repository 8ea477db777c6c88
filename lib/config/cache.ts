import { getDb } from "@/lib/db/client";
import { listModels, type ModelRow } from "@/lib/db/models-repo";
import { listRoutes, type RouteRow } from "@/lib/db/routes-repo";
import { listLiveKeys, type LiveKeyRow } from "@/lib/db/service-keys-repo";
import { logError, logInfo } from "@/lib/log";
import { noteConfigSource } from "@/lib/request-context";
import type { ConfigSource } from "./schemas";

/** The whole registry (models and routes) as read in one refresh, with its defaults indexed by "provider/tier". */
export interface RegistrySnapshot {
  models: ModelRow[];
  routes: RouteRow[];
  defaults: Map<string, ModelRow>;
  /** Live service keys by the hash of their secret; read with the models so a revocation travels with the registry. */
  keys: Map<string, LiveKeyRow>;
  loadedAt: number;
  generation: number;
}

export interface SnapshotRead {
  /** The freshest good snapshot, or undefined when the database was never read. */
  snapshot: RegistrySnapshot | undefined;
  source: ConfigSource;
}

export interface ConfigCacheOptions {
  /** How long a snapshot answers without asking the database. */
  ttlMs: number;
  /** How long a request waits for the database before answering from the fallback. */
  refreshTimeoutMs: number;
  /** After a failed read, how long answers come from the fallback before the database is tried again. */
  retryMs: number;
  now: () => number;
}

const DEFAULT_OPTIONS: ConfigCacheOptions = { ttlMs: 5 * 60_000, refreshTimeoutMs: 1_500, retryMs: 2_000, now: Date.now };

interface CacheState {
  options: ConfigCacheOptions;
  snapshot?: RegistrySnapshot;
  /** Bumped by invalidation: snapshots and reads of older generations are no longer fresh. */
  generation: number;
  inflight?: { generation: number; promise: Promise<RegistrySnapshot> };
  /** Per slot, the last default ever seen, for a slot that a later snapshot leaves empty. */
  lastKnownDefaults: Map<string, ModelRow>;
  down: boolean;
  retryAt: number;
}

// On globalThis so Next's dev reloads and every route bundle share one snapshot.
const holder = globalThis as unknown as { __ammConfigCache?: CacheState };
function state(): CacheState {
  holder.__ammConfigCache ??= freshState(DEFAULT_OPTIONS);
  return holder.__ammConfigCache;
}
function freshState(options: ConfigCacheOptions): CacheState {
  return { options, generation: 0, lastKnownDefaults: new Map(), down: false, retryAt: 0 };
}

export const slotKey = (provider: string, tier: string) => `${provider}/${tier}`;

/** Drops the in-process config snapshot so the next answer reads the registry (after a run or an admin change). */
export function invalidateConfigCache(): void {
  const s = state();
  s.generation++;
  s.inflight = undefined; // a read begun before the change may miss it
  s.retryAt = 0;
}

/** Forgets everything, including the last good snapshot and the outage state (tests). */
export function resetConfigCache(options: Partial<ConfigCacheOptions> = {}): void {
  holder.__ammConfigCache = freshState({ ...DEFAULT_OPTIONS, ...options });
}

function isFresh(s: CacheState, snap: RegistrySnapshot | undefined): snap is RegistrySnapshot {
  return !!snap && snap.generation === s.generation && s.options.now() - snap.loadedAt < s.options.ttlMs;
}

/** One read of the whole registry (models, then routes); concurrent callers share the same one. */
function refresh(s: CacheState): Promise<RegistrySnapshot> {
  if (s.inflight?.generation === s.generation) return s.inflight.promise;
  const generation = s.generation;
  const promise = (async () => {
    const db = await getDb();
    const [models, routes, liveKeys] = await Promise.all([listModels(db), listRoutes(db), listLiveKeys(db)]);
    const defaults = new Map<string, ModelRow>();
    for (const m of models) if (m.is_default) defaults.set(slotKey(m.provider, m.model_type), m);
    const keys = new Map(liveKeys.map((k) => [k.secret_hash, k]));
    return { models, routes, defaults, keys, loadedAt: s.options.now(), generation };
  })();
  const entry = { generation, promise };
  s.inflight = entry;
  promise.then(
    (snap) => {
      if (s.inflight === entry) s.inflight = undefined;
      if (s.down) logInfo("config API: the database is reachable again; answering from the registry");
      s.down = false;
      s.retryAt = 0;
      for (const [k, row] of snap.defaults) s.lastKnownDefaults.set(k, row);
      // A read that began before an invalidation is kept only if nothing newer arrived.
      if (!s.snapshot || snap.generation >= s.snapshot.generation) s.snapshot = snap;
    },
    (err: unknown) => {
      if (s.inflight === entry) s.inflight = undefined;
      s.retryAt = s.options.now() + s.options.retryMs;
      // Logged when an outage starts, not on every request of it.
      if (!s.down) logError("config API: the database is unreachable; answering from the last snapshot or the built-in defaults", err);
      s.down = true;
    },
  );
  return promise;
}

/** The promise, or "timeout" if it takes longer than ms (the timer never outlives the race). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<"timeout">((resolve) => {
    timer = setTimeout(resolve, ms, "timeout");
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The registry snapshot to answer from: fresh from memory ("cache"), re-read in one shared query
 * ("database"), or, when the database fails or is slow, the last good one ("fallback", possibly none).
 * Never throws.
 */
export async function readSnapshot(): Promise<SnapshotRead> {
  const read = await readSnapshotOnce();
  noteConfigSource(read.source); // the metrics' source label of this request's config answer
  return read;
}

/** The same read, without naming it as the request's config source (the key lookup of authentication). */
export async function readSnapshotOnce(): Promise<SnapshotRead> {
  const s = state();
  if (isFresh(s, s.snapshot)) return { snapshot: s.snapshot, source: "cache" };
  if (s.options.now() < s.retryAt) return { snapshot: s.snapshot, source: "fallback" };
  try {
    const result = await within(refresh(s), s.options.refreshTimeoutMs);
    if (result !== "timeout") return { snapshot: result, source: "database" };
  } catch {
    // Logged once per outage by refresh.
  }
  return { snapshot: s.snapshot, source: "fallback" };
}

/** The snapshot in memory, without reading the database (health and metrics report its age). */
export function peekSnapshot(): RegistrySnapshot | undefined {
  return state().snapshot;
}

/** The last default seen for a slot in any earlier snapshot (for a slot the current one leaves empty). */
export function lastKnownDefault(provider: string, tier: string): ModelRow | undefined {
  return state().lastKnownDefaults.get(slotKey(provider, tier));
}

import { getDb } from "@/lib/db/client";
import type { ModelRow } from "@/lib/db/models-repo";
import { readVersionTick, type VersionTick } from "@/lib/db/registry-version-repo";
import { readEnv } from "@/lib/env";
import { logError, logInfo } from "@/lib/log";
import { noteConfigSource } from "@/lib/request-context";
import type { ConfigSource } from "./schemas";
import { loadSnapshot, slotKey, type RegistrySnapshot } from "./snapshot";

export { slotKey, type RegistrySnapshot } from "./snapshot";

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
  /** How often the registry version is checked (CONFIG_VERSION_CHECK_MS); a moved version reloads the snapshot. */
  checkMs: number;
  now: () => number;
}

function defaultOptions(): ConfigCacheOptions {
  return { ttlMs: 5 * 60_000, refreshTimeoutMs: 1_500, retryMs: 2_000, checkMs: readEnv("CONFIG_VERSION_CHECK_MS"), now: Date.now };
}

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
  /** When the version was last asked (tried), and when a check last found the snapshot's version current. */
  checkedAt: number;
  confirmedAt: number;
  checking?: Promise<void>;
  /** A timer checks in the background (npm start): requests then wait on a check only if it stalled. */
  watching: boolean;
  tickListeners: ((tick: VersionTick) => void)[];
}

// On globalThis so Next's dev reloads and every route bundle share one snapshot.
const holder = globalThis as unknown as { __ammConfigCache?: CacheState };
function state(): CacheState {
  holder.__ammConfigCache ??= freshState(defaultOptions());
  return holder.__ammConfigCache;
}
function freshState(options: ConfigCacheOptions): CacheState {
  return { options, generation: 0, lastKnownDefaults: new Map(), down: false, retryAt: 0, checkedAt: 0, confirmedAt: 0, watching: false, tickListeners: [] };
}

/** Drops the in-process config snapshot so the next answer reads the registry (after a run or an admin change). */
export function invalidateConfigCache(): void {
  const s = state();
  s.generation++;
  s.inflight = undefined; // a read begun before the change may miss it
  s.retryAt = 0;
}

/** Forgets everything, including the last good snapshot and the outage state (tests). */
export function resetConfigCache(options: Partial<ConfigCacheOptions> = {}): void {
  const old = holder.__ammConfigCache;
  holder.__ammConfigCache = freshState({ ...defaultOptions(), ...options });
  // A running watch keeps running (its timer reads the state afresh on each tick).
  if (old?.watching) Object.assign(holder.__ammConfigCache, { watching: true, tickListeners: old.tickListeners });
}

function isFresh(s: CacheState, snap: RegistrySnapshot | undefined): snap is RegistrySnapshot {
  return !!snap && snap.generation === s.generation && s.options.now() - Math.max(snap.loadedAt, s.confirmedAt) < s.options.ttlMs;
}

/** One query for the whole registry; concurrent callers share the same one. */
function refresh(s: CacheState): Promise<RegistrySnapshot> {
  if (s.inflight?.generation === s.generation) return s.inflight.promise;
  const generation = s.generation;
  const startedAt = s.options.now();
  const promise = (async () => ({ ...(await loadSnapshot(await getDb())), loadedAt: s.options.now(), generation }))();
  const entry = { generation, promise };
  s.inflight = entry;
  promise.then(
    (snap) => {
      if (s.inflight === entry) s.inflight = undefined;
      if (s.down) logInfo("config API: the database is reachable again; answering from the registry");
      s.down = false;
      s.retryAt = 0;
      s.checkedAt = Math.max(s.checkedAt, startedAt); // the load read the version as it began
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

/**
 * One tiny query: has the registry version moved since the snapshot was read? A move drops the snapshot
 * (or, from the background watch, swaps a fresh one in while answers keep coming from the old one).
 * Concurrent callers share one check; failures are left to the snapshot's own reads to report.
 */
function checkVersion(s: CacheState, background = false): Promise<void> {
  s.checking ??= (async () => {
    const askedAt = s.options.now();
    try {
      const tick = await readVersionTick(await getDb());
      const snap = s.snapshot;
      if (snap && snap.version !== tick.version) {
        if (background && snap.generation === s.generation) await swapInFresh(s, tick.version);
        else if (snap.generation === s.generation) invalidateConfigCache();
      } else if (snap) s.confirmedAt = askedAt;
      for (const listener of s.tickListeners) listener(tick);
    } catch {
      // The database is down or slow: answers keep coming from the snapshot until its TTL, as before.
    } finally {
      s.checkedAt = Math.max(s.checkedAt, askedAt);
      s.checking = undefined;
    }
  })();
  return s.checking;
}

/** Loads the registry and makes it the snapshot, unless a local change invalidated meanwhile (its own read wins). */
async function swapInFresh(s: CacheState, version: number): Promise<void> {
  const generation = s.generation;
  const loaded = await loadSnapshot(await getDb());
  if (s.generation !== generation || loaded.version < version) return;
  s.generation++;
  s.snapshot = { ...loaded, loadedAt: s.options.now(), generation: s.generation };
  for (const [k, row] of loaded.defaults) s.lastKnownDefaults.set(k, row);
}

/**
 * Under a long-lived server: checks the version every CONFIG_VERSION_CHECK_MS in the background, so no
 * request waits on it; `onTick` sees each check's answer (the outbox poll rides on the same query).
 * Answers a stop function. Idempotent per process.
 */
export function startVersionWatch(onTick?: (tick: VersionTick) => void): () => void {
  const s = state();
  if (onTick) s.tickListeners.push(onTick);
  if (s.watching) return () => undefined;
  s.watching = true;
  const timer = setInterval(() => void checkVersion(state(), true), s.options.checkMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    const now = state();
    now.watching = false;
    now.tickListeners = [];
  };
}

/** Checks the version now, as a request past the interval would (tests, and the health probe). */
export function checkRegistryVersion(): Promise<void> {
  return checkVersion(state());
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
  if (s.snapshot?.generation === s.generation) {
    // Without a running watch (Vercel), a request past the interval asks the version itself; requests
    // that come while a check is out answer from the snapshot, so a stalled database stalls one at most.
    const due = s.options.now() - s.checkedAt >= s.options.checkMs * (s.watching ? 3 : 1);
    if (due && !s.checking) await within(checkVersion(s), s.options.refreshTimeoutMs);
    if (isFresh(s, s.snapshot)) return { snapshot: s.snapshot, source: "cache" };
  }
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

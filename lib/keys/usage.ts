import { getDb } from "@/lib/db/client";
import { addUsageCounts, type UsageCount, type UsageKind } from "@/lib/db/key-usage-repo";
import { touchServiceKeys } from "@/lib/db/service-keys-repo";
import type { Db } from "@/lib/db/types";
import { logError } from "@/lib/log";

// Which service read what: counted in memory on every read, written in one batch every few seconds and at
// shutdown, so a read never waits for (or causes) a write of its own.

export const USAGE_FLUSH_MS = 5_000;

interface UsageState {
  counts: Map<string, UsageCount>;
  /** Per key id, the time of its latest read (ISO). */
  lastUse: Map<string, string>;
  timer?: ReturnType<typeof setTimeout>;
  flushing?: Promise<number>;
  lastFlushAt: number;
}

// On globalThis so every route bundle counts into one table.
const holder = globalThis as unknown as { __ammKeyUsage?: UsageState };
function state(): UsageState {
  holder.__ammKeyUsage ??= { counts: new Map(), lastUse: new Map(), lastFlushAt: 0 };
  return holder.__ammKeyUsage;
}

const countId = (c: Omit<UsageCount, "count">) => `${c.key_id}\u0000${c.day}\u0000${c.kind}\u0000${c.target}`;

/** Counts one read of a slot, route or select by a service key; memory only, a flush is scheduled. */
export function noteRead(keyId: string, kind: UsageKind, target: string, now: Date = new Date()): void {
  const s = state();
  const iso = now.toISOString();
  const day = iso.slice(0, 10);
  const id = countId({ key_id: keyId, day, kind, target });
  const entry = s.counts.get(id);
  if (entry) entry.count++;
  else s.counts.set(id, { key_id: keyId, day, kind, target, count: 1 });
  const last = s.lastUse.get(keyId);
  if (!last || last < iso) s.lastUse.set(keyId, iso);
  scheduleFlush(s);
}

function scheduleFlush(s: UsageState): void {
  if (!s.timer) {
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void flushUsage();
    }, USAGE_FLUSH_MS);
    s.timer.unref?.();
  }
  // A serverless instance may be frozen before the timer fires: flush after the response, at most every few seconds.
  if (process.env.VERCEL && process.env.NEXT_RUNTIME) {
    void import("next/server")
      .then(({ after }) => after(() => (Date.now() - s.lastFlushAt >= USAGE_FLUSH_MS ? flushUsage() : undefined)))
      .catch(() => undefined);
  }
}

/** The counts not yet written (tests and the admin view's own instance). */
export function unflushedUsage(): UsageCount[] {
  return [...state().counts.values()].map((c) => ({ ...c }));
}

/**
 * Writes the counts gathered since the last flush (added to the stored ones) and each key's last use, in one
 * transaction; nothing is written when nothing was read. Failed counts are kept for the next flush.
 * Answers how many count rows it wrote. Never throws.
 */
export async function flushUsage(db?: Db): Promise<number> {
  const s = state();
  // One flush at a time: a second caller waits for the running one, then writes what arrived meanwhile.
  const before = s.flushing;
  const run = (async () => {
    await before;
    return flushOnce(s, db);
  })();
  s.flushing = run;
  try {
    return await run;
  } finally {
    if (s.flushing === run) s.flushing = undefined;
  }
}

async function flushOnce(s: UsageState, db?: Db): Promise<number> {
  s.lastFlushAt = Date.now();
  if (s.counts.size === 0) return 0;
  const counts = [...s.counts.values()];
  const uses = [...s.lastUse].map(([id, at]) => ({ id, at }));
  s.counts = new Map();
  s.lastUse = new Map();
  try {
    const handle = db ?? (await getDb());
    await handle.transaction(async (tx) => {
      await addUsageCounts(tx, counts);
      await touchServiceKeys(tx, uses);
    });
    return counts.length;
  } catch (err) {
    logError("service key usage: could not write the read counts; keeping them for the next flush", err);
    for (const c of counts) {
      const id = countId(c);
      const now = s.counts.get(id);
      if (now) now.count += c.count;
      else s.counts.set(id, c);
    }
    for (const u of uses) if ((s.lastUse.get(u.id) ?? "") < u.at) s.lastUse.set(u.id, u.at);
    scheduleFlush(s);
    return 0;
  }
}

/** Forgets every unwritten count and timer (tests). */
export function resetUsage(): void {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  holder.__ammKeyUsage = undefined;
}

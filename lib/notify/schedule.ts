import type { Db } from "@/lib/db/types";
import { logError } from "@/lib/log";
import { runDailyCheck, type DailyCheckResult } from "@/lib/registry/daily-check";
import { kickOutbox } from "./kick";
import { workOutbox } from "./worker";

/** The daily check and then the outbox, as the cron route and the in-process timer run them. */
export async function dailyCheckAndDeliver(db: Db, opts: { now?: Date; fetch?: typeof fetch } = {}): Promise<DailyCheckResult & { delivered: number; failed: number }> {
  const result = await runDailyCheck(db, { now: opts.now });
  const sent = await workOutbox(db, { fetch: opts.fetch });
  return { ...result, ...sent };
}

const state = globalThis as unknown as { __ammTimers?: NodeJS.Timeout[] };

/**
 * Under `npm start` (a long-lived Node server): the outbox every 10 s, so a failed delivery is retried
 * within 30 s, and the daily check a minute after start and then every 24 h. Timers are unref'd.
 */
export function startInProcessSchedule(getDb: () => Promise<Db>): void {
  if (state.__ammTimers) return;
  const outbox = setInterval(() => kickOutbox(getDb()), 10_000);
  const daily = () => void getDb().then((db) => dailyCheckAndDeliver(db)).catch((err) => logError("daily check", err));
  const first = setTimeout(daily, 60_000);
  const every = setInterval(daily, 24 * 60 * 60 * 1000);
  state.__ammTimers = [outbox, first, every];
  for (const t of state.__ammTimers) t.unref();
}

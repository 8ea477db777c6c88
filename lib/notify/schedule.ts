import { startVersionWatch } from "@/lib/config/cache";
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
 * Under `npm start` (a long-lived Node server): the registry version watch (CONFIG_VERSION_CHECK_MS), whose
 * one query also tells whether a webhook delivery is due, so the outbox is worked as soon as one is (no poll
 * of its own); the daily check a minute after start and then every 24 h. Timers are unref'd.
 */
export function startInProcessSchedule(getDb: () => Promise<Db>): void {
  if (state.__ammTimers) return;
  startVersionWatch((tick) => {
    if (tick.outbox_due) kickOutbox(getDb());
  });
  const daily = () => void getDb().then((db) => dailyCheckAndDeliver(db)).catch((err) => logError("daily check", err));
  const first = setTimeout(daily, 60_000);
  const every = setInterval(daily, 24 * 60 * 60 * 1000);
  state.__ammTimers = [first, every];
  for (const t of state.__ammTimers) t.unref();
}

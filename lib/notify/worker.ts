import { claimDueDeliveries, recordAttempt } from "@/lib/db/events-repo";
import type { Db } from "@/lib/db/types";
import { readEnv } from "@/lib/env";
import { logInfo } from "@/lib/log";
import { redactUrl } from "./redact";
import { sendDelivery } from "./send";

/** Deliveries are retried for this long after their event, then marked failed. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60 * 1000;
// A claimed delivery whose worker died is due again after this.
const CLAIM_LEASE_MS = 60_000;

/** When attempt n (1-based) failed: the next one 30 s later, then doubling, at most an hour apart; null after 24 h. */
export function nextAttemptAt(attempts: number, createdAt: Date, now: Date): Date | null {
  const delay = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  const next = new Date(now.getTime() + delay);
  return next.getTime() - createdAt.getTime() > RETRY_WINDOW_MS ? null : next;
}

export interface WorkOptions {
  now?: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Works the outbox once: sends every due delivery and records its outcome; answers how many were delivered and failed. */
export async function workOutbox(db: Db, opts: WorkOptions = {}): Promise<{ delivered: number; failed: number }> {
  const now = opts.now ?? (() => new Date());
  const secret = readEnv("ALERT_WEBHOOK_SECRET");
  const due = await claimDueDeliveries(db, now(), CLAIM_LEASE_MS);
  let delivered = 0;
  let failed = 0;
  for (const d of due) {
    const result = await sendDelivery(d.url, d.event, { deliveryId: d.id, secret, fetch: opts.fetch, timeoutMs: opts.timeoutMs, now: now() });
    const next = result.ok ? null : nextAttemptAt(d.attempts + 1, new Date(d.event.created_at), now());
    await recordAttempt(db, d.id, { ...result, next });
    if (result.ok) delivered++;
    else {
      failed++;
      logInfo(`webhook ${d.event.type} to ${redactUrl(d.url)}: ${result.error}${next ? `, retry at ${next.toISOString()}` : ", giving up"}`);
    }
  }
  return { delivered, failed };
}

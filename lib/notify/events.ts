import { insertEvent, type EventRow } from "@/lib/db/events-repo";
import type { Db } from "@/lib/db/types";
import { readEnv } from "@/lib/env";

/** Every event type a webhook may receive (CONTRACT §8). */
export const EVENT_TYPES = ["default.changed", "default.pending", "run.failed", "run.partial", "model.retiring", "model.unpriced", "alert.raised", "route.changed"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The webhook URLs of ALERT_WEBHOOK_URLS (validated http(s) by the env schema). */
export function webhookUrls(): string[] {
  return readEnv("ALERT_WEBHOOK_URLS");
}

/**
 * Writes an event to the outbox with one delivery per configured webhook, in the caller's transaction:
 * the change and its announcement commit together, so a crash loses neither alone.
 */
export async function emitEvent(tx: Db, type: EventType, data: Record<string, unknown>): Promise<EventRow> {
  return insertEvent(tx, type, data, webhookUrls());
}

import { listDeliveries, type DeliveryRow } from "@/lib/db/events-repo";
import type { Db } from "@/lib/db/types";
import { ConflictError } from "@/lib/errors";
import { emitEvent, webhookUrls } from "./events";
import { redactUrl } from "./redact";
import { workOutbox } from "./worker";

/** The deliveries log as the console shows it: newest first, URLs without their query string. */
export async function deliveriesForApi(db: Db, limit = 100): Promise<{ configured: number; deliveries: DeliveryRow[] }> {
  const rows = await listDeliveries(db, limit);
  return { configured: webhookUrls().length, deliveries: rows.map((d) => ({ ...d, url: redactUrl(d.url) })) };
}

/** "Send test event": an alert.raised marked as a test, to every webhook, sent at once; 409 when none is configured. */
export async function sendTestEvent(db: Db, actor: string): Promise<{ event_id: string; deliveries: DeliveryRow[] }> {
  if (webhookUrls().length === 0) throw new ConflictError("No webhook is configured: set ALERT_WEBHOOK_URLS");
  const event = await db.transaction((tx) => emitEvent(tx, "alert.raised", { test: true, message: "Test event from AI Model Manager", requested_by: actor }));
  await workOutbox(db);
  const { deliveries } = await deliveriesForApi(db);
  return { event_id: event.id, deliveries: deliveries.filter((d) => d.event_id === event.id) };
}

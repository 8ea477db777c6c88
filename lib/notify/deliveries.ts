import { listDeliveries, type DeliveryRow } from "@/lib/db/events-repo";
import type { Db } from "@/lib/db/types";
import { EnvError } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { emitEvent, webhookUrls } from "./events";
import { redactUrl } from "./redact";
import { workOutbox } from "./worker";

/** How many webhooks are configured, or why ALERT_WEBHOOK_URLS cannot be used (its value is never repeated: it may hold a secret). */
function webhookSetting(): { configured: number; config_error: string | null } {
  try {
    return { configured: webhookUrls().length, config_error: null };
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    return { configured: 0, config_error: `${err.variable} is malformed: give comma-separated http(s) URLs` };
  }
}

/** The deliveries log as the console shows it: newest first, URLs without their query string. */
export async function deliveriesForApi(db: Db, limit = 100): Promise<{ configured: number; config_error: string | null; deliveries: DeliveryRow[] }> {
  const rows = await listDeliveries(db, limit);
  return { ...webhookSetting(), deliveries: rows.map((d) => ({ ...d, url: redactUrl(d.url) })) };
}

/** "Send test event": an alert.raised marked as a test, to every webhook, sent at once; 409 when none is configured. */
export async function sendTestEvent(db: Db, actor: string): Promise<{ event_id: string; deliveries: DeliveryRow[] }> {
  if (webhookUrls().length === 0) throw new ConflictError("No webhook is configured: set ALERT_WEBHOOK_URLS");
  const event = await db.transaction((tx) => emitEvent(tx, "alert.raised", { test: true, message: "Test event from AI Model Manager", requested_by: actor }));
  await workOutbox(db);
  const { deliveries } = await deliveriesForApi(db);
  return { event_id: event.id, deliveries: deliveries.filter((d) => d.event_id === event.id) };
}

import type { Db } from "@/lib/db/types";
import { logError } from "@/lib/log";
import { webhookUrls } from "./events";
import { workOutbox } from "./worker";

const state = globalThis as unknown as { __ammOutboxBusy?: boolean };

/** Works the outbox in the background, one pass at a time per process; errors are logged, never thrown. */
export function kickOutbox(db: Db | Promise<Db>): void {
  if (state.__ammOutboxBusy) return;
  state.__ammOutboxBusy = true;
  void Promise.resolve(db)
    .then((d) => workOutbox(d))
    .catch((err) => logError("webhook outbox", err))
    .finally(() => {
      state.__ammOutboxBusy = false;
    });
}

/** After a change: delivers its events at once when webhooks are configured (on Vercel the only prompt path besides the daily check). */
export function deliverSoon(db: Db): void {
  let urls: string[] = [];
  try {
    urls = webhookUrls();
  } catch {
    return; // a malformed ALERT_WEBHOOK_URLS is reported where events are written
  }
  if (urls.length > 0) kickOutbox(db);
}

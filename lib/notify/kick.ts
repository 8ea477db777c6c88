import type { Db } from "@/lib/db/types";
import { logError } from "@/lib/log";
import { webhookUrls } from "./events";
import { workOutbox } from "./worker";

const state = globalThis as unknown as { __ammOutbox?: { busy: boolean; again?: Db | Promise<Db> } };

/**
 * Works the outbox in the background, one pass at a time per process; a kick during a pass runs one more
 * pass after it (its events may have been committed after the pass claimed). Errors are logged, never thrown.
 */
export function kickOutbox(db: Db | Promise<Db>): void {
  const s = (state.__ammOutbox ??= { busy: false });
  if (s.busy) {
    s.again = db;
    return;
  }
  s.busy = true;
  const pass = Promise.resolve(db)
    .then((d) => workOutbox(d))
    .catch((err) => logError("webhook outbox", err))
    .finally(() => {
      s.busy = false;
      const next = s.again;
      s.again = undefined;
      if (next) kickOutbox(next);
    });
  // Inside Next, keeps a serverless function alive until the pass ends; scripts and tests never load next/server.
  if (process.env.NEXT_RUNTIME) {
    void import("next/server")
      .then(({ after }) => after(() => pass))
      .catch(() => undefined); // outside a request (timers) the pass simply runs on
  }
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

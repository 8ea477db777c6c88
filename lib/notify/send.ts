import type { EventRow } from "@/lib/db/events-repo";
import { isSlackUrl } from "./redact";
import { signatureOf } from "./sign";
import { slackBody } from "./slack";

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

export interface SendOptions {
  deliveryId: string;
  secret?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: Date;
}

/** The exact request of one delivery: body (the event, or Slack's shape) and the X-AMM headers. */
export function deliveryRequest(url: string, event: EventRow, opts: Pick<SendOptions, "deliveryId" | "secret" | "now">): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(isSlackUrl(url) ? slackBody(event) : { id: event.id, type: event.type, created_at: event.created_at, data: event.data });
  const timestamp = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "ai-model-manager-webhooks",
    "x-amm-event": event.type,
    "x-amm-delivery": opts.deliveryId,
    "x-amm-timestamp": String(timestamp),
  };
  if (opts.secret) headers["x-amm-signature"] = signatureOf(opts.secret, timestamp, body);
  return { body, headers };
}

/** POSTs one delivery; any 2xx is delivered, anything else (status, timeout, refused) is a failed attempt. */
export async function sendDelivery(url: string, event: EventRow, opts: SendOptions): Promise<SendResult> {
  const { body, headers } = deliveryRequest(url, event, opts);
  try {
    const res = await (opts.fetch ?? fetch)(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
    await res.arrayBuffer().catch(() => undefined); // read to the end, so the connection can be reused
    return res.ok ? { ok: true, status: res.status, error: null } : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    // The cause names the failure kind only: never the URL (its query may hold a token).
    const name = err instanceof Error ? err.name : "Error";
    const code = (err as { cause?: { code?: string } })?.cause?.code;
    return { ok: false, status: null, error: name === "TimeoutError" ? "timed out" : `network error${code ? ` (${code})` : ""}` };
  }
}

import type { EventRow } from "@/lib/db/events-repo";

/** One line a person reads for an event. */
export function eventText(e: Pick<EventRow, "type" | "data">): string {
  const d = e.data as Record<string, unknown>;
  const slot = d.provider ? `${String(d.provider)}/${String(d.model_type ?? "")}` : "";
  switch (e.type) {
    case "default.changed":
      return `Default of ${slot} changed: ${String(d.from ?? "none")} → ${String(d.to ?? "none")} (${String(d.reason ?? "")})`;
    case "default.pending":
      return `Default change of ${slot} is pending: ${String(d.from ?? "none")} → ${String(d.to)} (${String(d.policy ?? "")})`;
    case "run.failed":
    case "run.partial":
      return `Discovery run ${String(d.run_id ?? "")} ${e.type === "run.failed" ? "failed" : "was partial"}`;
    case "model.retiring":
      return `${String(d.provider)}/${String(d.model_name)} shuts down on ${String(d.shutdown_date)} (${String(d.days_left)} days)`;
    case "model.unpriced":
      return `${String(d.provider)}/${String(d.model_name)} is an active ${String(d.model_type)} model without a price`;
    case "route.changed":
      return `Route ${String(d.name)} ${String(d.action)}${d.changed_by ? ` by ${String(d.changed_by)}` : ""}`;
    default:
      return `${e.type}: ${String(d.message ?? JSON.stringify(d))}`;
  }
}

/** The Slack incoming-webhook body of an event: `text` for notifications, `blocks` for the message. */
export function slackBody(e: EventRow): { text: string; blocks: unknown[] } {
  const text = eventText(e);
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*AI Model Manager* · \`${e.type}\`\n${text}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `event ${e.id} · ${e.created_at}` }] },
    ],
  };
}

"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { useTestEventMutation } from "@/hooks/use-rollout-mutations";
import { useDeliveriesQuery } from "@/hooks/use-rollout-queries";
import { formatDateTime } from "@/lib/format";
import { ErrorState } from "./QueryState";

/** The webhook deliveries log (status, attempts, last error) and a button that sends a test event to every webhook. */
export function Deliveries() {
  const log = useDeliveriesQuery();
  const test = useTestEventMutation({
    onSuccess: () => toast({ title: "Test event sent", variant: "success" }),
    onError: (err) => toast({ title: "Could not send the test event", description: errorMessage(err), variant: "destructive" }),
  });
  const rows = log.data?.deliveries ?? [];
  return (
    <Card data-testid="deliveries">
      <CardHeader className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <CardTitle>Webhook deliveries</CardTitle>
          <CardDescription>
            {log.data ? `${log.data.configured} webhook${log.data.configured === 1 ? "" : "s"} configured (ALERT_WEBHOOK_URLS).` : "Events sent to ALERT_WEBHOOK_URLS."} Failed deliveries are retried for 24 hours.
          </CardDescription>
          {log.data?.config_error ? (
            <p role="alert" className="mt-1 text-sm text-destructive" data-testid="webhook-config-error">
              {log.data.config_error}
            </p>
          ) : null}
        </div>
        <Button size="sm" variant="outline" className="shrink-0" disabled={test.isPending || !log.data?.configured} onClick={() => test.mutate()}>
          Send test event
        </Button>
      </CardHeader>
      <CardContent>
        {log.isPending ? (
          <Skeleton className="h-12 w-full" />
        ) : log.isError ? (
          <ErrorState title="The deliveries could not be loaded" error={log.error} onRetry={() => void log.refetch()} />
        ) : rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">No delivery yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="delivery-log">
            {rows.slice(0, 30).map((d) => (
              <li key={d.id} className="flex flex-wrap gap-x-2" data-status={d.status}>
                <time dateTime={d.created_at} className="text-muted-foreground tabular-nums">
                  {formatDateTime(d.created_at)}
                </time>
                <span className="font-mono">{d.event_type}</span>
                <span className="min-w-0 break-all">{d.url}</span>
                <span className={d.status === "failed" ? "text-destructive" : "text-muted-foreground"}>
                  {d.status} · {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                  {d.last_error ? ` · ${d.last_error}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

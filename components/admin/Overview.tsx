"use client";

import { useMemo } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useDefaultsQuery } from "@/hooks/use-defaults-query";
import { useModelsQuery } from "@/hooks/use-models-query";
import { useRunsQuery } from "@/hooks/use-runs-query";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/domain";
import { DISCOVERY_CRON, formatDateTime, formatDuration, formatRelative, nextCronRun } from "@/lib/format";
import { computeAlerts } from "@/lib/monitoring";
import { AlertBanners } from "./AlertBanners";
import { ErrorState } from "./QueryState";
import { ReadBy } from "./ReadBy";
import { RunStatusBadge } from "./StatusBadges";

/** The state of things at a glance: alerts, each provider's defaults, the last and the next run. */
export function Overview() {
  const defaults = useDefaultsQuery();
  const runs = useRunsQuery();
  const models = useModelsQuery();
  const alerts = useMemo(() => {
    if (!runs.data || !models.data) return [];
    const lastAddedAt = models.data.reduce<string | null>((max, m) => (max === null || m.discovered_at > max ? m.discovered_at : max), null);
    return computeAlerts({ runs: runs.data, lastAddedAt, models: models.data });
  }, [runs.data, models.data]);
  const last = runs.data?.find((r) => r.status !== "running");
  const running = runs.data?.[0]?.status === "running" ? runs.data[0] : undefined;
  const next = nextCronRun(DISCOVERY_CRON);

  return (
    <section aria-label="Overview" className="space-y-4" data-testid="overview">
      <AlertBanners alerts={alerts} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Current defaults</CardTitle>
            <CardDescription>What the config API answers for each provider and tier.</CardDescription>
          </CardHeader>
          <CardContent>
            {defaults.isError ? (
              <ErrorState title="The defaults could not be loaded" error={defaults.error} onRetry={() => void defaults.refetch()} />
            ) : (
              <dl className="grid gap-3 sm:grid-cols-2" data-testid="defaults">
                {PROVIDERS.map((p) => (
                  <div key={p} className="rounded-md border p-3" data-testid="provider-defaults" data-provider={p}>
                    <dt className="mb-1 text-sm font-medium">{PROVIDER_LABELS[p]}</dt>
                    {(["flagship", "fast"] as const).map((tier) => (
                      <dd key={tier} className="flex min-w-0 items-baseline justify-between gap-2 text-sm">
                        <span className="text-muted-foreground">{tier === "flagship" ? "Flagship" : "Fast"}</span>
                        {defaults.isPending ? (
                          <Skeleton className="h-4 w-28" />
                        ) : (
                          <span className="flex min-w-0 flex-wrap items-baseline justify-end gap-x-2">
                            <span className="truncate font-mono text-[13px]" data-testid={`default-${p}-${tier}`}>
                              {defaults.data?.[p]?.[tier]?.model_name ?? "—"}
                            </span>
                            <ReadBy kind="slot" target={`${p}:${tier}`} />
                          </span>
                        )}
                      </dd>
                    ))}
                  </div>
                ))}
              </dl>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Schedule</CardTitle>
            <CardDescription>Discovery runs monthly, and on demand.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-3 text-sm" data-testid="schedule">
            <div>
              <p className="text-muted-foreground">Last run</p>
              {runs.isPending ? (
                <Skeleton className="mt-1 h-5 w-40" />
              ) : last ? (
                <div className="mt-0.5 flex flex-wrap items-center gap-2" data-testid="last-run">
                  <RunStatusBadge status={last.status} />
                  <time dateTime={last.run_date} title={formatDateTime(last.run_date)}>
                    {formatRelative(last.run_date)}
                  </time>
                  <span className="text-muted-foreground">· {formatDuration(last.execution_time_ms)}</span>
                </div>
              ) : (
                <p className="mt-0.5">Never</p>
              )}
            </div>
            {running ? (
              <div data-testid="running-now">
                <p className="text-muted-foreground">Now</p>
                <div className="mt-0.5 flex items-center gap-2">
                  <RunStatusBadge status="running" />
                  <span>started {formatRelative(running.started_at)}</span>
                </div>
              </div>
            ) : null}
            <div>
              <p className="text-muted-foreground">Next scheduled run</p>
              <p className="mt-0.5" data-testid="next-run">
                <time dateTime={next.toISOString()}>{formatDateTime(next)}</time>{" "}
                <span className="text-muted-foreground" suppressHydrationWarning>({formatRelative(next)})</span>
              </p>
            </div>
          </CardContent>
        </Card>
      </div>
    </section>
  );
}

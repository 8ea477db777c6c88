"use client";

import { RadarIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import type { RunRowWire as RunRow } from "@/lib/config/schemas";
import { useDiscovery } from "@/hooks/use-discovery";
import { formatDuration, formatRelative } from "@/lib/format";
import { RunProgress } from "./RunProgress";
import { RunSummary } from "./RunSummary";
import { runToastDescription } from "./run-toast";
import { RunStatusBadge } from "./StatusBadges";
import { readProgress } from "./run-view";

/** The "Discover models" button, the live progress of the run, then its result. */
export function DiscoverPanel() {
  const discovery = useDiscovery({
    onFinished: (run) => {
      toast({
        title: run.status === "success" ? "Discovery finished" : run.status === "partial" ? "Discovery finished with errors" : "Discovery failed",
        description: runToastDescription(run),
        variant: run.status === "success" ? "success" : run.status === "failed" ? "destructive" : "default",
      });
    },
  });
  const { run, running } = discovery;

  return (
    <Card data-testid="discover-panel">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="space-y-1.5">
          <CardTitle>Discovery</CardTitle>
          <CardDescription>Lists every provider&apos;s models, adds new ones, deprecates vanished ones and picks the defaults.</CardDescription>
        </div>
        <Button onClick={discovery.start} disabled={running} data-testid="discover-button">
          <RadarIcon aria-hidden className={running ? "animate-pulse" : undefined} />
          {running ? "Discovering…" : "Discover models"}
        </Button>
      </CardHeader>
      {discovery.startError || discovery.runError || run ? (
        <CardContent className="space-y-4">
          {discovery.startError ? (
            <Alert variant="destructive" data-testid="discover-error">
              <AlertTitle>Discovery could not start</AlertTitle>
              <AlertDescription>{errorMessage(discovery.startError)}</AlertDescription>
            </Alert>
          ) : null}
          {discovery.runError && !run ? (
            <Alert variant="destructive">
              <AlertTitle>The run could not be followed</AlertTitle>
              <AlertDescription>{errorMessage(discovery.runError)}</AlertDescription>
            </Alert>
          ) : null}
          {run ? (
            <div className="space-y-4" data-testid="discover-run" data-run-id={run.id} data-status={run.status}>
              {discovery.alreadyRunning && run.status === "running" ? (
                <p className="text-sm text-muted-foreground" data-testid="already-running">
                  A discovery run was already under way (started {formatRelative(run.started_at)}); following it.
                </p>
              ) : null}
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <RunStatusBadge status={run.status} />
                <span className="text-muted-foreground">
                  {run.status === "running"
                    ? `started ${formatRelative(run.started_at)}`
                    : `finished ${formatRelative(run.finished_at ?? run.run_date)} in ${formatDuration(run.execution_time_ms)}`}
                </span>
              </div>
              {run.status === "running" ? <RunBar run={run} /> : null}
              <RunProgress run={run} />
              {run.status !== "running" ? <RunSummary run={run} /> : null}
            </div>
          ) : null}
        </CardContent>
      ) : null}
    </Card>
  );
}

/** How many providers have finished (done, failed or skipped), as a bar. */
function RunBar({ run }: { run: RunRow }) {
  const all = readProgress(run);
  const ended = all.filter((p) => p.state === "done" || p.state === "failed" || p.state === "skipped").length;
  const value = all.length ? Math.round((ended / all.length) * 100) : null;
  return (
    <div className="space-y-1">
      <Progress value={value} aria-label="Providers finished" data-testid="run-bar" />
      <p className="text-xs text-muted-foreground tabular-nums">
        {all.length ? `${ended} of ${all.length} providers finished` : "Starting…"}
      </p>
    </div>
  );
}

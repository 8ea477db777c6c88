"use client";

import { Fragment, useState } from "react";
import { ChevronRightIcon } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunRowWire as RunRow } from "@/lib/config/schemas";
import { useRunsQuery } from "@/hooks/use-runs-query";
import { formatCount, formatDateTime, formatDuration, formatRelative } from "@/lib/format";
import { cn } from "@/lib/utils";
import { EmptyState, ErrorState } from "./QueryState";
import { RunProgress } from "./RunProgress";
import { RunSummary } from "./RunSummary";
import { RunStatusBadge } from "./StatusBadges";
import { TRIGGER_LABEL } from "./labels";
import { providerTally } from "./run-view";

const COLUMNS = 8;

/** The discovery runs, newest first; a run expands to what it added, deprecated and changed, and its errors. */
export function RunHistory() {
  const runs = useRunsQuery();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="history-heading" className="space-y-4" data-testid="run-history">
      <h2 id="history-heading" className="text-lg font-semibold">
        Run history
      </h2>
      {runs.isError ? (
        <ErrorState title="The run history could not be loaded" error={runs.error} onRetry={() => void runs.refetch()} testId="history-error" />
      ) : runs.isPending ? (
        <div className="space-y-2" data-testid="history-loading">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : runs.data.length === 0 ? (
        <EmptyState title="No discovery run yet" testId="history-empty">
          The scheduled run starts on the 1st of each month; &quot;Discover models&quot; runs one now.
        </EmptyState>
      ) : (
        <div className="rounded-lg border">
          <Table data-testid="run-table">
            <TableHeader>
              <TableRow>
                <TableHead>Date</TableHead>
                <TableHead>Trigger</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Discovered</TableHead>
                <TableHead className="text-right">Added</TableHead>
                <TableHead className="text-right">Deprecated</TableHead>
                <TableHead className="text-right">Providers</TableHead>
                <TableHead className="text-right">Duration</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.data.map((run) => (
                <HistoryRow key={run.id} run={run} open={open === run.id} onToggle={() => setOpen(open === run.id ? null : run.id)} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function HistoryRow({ run, open, onToggle }: { run: RunRow; open: boolean; onToggle: () => void }) {
  const tally = providerTally(run);
  const detailsId = `run-details-${run.id}`;
  return (
    <Fragment>
      <TableRow data-testid="run-row" data-run-id={run.id} data-status={run.status} className="cursor-pointer" onClick={onToggle}>
        <TableCell>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={(e) => {
              e.stopPropagation();
              onToggle();
            }}
            className="inline-flex items-center gap-1.5 rounded-sm text-left focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            data-testid="toggle-run"
          >
            <ChevronRightIcon aria-hidden className={cn("size-4 shrink-0 transition-transform", open && "rotate-90")} />
            <span>
              <time dateTime={run.run_date} className="block">
                {formatDateTime(run.run_date)}
              </time>
              <span className="block text-xs text-muted-foreground">{formatRelative(run.run_date)}</span>
            </span>
          </button>
        </TableCell>
        <TableCell>
          {TRIGGER_LABEL[run.trigger] ?? run.trigger}
          {run.triggered_by ? <span className="block text-xs text-muted-foreground">{run.triggered_by}</span> : null}
        </TableCell>
        <TableCell>
          <RunStatusBadge status={run.status} />
        </TableCell>
        <TableCell className="text-right tabular-nums">{formatCount(run.models_discovered)}</TableCell>
        <TableCell className="text-right tabular-nums">{formatCount(run.models_added)}</TableCell>
        <TableCell className="text-right tabular-nums">{formatCount(run.models_deprecated)}</TableCell>
        <TableCell className="text-right tabular-nums" title={run.providers_checked.join(", ")}>
          {tally.total ? `${tally.done}/${tally.total}` : "—"}
        </TableCell>
        <TableCell className="text-right tabular-nums">{run.status === "running" ? "…" : formatDuration(run.execution_time_ms)}</TableCell>
      </TableRow>
      {open ? (
        <TableRow id={detailsId} data-testid="run-details" className="bg-muted/30 hover:bg-muted/30">
          <TableCell colSpan={COLUMNS} className="whitespace-normal p-4">
            <div className="max-w-[calc(100vw-4rem)] space-y-4 sm:max-w-none">
              <RunProgress run={run} />
              <RunSummary run={run} />
            </div>
          </TableCell>
        </TableRow>
      ) : null}
    </Fragment>
  );
}

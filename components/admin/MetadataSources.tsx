"use client";

import { RefreshCwIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { useAttentionQuery, type MetadataSourceWire } from "@/hooks/use-attention-query";
import { useRefreshMetadataMutation } from "@/hooks/use-refresh-metadata-mutation";
import { formatCount, formatDateTime, formatRelative } from "@/lib/format";
import { EmptyState, ErrorState } from "./QueryState";

/** The metadata catalogs (models.dev, LiteLLM): their last good document, last error, and a "Refresh metadata" action. */
export function MetadataSources() {
  const query = useAttentionQuery();
  const refresh = useRefreshMetadataMutation({
    onSuccess: (res) => {
      const failed = res.warnings.map((w) => `${w.source}: ${w.message}`);
      toast({
        title: failed.length ? "Metadata refreshed, with warnings" : "Metadata refreshed",
        description: `${res.models_updated} models updated.${failed.length ? ` ${failed.join("; ")}` : ""}`,
        variant: failed.length ? "destructive" : "success",
      });
    },
    onError: (err) => toast({ title: "Could not refresh the metadata", description: errorMessage(err), variant: "destructive" }),
  });
  return (
    <Card id="metadata-sources" data-testid="metadata-sources" className="scroll-mt-4">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div className="space-y-1.5">
          <CardTitle>Metadata sources</CardTitle>
          <CardDescription>Prices, limits and capabilities from the field&apos;s catalogs, read on every run. A failing source changes no figure.</CardDescription>
        </div>
        <Button size="sm" onClick={() => refresh.mutate()} disabled={refresh.isPending} data-testid="refresh-metadata">
          <RefreshCwIcon className={refresh.isPending ? "animate-spin" : undefined} aria-hidden /> {refresh.isPending ? "Refreshing…" : "Refresh metadata"}
        </Button>
      </CardHeader>
      <CardContent>
        {query.isError ? (
          <ErrorState title="The metadata sources could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
        ) : query.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : query.data.metadata_sources.length === 0 ? (
          <EmptyState title="No source was read yet" testId="metadata-sources-empty">Run discovery or refresh the metadata.</EmptyState>
        ) : (
          <SourcesTable sources={query.data.metadata_sources} />
        )}
      </CardContent>
    </Card>
  );
}

function SourcesTable({ sources }: { sources: MetadataSourceWire[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Source</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Document as of</TableHead>
          <TableHead className="text-right">Entries</TableHead>
          <TableHead className="text-right">Skipped</TableHead>
          <TableHead>Last error</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sources.map((s) => (
          <TableRow key={s.source} data-testid="metadata-source" data-source={s.source}>
            <TableCell>
              <p className="font-medium">{s.source}</p>
              <p className="max-w-64 truncate font-mono text-xs text-muted-foreground" title={s.url ?? undefined}>{s.url ?? "—"}</p>
            </TableCell>
            <TableCell><SourceState source={s} /></TableCell>
            <TableCell>{s.as_of ?? s.fetched_at ? <time dateTime={(s.as_of ?? s.fetched_at)!} title={formatDateTime(s.as_of ?? s.fetched_at)}>{formatRelative(s.as_of ?? s.fetched_at)}</time> : "never"}</TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(s.entries)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(s.skipped)}</TableCell>
            <TableCell className="max-w-80 text-sm">{s.last_error ? <span title={formatDateTime(s.last_error_at)}>{s.last_error}</span> : "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SourceState({ source: s }: { source: MetadataSourceWire }) {
  if (!s.enabled) return <Badge variant="outline">off</Badge>;
  return s.failing ? <Badge variant="destructive" data-testid="source-failing">failing</Badge> : <Badge variant="success">ok</Badge>;
}

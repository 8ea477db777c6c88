"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/hooks/api-fetch";
import { useRevokeServiceKeyMutation } from "@/hooks/use-service-key-mutations";
import { useKeyUsageQuery, useServiceKeysQuery, type ServiceKeyWire } from "@/hooks/use-service-keys-query";
import { formatDateTime, formatRelative } from "@/lib/format";
import { ConfirmAction } from "./ConfirmAction";
import { CreateKeyDialog } from "./CreateKeyDialog";
import { readsOf } from "./key-usage";
import { EmptyState, ErrorState } from "./QueryState";

function Overrides({ k }: { k: ServiceKeyWire }) {
  const entries = Object.entries(k.overrides);
  if (entries.length === 0) return <span className="text-muted-foreground">none</span>;
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {entries.map(([from, to]) => (
        <li key={from}>
          {from} → {to}
        </li>
      ))}
    </ul>
  );
}

// How many targets a row lists before "and N more".
const SHOWN_READS = 3;

function KeyReads({ k }: { k: ServiceKeyWire }) {
  const usage = useKeyUsageQuery();
  if (usage.isPending) return <Skeleton className="h-4 w-24" />;
  if (usage.isError) return <span className="text-muted-foreground">—</span>;
  const reads = readsOf(usage.data.targets, k.id);
  if (reads.length === 0) return <span className="text-muted-foreground">none</span>;
  return (
    <ul className="space-y-0.5 text-xs" data-testid="key-reads">
      {reads.slice(0, SHOWN_READS).map((r) => (
        <li key={r.label}>
          <span className="font-mono">{r.label}</span> <span className="text-muted-foreground tabular-nums">×{r.count}</span>
        </li>
      ))}
      {reads.length > SHOWN_READS ? <li className="text-muted-foreground">and {reads.length - SHOWN_READS} more</li> : null}
    </ul>
  );
}

function KeyRow({ k, onRevoke, busy }: { k: ServiceKeyWire; onRevoke: () => void; busy: boolean }) {
  return (
    <TableRow data-testid="service-key" data-name={k.name} data-revoked={k.revoked_at ? "true" : "false"}>
      <TableCell className="font-medium">{k.name}</TableCell>
      <TableCell className="font-mono text-xs">{k.prefix}…</TableCell>
      <TableCell>
        <Overrides k={k} />
      </TableCell>
      <TableCell>
        <KeyReads k={k} />
      </TableCell>
      <TableCell title={formatDateTime(k.created_at)}>{formatRelative(k.created_at)}</TableCell>
      <TableCell title={k.last_used_at ? formatDateTime(k.last_used_at) : undefined} data-testid="last-used">
        {k.last_used_at ? formatRelative(k.last_used_at) : "never"}
      </TableCell>
      <TableCell>{k.revoked_at ? <Badge variant="outline">revoked {formatRelative(k.revoked_at)}</Badge> : <Badge>live</Badge>}</TableCell>
      <TableCell className="text-right">
        {k.revoked_at ? null : (
          <ConfirmAction
            trigger={
              <Button size="sm" variant="outline" disabled={busy} aria-label={`Revoke ${k.name}`}>
                Revoke
              </Button>
            }
            title={`Revoke "${k.name}"?`}
            description="The service gets 401 at once on this instance and within 2 seconds on every other. This cannot be undone; the service needs a new key."
            confirmLabel="Revoke key"
            onConfirm={onRevoke}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

function KeysTable({ keys, busy, onRevoke }: { keys: ServiceKeyWire[]; busy: boolean; onRevoke: (id: string) => void }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Key</TableHead>
            <TableHead>Overrides</TableHead>
            <TableHead>Reads (30 days)</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((k) => (
            <KeyRow key={k.id} k={k} busy={busy} onRevoke={() => onRevoke(k.id)} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Named read keys of the services: create (the secret shown once), see their last use, revoke. */
export function ServiceKeys() {
  const keys = useServiceKeysQuery();
  const revoke = useRevokeServiceKeyMutation({
    onSuccess: () => toast({ title: "Key revoked: its service gets 401 from now on", variant: "success" }),
    onError: (err) => toast({ title: "Could not revoke the key", description: errorMessage(err), variant: "destructive" }),
  });
  return (
    <Card data-testid="service-keys">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div className="space-y-1.5">
          <CardTitle>Service keys</CardTitle>
          <CardDescription>One read key per service, so you can see who reads which default and cut one service off alone. CONFIG_API_KEYS keep working.</CardDescription>
        </div>
        <CreateKeyDialog />
      </CardHeader>
      <CardContent>
        {keys.isPending ? (
          <Skeleton className="h-24 w-full" data-testid="service-keys-loading" />
        ) : keys.isError ? (
          <ErrorState title="The service keys could not be loaded" error={keys.error} onRetry={() => void keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <EmptyState title="No service keys yet" testId="service-keys-empty">
            Create one per service; each is shown once and stored only as a hash.
          </EmptyState>
        ) : (
          <KeysTable keys={keys.data} busy={revoke.isPending} onRevoke={(id) => revoke.mutate({ id })} />
        )}
      </CardContent>
    </Card>
  );
}

"use client";

import { CircleCheckIcon, OctagonAlertIcon, TriangleAlertIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { openModelDetails } from "@/hooks/open-model-store";
import { useAttentionQuery, type AttentionItemWire } from "@/hooks/use-attention-query";
import { ErrorState } from "./QueryState";

/** What an admin must act on, at the top of the console: each finding with a button to where it is fixed. */
export function AttentionPanel() {
  const query = useAttentionQuery();
  if (query.isError) {
    return <ErrorState title="What needs attention could not be loaded" error={query.error} onRetry={() => void query.refetch()} testId="attention-error" />;
  }
  if (query.isPending) {
    return (
      <div className="space-y-2" data-testid="attention-loading" aria-busy>
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-12 w-full" />
      </div>
    );
  }
  const items = query.data.items;
  if (items.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="attention-empty">
        <CircleCheckIcon className="size-4 text-success" aria-hidden /> Nothing needs your attention: every default is priced, live and reviewed.
      </p>
    );
  }
  const critical = items.filter((i) => i.severity === "critical").length;
  return (
    <Card data-testid="attention" className={critical ? "border-destructive/60" : "border-amber-500/60"}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Needs attention <Badge variant={critical ? "destructive" : "warning"} data-testid="attention-count">{items.length}</Badge>
        </CardTitle>
        <CardDescription>Most urgent first. Each finding goes away once it is fixed.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y" data-testid="attention-items">
          {items.map((item) => (
            <AttentionRow key={item.id} item={item} />
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function AttentionRow({ item }: { item: AttentionItemWire }) {
  const Icon = item.severity === "critical" ? OctagonAlertIcon : TriangleAlertIcon;
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2 text-sm" data-testid="attention-item" data-kind={item.kind} data-id={item.id}>
      <div className="flex min-w-0 gap-2">
        <Icon className={item.severity === "critical" ? "mt-0.5 size-4 shrink-0 text-destructive" : "mt-0.5 size-4 shrink-0 text-warning"} aria-label={item.severity} />
        <div className="min-w-0">
          <p className="font-medium">{item.title}</p>
          <p className="text-muted-foreground">{item.detail}</p>
        </div>
      </div>
      <FixButton item={item} />
    </li>
  );
}

function FixButton({ item }: { item: AttentionItemWire }) {
  const { target } = item;
  if (target.kind === "model") {
    return (
      <Button size="sm" variant="outline" onClick={() => openModelDetails(target.model_id)} data-testid="attention-fix">
        {item.fix}
      </Button>
    );
  }
  return (
    <Button size="sm" variant="outline" asChild data-testid="attention-fix">
      <a href={`#${target.section}`}>{item.fix}</a>
    </Button>
  );
}

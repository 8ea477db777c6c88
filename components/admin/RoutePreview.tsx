"use client";

import { CheckCircle2Icon, CircleDashedIcon, SkipForwardIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { RoutePreviewWire } from "@/hooks/use-routes-query";
import { providerLabel } from "./labels";
import { stepLabel } from "./route-draft";

/** What a route resolves to now, and each step's resolution or why it was skipped. */
export function RoutePreview({ route }: { route: RoutePreviewWire }) {
  const { model, chain } = route.resolved;
  return (
    <div className="space-y-2" data-testid={`route-preview-${route.name}`}>
      <p className="text-sm">
        {model ? (
          <>
            Resolves to{" "}
            <span className="font-mono font-medium" data-testid="route-resolved">
              {model.model_name}
            </span>{" "}
            <span className="text-muted-foreground">
              ({providerLabel(model.provider)} {model.model_type})
            </span>
          </>
        ) : (
          <Badge variant="destructive" data-testid="route-resolved">
            No step resolves
          </Badge>
        )}
      </p>
      <ol className="space-y-1 text-sm" aria-label={`Chain of ${route.name}`}>
        {chain.map((c, i) => (
          <li key={i} className="flex min-w-0 items-start gap-2" data-testid="route-chain-step">
            {c.used ? (
              <CheckCircle2Icon className="mt-0.5 size-4 shrink-0 text-success" aria-label="answers" />
            ) : c.skipped ? (
              <SkipForwardIcon className="mt-0.5 size-4 shrink-0 text-warning" aria-label="skipped" />
            ) : (
              <CircleDashedIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-label="fallback" />
            )}
            <span className="min-w-0 break-words">
              <span className="font-mono">{stepLabel(c.step)}</span>
              {c.skipped ? <span className="text-muted-foreground"> — skipped: {c.reason}</span> : <span className="text-muted-foreground"> → {c.model_name}</span>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

"use client";

import { CheckCircle2Icon, CircleDashedIcon, LoaderCircleIcon, TriangleAlertIcon, XCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { ModelRowWire as ModelRow, RunRowWire as RunRow } from "@/lib/config/schemas";
import { formatShutdown } from "@/lib/format";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The status badges of one model: active or inactive, then default, pinned, preview, needs review, shutdown. */
export function ModelBadges({ model }: { model: ModelRow }) {
  return (
    <div className="flex flex-wrap gap-1" data-testid="model-badges">
      {model.is_active ? (
        <Badge variant="outline" data-testid="badge-active">Active</Badge>
      ) : (
        <Badge variant="secondary" data-testid="badge-inactive">Inactive</Badge>
      )}
      {model.is_default ? <Badge data-testid="badge-default">Default</Badge> : null}
      {model.is_pinned ? <Badge variant="secondary" data-testid="badge-pinned">Pinned</Badge> : null}
      {model.is_preview ? <Badge variant="outline" data-testid="badge-preview">Preview</Badge> : null}
      {model.needs_review ? <Badge variant="warning" data-testid="badge-needs-review">Needs review</Badge> : null}
      {model.shutdown_date ? (
        <Badge variant="destructive" data-testid="badge-shutdown">
          {capitalised(formatShutdown(model.shutdown_date))}
        </Badge>
      ) : null}
    </div>
  );
}

const TIER_LABEL: Record<string, string> = { flagship: "Flagship", fast: "Fast", legacy: "Legacy" };

export function TierBadge({ tier }: { tier: string }) {
  return <Badge variant={tier === "legacy" ? "secondary" : "outline"}>{TIER_LABEL[tier] ?? tier}</Badge>;
}

const RUN_STATUS = {
  running: { label: "Running", variant: "secondary", Icon: LoaderCircleIcon },
  success: { label: "Success", variant: "success", Icon: CheckCircle2Icon },
  partial: { label: "Partial", variant: "warning", Icon: TriangleAlertIcon },
  failed: { label: "Failed", variant: "destructive", Icon: XCircleIcon },
} as const;

/** The outcome of a discovery run, with an icon so colour is not the only cue. */
export function RunStatusBadge({ status }: { status: RunRow["status"] | string }) {
  const s = RUN_STATUS[status as keyof typeof RUN_STATUS] ?? { label: status, variant: "outline" as const, Icon: CircleDashedIcon };
  return (
    <Badge variant={s.variant} data-testid="run-status" data-status={status}>
      <s.Icon aria-hidden className={status === "running" ? "size-3 animate-spin" : "size-3"} />
      {s.label}
    </Badge>
  );
}

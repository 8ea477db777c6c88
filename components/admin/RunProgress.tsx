"use client";

import { CheckCircle2Icon, CircleDashedIcon, CircleSlashIcon, LoaderCircleIcon, XCircleIcon } from "lucide-react";
import type { RunRowWire as RunRow } from "@/lib/config/schemas";
import { formatCount } from "@/lib/format";
import { cn } from "@/lib/utils";
import { providerLabel } from "./labels";
import { readProgress, type ProgressState } from "./run-view";

const STATE = {
  pending: { label: "Waiting", Icon: CircleDashedIcon, tone: "text-muted-foreground" },
  listing: { label: "Listing", Icon: LoaderCircleIcon, tone: "text-foreground" },
  done: { label: "Done", Icon: CheckCircle2Icon, tone: "text-success" },
  failed: { label: "Failed", Icon: XCircleIcon, tone: "text-destructive" },
  skipped: { label: "Skipped", Icon: CircleSlashIcon, tone: "text-muted-foreground" },
} satisfies Record<ProgressState, unknown>;

/** Where each provider of a run stands: waiting, listing (pages, models seen), done, failed or skipped. */
export function RunProgress({ run }: { run: RunRow }) {
  const providers = readProgress(run);
  if (providers.length === 0) return <p className="text-sm text-muted-foreground">Starting…</p>;
  return (
    <ul className="grid gap-2 sm:grid-cols-2" data-testid="run-progress" aria-live="polite">
      {providers.map((p) => {
        const s = STATE[p.state];
        return (
          <li
            key={p.provider}
            className="flex items-start gap-2 rounded-md border p-2.5 text-sm"
            data-testid="provider-progress"
            data-provider={p.provider}
            data-state={p.state}
          >
            <s.Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", s.tone, p.state === "listing" && "animate-spin")} />
            <div className="min-w-0">
              <p className="font-medium">
                {providerLabel(p.provider)} <span className={cn("font-normal", s.tone)}>· {s.label}</span>
              </p>
              {p.state === "listing" || p.state === "done" ? (
                <p className="text-muted-foreground tabular-nums">
                  {formatCount(p.models_seen)} models seen · {p.pages} {p.pages === 1 ? "page" : "pages"}
                </p>
              ) : null}
              {p.message ? (
                <p className={cn("break-words", p.state === "failed" ? "text-destructive" : "text-muted-foreground")} data-testid="provider-message">
                  {p.message}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

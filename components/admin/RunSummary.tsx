"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { RunRowWire as RunRow } from "@/lib/config/schemas";
import { formatCount } from "@/lib/format";
import { providerLabel } from "./labels";
import type { AddedModel, DeprecatedModel } from "@/lib/db/run-log";

type RunModelRef = Partial<AddedModel> & DeprecatedModel;

/** What a run changed: counts, models added and deprecated, default changes, errors and warnings. */
export function RunSummary({ run }: { run: RunRow }) {
  const { added_models: added, deprecated_models: deprecated, default_changes: changes, errors, warnings } = run;
  return (
    <div className="space-y-4 text-sm" data-testid="run-summary">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        <Count label="Discovered" value={run.models_discovered} testId="count-discovered" />
        <Count label="Added" value={run.models_added} testId="count-added" />
        <Count label="Deprecated" value={run.models_deprecated} testId="count-deprecated" />
        <Count label="Reactivated" value={run.models_reactivated} testId="count-reactivated" />
        <Count label="Set aside" value={run.models_set_aside} testId="count-set-aside" />
      </dl>
      {changes.length ? (
        <Block title="Default changes" testId="run-default-changes">
          {changes.map((c, i) => (
            <li key={i}>
              {providerLabel(c.provider)} {c.model_type}: <span className="font-mono">{c.from ?? "none"}</span> →{" "}
              <span className="font-mono font-medium">{c.to ?? "none"}</span>
              {c.reason ? <span className="block text-xs text-muted-foreground">{c.reason}</span> : null}
            </li>
          ))}
        </Block>
      ) : null}
      {added.length ? <ModelList title="Added" models={added} testId="run-added" /> : null}
      {deprecated.length ? <ModelList title="Deprecated" models={deprecated} testId="run-deprecated" /> : null}
      {errors.length ? (
        <Block title="Errors" testId="run-errors" tone="text-destructive">
          {errors.map((e, i) => (
            <li key={i} className="break-words">
              {e.provider ? <span className="font-medium">{providerLabel(e.provider)}: </span> : null}
              {e.message}
            </li>
          ))}
        </Block>
      ) : null}
      {warnings.length ? (
        <Block title="Warnings" testId="run-warnings">
          {warnings.map((w, i) => (
            <li key={i} className="break-words text-muted-foreground">
              <span className="font-medium text-foreground">{providerLabel(w.source)}: </span>
              {w.message}
            </li>
          ))}
        </Block>
      ) : null}
      {!changes.length && !added.length && !deprecated.length && !errors.length ? (
        <p className="text-muted-foreground">No change to the registry.</p>
      ) : null}
    </div>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-md bg-muted/60 px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {formatCount(value)}
      </dd>
    </div>
  );
}

function Block({ title, children, testId, tone, columns }: { title: string; children: React.ReactNode; testId: string; tone?: string; columns?: boolean }) {
  return (
    <section>
      <h4 className={tone ? `mb-1 font-medium ${tone}` : "mb-1 font-medium"}>{title}</h4>
      <ul className={columns ? "gap-x-6 space-y-0.5 md:columns-2 xl:columns-3 [&>li]:break-inside-avoid" : "space-y-0.5"} data-testid={testId}>
        {children}
      </ul>
    </section>
  );
}

const LIST_LIMIT = 25;

function ModelList({ title, models, testId }: { title: string; models: readonly RunModelRef[]; testId: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? models : models.slice(0, LIST_LIMIT);
  return (
    <Block title={`${title} (${models.length})`} testId={testId} columns>
      {shown.map((m, i) => (
        <li key={i}>
          <span className="font-mono">{m.model_name}</span>
          <span className="text-muted-foreground">
            {m.provider ? ` · ${providerLabel(m.provider)}` : ""}
            {m.model_type ? ` · ${m.model_type}` : ""}
          </span>
          {m.needs_review ? <span className="ml-1.5 text-xs text-warning">needs review</span> : null}
        </li>
      ))}
      {models.length > shown.length ? (
        <li>
          <Button variant="link" size="sm" className="h-auto p-0" onClick={() => setAll(true)}>
            Show {models.length - shown.length} more
          </Button>
        </li>
      ) : null}
    </Block>
  );
}

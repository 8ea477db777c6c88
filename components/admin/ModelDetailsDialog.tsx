"use client";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Separator } from "@/components/ui/separator";
import { Skeleton } from "@/components/ui/skeleton";
import type { DefaultChangeRowWire as DefaultHistoryEntry } from "@/lib/api/schemas";
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";
import { useModelDetailQuery } from "@/hooks/use-model-detail-query";
import { formatCount, formatDate, formatDateTime, formatShutdown, formatTokens } from "@/lib/format";
import { CAPABILITIES, capabilityState } from "./CapabilityIcons";
import { ModelPrices, PriceHistory } from "./ModelPrices";
import { OverridesForm } from "./OverridesForm";
import { ProvenanceNote } from "./ProvenanceNote";
import { ModelActions } from "./ModelActions";
import { ProbeLine } from "./ProbeLine";
import { RestoreButton } from "./RestoreButton";
import { ErrorState } from "./QueryState";
import { ModelBadges, TierBadge } from "./StatusBadges";
import { providerLabel } from "./labels";

interface Props {
  modelId: string | null;
  /** The row from the list, shown while the details load. */
  fallback: ModelRow | null;
  onOpenChange: (open: boolean) => void;
}

/** Everything known of one model: limits, prices, aliases, raw provider data, default history, and actions. */
export function ModelDetailsDialog({ modelId, fallback, onOpenChange }: Props) {
  const detail = useModelDetailQuery(modelId);
  const model = detail.data?.model ?? fallback;
  return (
    <Dialog open={modelId !== null} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl" data-testid="model-details">
        <DialogHeader>
          <DialogTitle className="break-all font-mono">{model?.model_name ?? "Model"}</DialogTitle>
          <DialogDescription>
            {model ? `${providerLabel(model.provider)} · ${model.display_name ?? model.model_name}` : "Loading…"}
          </DialogDescription>
        </DialogHeader>
        {model ? (
          <div className="min-w-0 space-y-5 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <TierBadge tier={model.model_type} />
              <ModelBadges model={model} />
            </div>
            <ModelActions model={model} pin={detail.data?.pin} />
            <Facts model={model} />
            <ModelPrices model={model} />
            <Separator />
            <PriceHistory rows={detail.data?.price_history} />
            <Separator />
            <OverridesForm key={`${model.id}:${JSON.stringify(model.overrides)}`} model={model} />
            <ProbeLine probe={detail.data?.probe ?? null} />
            <Separator />
            <History detail={detail} />
            <Separator />
            <section aria-labelledby="raw-heading">
              <h3 id="raw-heading" className="mb-2 font-medium">
                Provider data
              </h3>
              <pre
                className="max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs"
                data-testid="model-metadata"
                tabIndex={0}
                aria-label="Raw provider metadata"
              >
                {JSON.stringify(model.metadata, null, 2)}
              </pre>
            </section>
          </div>
        ) : detail.isError ? (
          <ErrorState title="The model could not be loaded" error={detail.error} onRetry={() => void detail.refetch()} />
        ) : (
          <Skeleton className="h-48 w-full" />
        )}
      </DialogContent>
    </Dialog>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-dashed py-1.5 sm:block sm:border-0 sm:py-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right tabular-nums sm:text-left">{children}</dd>
    </div>
  );
}

function Facts({ model: m }: { model: ModelRow }) {
  const caps = CAPABILITIES.map((c) => ({ ...c, state: capabilityState(m.capabilities[c.key]) }));
  const extra = Object.entries(m.capabilities).filter(([k, v]) => v && !CAPABILITIES.some((c) => c.key === k));
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 sm:grid-cols-3 sm:gap-y-3" data-testid="model-facts">
        <Fact label="Context window">
          {formatTokens(m.context_window)} {m.context_window ? <span className="text-muted-foreground">({formatCount(m.context_window)})</span> : null}
          <ProvenanceNote entry={m.provenance.context_window} testId="provenance-context_window" />
        </Fact>
        <Fact label="Max output">
          {m.max_tokens ? formatCount(m.max_tokens) : "—"}
          <ProvenanceNote entry={m.provenance.max_tokens} testId="provenance-max_tokens" />
        </Fact>
        <Fact label="Family">{m.family ?? "—"}</Fact>
        <Fact label="Source">{m.source}</Fact>
        <Fact label="Released">{formatDate(m.release_date)}</Fact>
        <Fact label="Shutdown">{m.shutdown_date ? formatShutdown(m.shutdown_date) : "—"}</Fact>
        <Fact label="Successor">
          <span className="font-mono text-[13px]" data-testid="model-successor">{m.successor ?? "—"}</span>
        </Fact>
        <Fact label="Inactive because">{m.deactivation_reason ?? "—"}</Fact>
        <Fact label="Version rank">{m.version_rank}</Fact>
        <Fact label="Discovered">{formatDateTime(m.discovered_at)}</Fact>
        <Fact label="Last validated">{formatDateTime(m.last_validated_at)}</Fact>
        <Fact label="Deactivated">{formatDateTime(m.deactivated_at)}</Fact>
      </dl>
      <div>
        <h3 className="mb-1 font-medium">Capabilities</h3>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {caps.map(({ key, label, Icon, state }) => (
            <li
              key={key}
              data-capability-state={state}
              className={state === "yes" ? "" : state === "no" ? "text-muted-foreground line-through" : "italic text-muted-foreground/60"}
            >
              <Icon className="mr-1 inline size-4 align-[-3px]" aria-hidden />
              {label}
              {state === "unknown" ? " (unknown)" : null}
              <span className="sr-only">{state === "yes" ? ": yes" : state === "no" ? ": no" : ""}</span>
            </li>
          ))}
          {extra.map(([k]) => (
            <li key={k}>{k.replaceAll("_", " ")}</li>
          ))}
        </ul>
        <ProvenanceNote entry={m.provenance.capabilities} testId="provenance-capabilities" />
      </div>
      <div>
        <h3 className="mb-1 font-medium">Aliases</h3>
        {m.aliases.length ? (
          <ul className="flex flex-wrap gap-1.5" data-testid="model-aliases">
            {m.aliases.map((a) => (
              <li key={a} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
                {a}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">None</p>
        )}
      </div>
    </div>
  );
}

function History({ detail }: { detail: ReturnType<typeof useModelDetailQuery> }) {
  const rows: DefaultHistoryEntry[] = detail.data?.default_history ?? [];
  return (
    <section aria-labelledby="default-history-heading">
      <h3 id="default-history-heading" className="mb-2 font-medium">
        Default history
      </h3>
      {detail.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : detail.isError ? (
        <ErrorState title="The history could not be loaded" error={detail.error} onRetry={() => void detail.refetch()} />
      ) : rows.length === 0 ? (
        <p className="text-muted-foreground">No change of default recorded for this provider and tier.</p>
      ) : (
        <ol className="space-y-1.5" data-testid="default-history">
          {rows.map((h, i) => (
            <li key={i} className="flex flex-wrap gap-x-2">
              <time dateTime={h.created_at} className="text-muted-foreground tabular-nums">
                {formatDateTime(h.created_at)}
              </time>
              <span>
                <span className="font-mono">{h.from_model ?? "none"}</span> → <span className="font-mono">{h.to_model ?? "none"}</span>
              </span>
              <span className="text-muted-foreground">
                {h.model_type}
                {h.reason ? ` · ${h.reason}` : ""}
                {h.changed_by ? ` · by ${h.changed_by}` : ""}
              </span>
              <RestoreButton entry={h} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

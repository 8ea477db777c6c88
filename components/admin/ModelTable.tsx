"use client";

import { useMemo, useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Button } from "@/components/ui/button";
import { openModelDetails, useOpenModelId } from "@/hooks/open-model-store";
import { useModelsQuery } from "@/hooks/use-models-query";
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";
import { formatDate, formatPrice, formatRelative, formatTokens } from "@/lib/format";
import { CapabilityIcons } from "./CapabilityIcons";
import { ModelDetailsDialog } from "./ModelDetailsDialog";
import { ModelFilters } from "./ModelFilters";
import { EmptyState, ErrorState } from "./QueryState";
import { SortableHead } from "./SortableHead";
import { ModelBadges, TierBadge } from "./StatusBadges";
import { PROVIDER_LABELS } from "@/lib/domain";
import { filterModels, INITIAL_FILTERS, nextSort, sortModels, type ModelFilterState, type SortKey, type SortState } from "./model-view";

const COLUMNS = 10;

/** The registry: filters, sortable columns, badges, capabilities and prices; a row opens its details. */
export function ModelTable() {
  const query = useModelsQuery();
  const [filters, setFilters] = useState<ModelFilterState>(INITIAL_FILTERS);
  const [sort, setSort] = useState<SortState | null>(null);
  const openId = useOpenModelId();

  const all = query.data;
  const rows = useMemo(() => {
    const filtered = filterModels(all ?? [], filters);
    return sort ? sortModels(filtered, sort) : filtered;
  }, [all, filters, sort]);
  const onSort = (key: SortKey) => setSort((s) => nextSort(s, key));
  const head = { sort, onSort };

  return (
    <section aria-labelledby="models-heading" className="space-y-4" data-testid="model-table-section">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="models-heading" className="text-lg font-semibold">
          Models
        </h2>
        {all ? (
          <p className="text-sm text-muted-foreground" data-testid="model-count" aria-live="polite">
            Showing {rows.length} of {all.length}
          </p>
        ) : null}
      </div>
      <ModelFilters value={filters} onChange={setFilters} />
      {query.isError ? (
        <ErrorState title="The models could not be loaded" error={query.error} onRetry={() => void query.refetch()} testId="models-error" />
      ) : (
        <div className="rounded-lg border">
          <Table data-testid="model-table">
            <TableHeader>
              <TableRow>
                <SortableHead label="Model" sortKey="name" className="sticky left-0 z-10 bg-background sm:static sm:bg-transparent" {...head} />
                <SortableHead label="Provider" sortKey="provider" {...head} />
                <SortableHead label="Tier" sortKey="tier" {...head} />
                <TableHead>Status</TableHead>
                <TableHead>Capabilities</TableHead>
                <SortableHead label="Input $/MTok" sortKey="input" align="right" {...head} />
                <SortableHead label="Output $/MTok" sortKey="output" align="right" {...head} />
                <SortableHead label="Context" sortKey="context" align="right" {...head} />
                <SortableHead label="Discovered" sortKey="discovered" {...head} />
                <TableHead>Validated</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {query.isPending ? (
                <SkeletonRows />
              ) : rows.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={COLUMNS} className="p-4">
                    <EmptyState title={all?.length ? "No models match" : "The registry is empty"} testId="models-empty">
                      {all?.length ? (
                        <Button variant="link" className="h-auto p-0" onClick={() => setFilters(INITIAL_FILTERS)}>
                          Clear the filters
                        </Button>
                      ) : (
                        "Run discovery to fill it."
                      )}
                    </EmptyState>
                  </TableCell>
                </TableRow>
              ) : (
                rows.map((m) => <ModelTableRow key={m.id} model={m} onOpen={() => openModelDetails(m.id)} />)
              )}
            </TableBody>
          </Table>
        </div>
      )}
      <ModelDetailsDialog
        modelId={openId}
        fallback={all?.find((m) => m.id === openId) ?? null}
        onOpenChange={(open) => !open && openModelDetails(null)}
      />
    </section>
  );
}

function ModelTableRow({ model: m, onOpen }: { model: ModelRow; onOpen: () => void }) {
  return (
    <TableRow
      data-testid="model-row"
      data-model-name={m.model_name}
      data-provider={m.provider}
      className={m.is_active ? "cursor-pointer" : "cursor-pointer text-muted-foreground"}
      onClick={onOpen}
    >
      {/* On phones the name column stays put while the rest scrolls, and carries provider and tier. */}
      <TableCell className="sticky left-0 z-10 bg-background sm:static sm:bg-transparent">
        <button
          type="button"
          className="rounded-sm text-left font-medium text-foreground underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          onClick={(e) => {
            e.stopPropagation();
            onOpen();
          }}
          data-testid="open-model"
          aria-label={`Details of ${m.model_name}`}
        >
          <span className="font-mono text-[13px]">{m.model_name}</span>
          {m.display_name && m.display_name !== m.model_name ? (
            <span className="hidden text-xs font-normal text-muted-foreground sm:block">{m.display_name}</span>
          ) : null}
          <span className="block text-xs font-normal text-muted-foreground sm:hidden">
            {PROVIDER_LABELS[m.provider]} · {m.model_type}
            {m.is_default ? " · default" : ""}
            {!m.is_active ? " · inactive" : ""}
          </span>
        </button>
      </TableCell>
      <TableCell>{PROVIDER_LABELS[m.provider]}</TableCell>
      <TableCell>
        <TierBadge tier={m.model_type} />
      </TableCell>
      <TableCell className="min-w-40 whitespace-normal">
        <ModelBadges model={m} />
      </TableCell>
      <TableCell>
        <CapabilityIcons capabilities={m.capabilities} />
      </TableCell>
      <TableCell className="text-right tabular-nums">{formatPrice(m.pricing.input_per_mtok)}</TableCell>
      <TableCell className="text-right tabular-nums">{formatPrice(m.pricing.output_per_mtok)}</TableCell>
      <TableCell className="text-right tabular-nums">{formatTokens(m.context_window)}</TableCell>
      <TableCell>
        <time dateTime={m.discovered_at} title={m.discovered_at}>
          {formatDate(m.discovered_at)}
        </time>
      </TableCell>
      <TableCell className="text-muted-foreground">
        {m.last_validated_at ? (
          <time dateTime={m.last_validated_at} title={formatDate(m.last_validated_at)}>
            {formatRelative(m.last_validated_at)}
          </time>
        ) : (
          "never"
        )}
      </TableCell>
    </TableRow>
  );
}

function SkeletonRows() {
  return Array.from({ length: 6 }, (_, i) => (
    <TableRow key={i} data-testid="model-row-skeleton">
      {Array.from({ length: COLUMNS }, (_, j) => (
        <TableCell key={j}>
          <Skeleton className="h-4 w-full min-w-12" />
        </TableCell>
      ))}
    </TableRow>
  ));
}

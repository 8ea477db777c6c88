"use client";

import type { PriceRowWire } from "@/lib/api/schemas";
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";
import { formatDateTime, formatPrice } from "@/lib/format";
import { ProvenanceNote } from "./ProvenanceNote";

const PRICES: { key: keyof ModelRow["pricing"]; label: string }[] = [
  { key: "input_per_mtok", label: "Input" },
  { key: "output_per_mtok", label: "Output" },
  { key: "cache_read_per_mtok", label: "Cache read" },
  { key: "cache_write_per_mtok", label: "Cache write" },
  { key: "input_above_200k_per_mtok", label: "Input > 200k" },
  { key: "output_above_200k_per_mtok", label: "Output > 200k" },
];

/** The six prices (USD per million tokens) with their "source · date". */
export function ModelPrices({ model: m }: { model: ModelRow }) {
  return (
    <section aria-labelledby="prices-heading" data-testid="model-prices">
      <h3 id="prices-heading" className="mb-1 font-medium">
        Prices (USD per million tokens)
      </h3>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-3">
        {PRICES.map(({ key, label }) => (
          <div key={key}>
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="tabular-nums">{formatPrice(m.pricing[key])}</dd>
          </div>
        ))}
      </dl>
      <ProvenanceNote entry={m.provenance.pricing} testId="provenance-pricing" />
    </section>
  );
}

/** The price in effect from each date, newest first. */
export function PriceHistory({ rows }: { rows: PriceRowWire[] | undefined }) {
  return (
    <section aria-labelledby="price-history-heading">
      <h3 id="price-history-heading" className="mb-2 font-medium">
        Price history
      </h3>
      {!rows?.length ? (
        <p className="text-muted-foreground">No price known yet.</p>
      ) : (
        <ol className="space-y-1" data-testid="price-history">
          {rows.map((p, i) => (
            <li key={i} className="flex flex-wrap gap-x-2 tabular-nums">
              <time dateTime={p.effective_from} className="text-muted-foreground">
                from {formatDateTime(p.effective_from)}
              </time>
              <span>
                {formatPrice(p.input_per_mtok)} in · {formatPrice(p.output_per_mtok)} out
              </span>
              <span className="text-muted-foreground">{p.source}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { insertFactChanges, type FactChange } from "@/lib/db/fact-changes-repo";
import { updateFigures } from "@/lib/db/model-figures-repo";
import { listModels } from "@/lib/db/models-repo";
import { recordPrices, type PriceObservation } from "@/lib/db/prices-repo";
import type { RunError, RunWarning } from "@/lib/db/run-log";
import type { Env } from "@/lib/env";
import type { SourceReport } from "@/lib/metadata";
import { readRunMetadata } from "@/lib/discovery/read-metadata";
import { adminChange } from "./admin-change";
import { figureChanges, figuresWrite, priceObservation, refigure } from "./refigure";
import type { Action } from "./types";

export interface RefreshMetadataInput {
  env?: Env;
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface RefreshMetadataResult {
  sources: SourceReport[];
  warnings: RunWarning[];
  errors: RunError[];
  models_updated: number;
  changes: FactChange[];
}

/**
 * Fetches the metadata sources and re-applies their facts to every registry row by precedence, without a
 * provider listing, in one transaction; each changed figure is audited and a changed price appended to the
 * price history. A source that fails changes nothing it gave (its last good document, or the row's figures).
 */
export async function refreshRegistryMetadata({ ctx, input }: Action<RefreshMetadataInput>): Promise<RefreshMetadataResult> {
  const now = input.now ?? (() => new Date());
  const metadata = await readRunMetadata(ctx.db, { env: input.env ?? process.env, fetch: input.fetch, now });
  if (metadata.errors.length > 0) return { sources: metadata.sources, warnings: metadata.warnings, errors: metadata.errors, models_updated: 0, changes: [] };
  return adminChange(ctx.db, async (tx) => {
    const changes: FactChange[] = [];
    const writes = [];
    const prices: PriceObservation[] = [];
    for (const row of await listModels(tx)) {
      const next = refigure(row, metadata);
      const changed = figureChanges(row, next);
      if (changed.length === 0 && JSON.stringify(row.provenance) === JSON.stringify(next.provenance)) continue;
      changes.push(...changed);
      writes.push(figuresWrite(row, next));
      const price = priceObservation(row, next);
      if (price) prices.push(price);
    }
    await updateFigures(tx, writes);
    await recordPrices(tx, prices, now());
    await insertFactChanges(tx, changes, { changedBy: ctx.actor });
    return { sources: metadata.sources, warnings: metadata.warnings, errors: [], models_updated: writes.length, changes };
  });
}

import type { z } from "zod";
import { PROVIDERS } from "@/lib/domain";
import { matchFacts, type FactsIndex } from "@/lib/metadata/match";
import type { ModelFacts } from "@/lib/metadata/types";
import type { catalogSchema } from "./schema";

/** catalog.json as written (before the schema's defaults), so an update touches only the figures it changes. */
export type RawCatalog = z.input<typeof catalogSchema>;

export interface CatalogChange {
  provider: string;
  model_name: string;
  field: string;
  from: number | boolean | null;
  to: number | boolean;
}

type RawModel = RawCatalog["providers"]["openai"]["models"][number];
const CAPABILITIES = ["vision", "function_calling", "json_mode", "reasoning"] as const;

/** The figures a source states for a model, by catalog field; a null (unknown) is never written over a known value. */
function statedFigures(f: ModelFacts): [string, number | boolean | null][] {
  return [
    ["pricing.input_per_mtok", f.pricing.input_per_mtok],
    ["pricing.output_per_mtok", f.pricing.output_per_mtok],
    ["context_window", f.context_window],
    ["max_tokens", f.max_tokens],
    ...CAPABILITIES.map((c): [string, boolean | null] => [`capabilities.${c}`, f.capabilities[c]]),
  ];
}

function read(model: RawModel, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], model);
}

function write(model: RawModel, path: string, value: unknown): void {
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => (o[k] ??= {}) as Record<string, unknown>, model as Record<string, unknown>);
  parent[keys[keys.length - 1]] = value;
}

/**
 * Refreshes the prices, limits and capabilities of the models the catalog already has from one source's facts
 * (matched by name and aliases, as discovery matches). Adds no model; a figure the source does not know stays.
 * A changed model's `source` names where the new figures came from.
 */
export function updateCatalogFromFacts(raw: RawCatalog, index: FactsIndex, sourceLabel: string): { catalog: RawCatalog; changes: CatalogChange[] } {
  const catalog = structuredClone(raw);
  const changes: CatalogChange[] = [];
  for (const provider of PROVIDERS) {
    for (const model of catalog.providers[provider].models) {
      const match = matchFacts(index, { provider, id: model.model_name, aliases: model.aliases ?? [] });
      if (!match) continue;
      let changed = false;
      for (const [field, value] of statedFigures(match.facts)) {
        const before = read(model, field);
        if (value === null || before === value) continue;
        changes.push({ provider, model_name: model.model_name, field, from: (before ?? null) as CatalogChange["from"], to: value });
        write(model, field, value);
        changed = true;
      }
      if (changed) model.source = `${sourceLabel} (${match.facts.source} entry ${match.matched_id}, as of ${match.facts.as_of.slice(0, 10)})`;
    }
  }
  return { catalog, changes };
}

/** The changes as an aligned table for the terminal, or a one-line "no change". */
export function formatCatalogChanges(changes: readonly CatalogChange[]): string {
  if (changes.length === 0) return "No change: the catalog agrees with the document.";
  const rows = [["model", "field", "from", "to"], ...changes.map((c) => [`${c.provider}/${c.model_name}`, c.field, String(c.from ?? "-"), String(c.to)])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ").trimEnd()).join("\n");
}

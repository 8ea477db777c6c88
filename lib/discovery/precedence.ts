import type { CatalogModel } from "@/lib/catalog";
import { emptyProvenance, type Overrides, type Provenance, type ProvenanceEntry, type ProviderFacts } from "@/lib/db/facts-columns";
import { CAPABILITY_KEYS, PRICE_KEYS, type Capabilities, type FactSource, type Pricing } from "@/lib/domain";
import type { FactsMatch, MetadataSource } from "@/lib/metadata";

/** The figures precedence decides, as a row holds them. */
export interface Figures {
  pricing: Pricing;
  context_window: number | null;
  max_tokens: number | null;
  capabilities: Capabilities;
}

export interface FactInputs {
  /** What the provider's listing states (or stated at its last listing). */
  stated: ProviderFacts;
  /** When the provider stated it (the run's date). */
  statedAt: string;
  /** What each metadata source says about the model (lib/metadata findFacts). */
  metadata: Partial<Record<MetadataSource, FactsMatch>>;
  /** Sources that could not be read and have no document: the row's figures from them stand. */
  unavailable: ReadonlySet<MetadataSource>;
  catalog?: CatalogModel;
  /** Date of the built-in catalog (its version). */
  catalogAsOf: string;
  overrides: Overrides;
  /** The registry row as it was, if any: the last resort, and where stable provenance dates come from. */
  row?: Figures & { provenance: Provenance };
}

export type ResolvedFigures = Figures & { provenance: Provenance };

interface Candidate {
  entry: ProvenanceEntry;
  pricing: Partial<Pricing> | null;
  context_window: number | null;
  max_tokens: number | null;
  capabilities: Partial<Record<string, boolean | null>>;
}

const entry = (source: FactSource, as_of: string | null): ProvenanceEntry => ({ source, as_of });
// Written out: this runs a few times for each of a registry's thousands of models.
const nullPricing = (): Pricing => ({
  input_per_mtok: null, output_per_mtok: null, cache_read_per_mtok: null, cache_write_per_mtok: null,
  input_above_200k_per_mtok: null, output_above_200k_per_mtok: null,
});
// Only the six prices, whatever else a source's pricing carries (e.g. the long-context threshold).
const sixPrices = (p: Partial<Pricing> | null): Partial<Pricing> =>
  Object.fromEntries(PRICE_KEYS.filter((k) => typeof p?.[k] === "number").map((k) => [k, p![k]]));
const priced = (p: Partial<Pricing> | null) => !!p && (p.input_per_mtok != null || p.output_per_mtok != null);

/** Every source's statement in precedence order: admin, provider, models.dev, LiteLLM, catalog, the row. */
function candidates(input: FactInputs): { source: FactSource | "row"; c: Candidate }[] {
  const o = input.overrides;
  const out: { source: FactSource | "row"; c: Candidate }[] = [
    { source: "admin", c: { entry: entry("admin", o.set_at ?? null), pricing: o.pricing ?? null, context_window: o.context_window ?? null, max_tokens: o.max_tokens ?? null, capabilities: o.capabilities ?? {} } },
    { source: "provider", c: { entry: entry("provider", input.statedAt), pricing: null, ...input.stated } },
  ];
  for (const source of ["models.dev", "litellm"] as const) {
    const f = input.metadata[source]?.facts;
    if (f) out.push({ source, c: { entry: entry(source, f.as_of), pricing: f.pricing, context_window: f.context_window, max_tokens: f.max_tokens, capabilities: { ...f.capabilities } } });
    else if (input.unavailable.has(source) && input.row) out.push({ source, c: keptFromRow(input.row, source) });
  }
  const cat = input.catalog;
  if (cat) out.push({ source: "catalog", c: { entry: entry("catalog", input.catalogAsOf), pricing: cat.pricing, context_window: cat.context_window, max_tokens: cat.max_tokens, capabilities: { ...cat.capabilities } } });
  if (input.row) out.push({ source: "row", c: keptFromRow(input.row, null) });
  return out;
}

/** The row's figures as a candidate: all of them (the last resort), or only those a given source had stated. */
function keptFromRow(row: Figures & { provenance: Provenance }, only: MetadataSource | null): Candidate {
  const mine = (f: keyof Provenance) => only === null || row.provenance[f]?.source === only;
  return {
    entry: null,
    pricing: mine("pricing") ? row.pricing : null,
    context_window: mine("context_window") ? row.context_window : null,
    max_tokens: mine("max_tokens") ? row.max_tokens : null,
    capabilities: mine("capabilities") ? row.capabilities : {},
  };
}

// A kept row figure keeps the row's own provenance entry for that field.
const provenanceOf = (c: Candidate, row: FactInputs["row"], field: keyof Provenance) => c.entry ?? row?.provenance[field] ?? null;

/**
 * Decides each figure of a model by precedence, admin > provider > models.dev > LiteLLM > catalog > the row as
 * it was (pure). A source that is down without a document keeps the row's figures it had stated; nothing is
 * filled in that no source states. Each group of figures carries its source and date; the date moves only
 * when the figure or its source changes, so an unchanged model stays unchanged.
 */
export function resolveFigures(input: FactInputs): ResolvedFigures {
  const list = candidates(input);
  const row = input.row;
  const provenance = emptyProvenance();
  const out: Figures = { pricing: nullPricing(), context_window: null, max_tokens: null, capabilities: { vision: null, function_calling: null, json_mode: null, reasoning: null } };

  const base = list.find((x) => x.source !== "admin" && priced(x.c.pricing));
  if (base) {
    out.pricing = { ...nullPricing(), ...sixPrices(base.c.pricing) };
    provenance.pricing = provenanceOf(base.c, row, "pricing");
  }
  if (input.overrides.pricing && Object.keys(input.overrides.pricing).length > 0) {
    out.pricing = { ...out.pricing, ...sixPrices(input.overrides.pricing) };
    provenance.pricing = list[0].c.entry;
  }
  for (const field of ["context_window", "max_tokens"] as const) {
    const hit = list.find((x) => x.c[field] != null);
    if (hit) {
      out[field] = hit.c[field];
      provenance[field] = provenanceOf(hit.c, row, field);
    }
  }
  out.capabilities = resolveCapabilities(list, row, provenance);
  return { ...out, provenance: settle(provenance, out, row) };
}

function resolveCapabilities(list: ReturnType<typeof candidates>, row: FactInputs["row"], provenance: Provenance): Capabilities {
  const caps: Record<string, boolean | null> = { vision: null, function_calling: null, json_mode: null, reasoning: null };
  // Keys beyond the four (a provider's own, e.g. Mistral's) are kept as the provider states them.
  for (const x of list.filter((l) => l.source === "provider")) for (const [k, v] of Object.entries(x.c.capabilities)) if (typeof v === "boolean") caps[k] = v;
  let top = Infinity;
  for (const key of CAPABILITY_KEYS) {
    const i = list.findIndex((x) => typeof x.c.capabilities[key] === "boolean");
    if (i === -1) continue;
    caps[key] = list[i].c.capabilities[key] as boolean;
    top = Math.min(top, i);
  }
  // The group's provenance names the highest-ranked source that stated any of the four.
  if (top !== Infinity) provenance.capabilities = provenanceOf(list[top].c, row, "capabilities");
  return caps as Capabilities;
}

function equalFigure(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === "object" && typeof b === "object") {
    // The same keys (in any order) with equal values.
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && equalFigure((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b || (a == null && b == null);
}

/** The row's provenance entry where the figure and its source are what the row had: its date stands. */
function settle(p: Provenance, figures: Figures, row: FactInputs["row"]): Provenance {
  if (!row) return p;
  const out = { ...p };
  for (const field of ["pricing", "context_window", "max_tokens", "capabilities"] as const) {
    const before = row.provenance[field];
    if (before && out[field]?.source === before.source && equalFigure(figures[field], row[field])) out[field] = before;
  }
  return out;
}

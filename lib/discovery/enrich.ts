import { getCatalog, type CatalogModel } from "@/lib/catalog";
import type { ProviderFacts } from "@/lib/db/facts-columns";
import type { Provider, Tier } from "@/lib/domain";
import type { PlanRow } from "@/lib/db/model-row";
import type { ModelWrite } from "@/lib/db/models-repo";
import { findFacts, type MetadataFacts, type MetadataSource } from "@/lib/metadata";
import type { Classification } from "./classify";
import type { ListedGroup } from "./group";
import { resolveFigures } from "./precedence";

/** The columns discovery writes for one model (insert or refresh): the write repository's shape. */
export type ModelValues = ModelWrite;

export type CatalogLookup = (provider: Provider, nameOrAlias: string) => CatalogModel | undefined;

/** An admin's classification outranks the rules on every later run. */
export function isAdminClassified(row: PlanRow | undefined): boolean {
  return row?.metadata?.classified_by === "admin";
}

/** A sortable number for the UI's ordering (the plan itself ranks with compareRank). */
export function versionRank(cls: Classification, order: readonly string[]): number {
  const v = (cls.version[0] ?? 0) * 1000 + (cls.version[1] ?? 0);
  return order[0] === "version" ? v * 10 + cls.preference : cls.preference * 100_000 + v;
}

const positive = (n: number | null | undefined) => (typeof n === "number" && Number.isInteger(n) && n > 0 ? n : null);

/** The metadata sources' facts a run read, and which sources it could not read at all. */
export interface RunFacts {
  facts: MetadataFacts;
  unavailable: ReadonlySet<MetadataSource>;
  /** The run's date: when the provider stated what it listed. */
  now: Date;
  /** The run's date as ISO text, made once per run rather than once per model (else from `now`). */
  statedAt?: string;
}

/** The catalog's date: its version (YYYY-MM-DD). */
export const catalogAsOf = (): string => getCatalog().version;

/** What a provider's listing states of a model: limits, and the capabilities it names (true or false). */
export function statedFacts(m: ListedGroup["model"]): ProviderFacts {
  const capabilities: Record<string, boolean> = {};
  for (const k in m.capabilities) {
    const v = m.capabilities[k];
    if (Object.hasOwn(m.capabilities, k) && typeof v === "boolean") capabilities[k] = v;
  }
  return { context_window: positive(m.input_token_limit), max_tokens: positive(m.output_token_limit), capabilities };
}

/** The model's figures by precedence (lib/discovery/precedence.ts) from the listing, the catalogs and the row. */
function figuresFor(group: ListedGroup, stated: ProviderFacts, row: PlanRow | undefined, cat: CatalogModel | undefined, names: string[], run: RunFacts | undefined) {
  const metadata = run ? findFacts(run.facts, { provider: group.provider, id: row?.model_name ?? group.id, aliases: [...new Set(names)] }) : {};
  const figures = resolveFigures({
    stated, statedAt: run?.statedAt ?? (run?.now ?? new Date()).toISOString(), metadata,
    unavailable: run?.unavailable ?? new Set(), catalog: cat, catalogAsOf: catalogAsOf(), overrides: row?.overrides ?? {}, row,
  });
  const matched: Record<string, string> = {};
  for (const [source, m] of Object.entries(metadata)) matched[source] = m.matched_id;
  return { figures, matched };
}

/**
 * The values of a listed model: tier from the admin, else the rules, else the catalog, else a guess (needs review);
 * figures the provider states win over the catalog's, the catalog's over what the row had.
 */
export function valuesFor(
  group: ListedGroup,
  cls: Classification,
  row: PlanRow | undefined,
  lookup: CatalogLookup,
  meta: { rankOrder: readonly string[]; rulesVersion: string; run?: RunFacts },
): ModelValues {
  const provider = group.provider;
  const m = group.model;
  const names = [row?.model_name, group.id, ...group.ids, group.key].filter((x): x is string => !!x);
  const cat = names.map((n) => lookup(provider, n)).find(Boolean);
  const admin = isAdminClassified(row);
  const model_name = row?.model_name ?? group.id;
  const tier: Tier = admin ? row!.model_type : cls.recognised ? cls.tier : (cat?.tier ?? cls.tier);
  const family = admin ? row!.family : cls.recognised ? cls.family : (cat?.family ?? row?.family ?? null);
  const needs_review = admin ? false : !cls.recognised && !cat;
  const stated = statedFacts(m);
  const { matched, figures } = figuresFor(group, stated, row, cat, names, meta.run);
  // The provider's own ids of a name it lists replace the stored aliases; a name it does not list only gains ids.
  const listsName = group.ids.includes(model_name);
  const aliases = [...new Set([...(listsName ? [] : (row?.aliases ?? [])), ...group.ids])].filter((a) => a !== model_name);
  // The previous fingerprint is recomputed by the plan, never carried over.
  const { classified_by, fingerprint: _previous, ...rowMeta } = row?.metadata ?? {};
  void _previous;
  return {
    provider,
    model_name,
    display_name: m.display_name ?? cat?.display_name ?? row?.display_name ?? null,
    model_type: tier,
    family,
    version_rank: versionRank(cls, meta.rankOrder),
    is_preview: m.is_preview || cls.is_preview || (cat?.preview ?? false),
    needs_review,
    capabilities: figures.capabilities,
    pricing: figures.pricing,
    max_tokens: figures.max_tokens,
    context_window: figures.context_window,
    provenance: figures.provenance,
    aliases,
    release_date: m.release_date ?? cat?.release_date ?? row?.release_date ?? null,
    shutdown_date: m.shutdown_date ?? cat?.shutdown_date ?? null,
    successor: row?.overrides.successor ?? m.successor ?? cat?.successor ?? null,
    metadata: {
      ...rowMeta,
      stated_successor: m.successor ?? cat?.successor ?? null,
      ...(admin ? { classified_by } : {}),
      ...(cat ? { catalog_source: cat.source } : {}),
      // What the listing stated, so a metadata refresh without a listing still ranks it above the catalogs.
      provider_facts: stated,
      ...(Object.keys(matched).length > 0 ? { metadata_match: matched } : {}),
      discovery: {
        rules_version: meta.rulesVersion,
        rule: cls.rule,
        line: cls.line,
        listed_ids: group.ids,
        raw: m.raw,
      },
    },
  };
}

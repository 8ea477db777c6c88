import { parseLitellm } from "./litellm";
import { buildFactsIndex, matchFacts, type FactsIndex, type FactsMatch, type ModelQuery } from "./match";
import { parseModelsDev } from "./models-dev";
import { METADATA_SOURCES, type MetadataSource, type ParseResult } from "./types";

/** Every source's index; null where the source is off or has no good document. */
export type MetadataFacts = Record<MetadataSource, FactsIndex | null>;

/** Each source's parser, by the source's name. */
export const PARSERS: Record<MetadataSource, (json: unknown, asOf: string) => ParseResult> = {
  "models.dev": parseModelsDev,
  litellm: parseLitellm,
};

export const noFacts = (): MetadataFacts => ({ "models.dev": null, litellm: null });

/** An index from a stored (already filtered) document; null if it no longer parses. */
export function indexDocument(source: MetadataSource, document: unknown, asOf: string): FactsIndex | null {
  const parsed = PARSERS[source](document, asOf);
  return parsed.ok ? buildFactsIndex(source, asOf, parsed.facts) : null;
}

/**
 * What each source says about one listed model (exact id, snapshot suffix, aliases: see match.ts). A source
 * missing from the answer is off, has no document, or does not know the model.
 */
export function findFacts(facts: MetadataFacts, query: ModelQuery): Partial<Record<MetadataSource, FactsMatch>> {
  const out: Partial<Record<MetadataSource, FactsMatch>> = {};
  for (const source of METADATA_SOURCES) {
    const index = facts[source];
    const match = index ? matchFacts(index, query) : null;
    if (match) out[source] = match;
  }
  return out;
}

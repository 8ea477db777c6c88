import type { RunError, RunWarning } from "@/lib/db/run-log";
import type { Db } from "@/lib/db/types";
import type { Env } from "@/lib/env";
import { noFacts, refreshMetadata, METADATA_SOURCES, type MetadataFacts, type MetadataSource, type SourceReport } from "@/lib/metadata";
import { cleanMessage } from "./list-providers";

/** What a run (or a metadata refresh) learnt from the metadata sources. */
export interface RunMetadata {
  facts: MetadataFacts;
  /** Sources with no usable document: the registry's figures from them stand. */
  unavailable: ReadonlySet<MetadataSource>;
  warnings: RunWarning[];
  errors: RunError[];
  sources: SourceReport[];
}

/**
 * Reads every enabled metadata source (lib/metadata refreshMetadata); never throws. A source that fails is a
 * warning naming it and its last good document is used; a bad setting is a run error naming the variable, and
 * then no source is used, so every figure they gave stays as it was.
 */
export async function readRunMetadata(db: Db, opts: { env: Env; fetch?: typeof fetch; now?: () => Date }): Promise<RunMetadata> {
  try {
    const r = await refreshMetadata(db, { env: opts.env, fetch: opts.fetch, now: opts.now });
    const unavailable = new Set(r.sources.filter((s) => s.state === "failed_no_document").map((s) => s.source));
    return { facts: r.facts, unavailable, warnings: r.warnings, errors: [], sources: r.sources };
  } catch (err) {
    return { facts: noFacts(), unavailable: new Set(METADATA_SOURCES), warnings: [], errors: [{ provider: "all", message: cleanMessage(err) }], sources: [] };
  }
}

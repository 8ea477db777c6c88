import type { RefreshMetadataResult } from "../../lib/registry/refresh-metadata";

type Result = Pick<RefreshMetadataResult, "sources" | "warnings" | "errors" | "models_updated"> & {
  changes: { provider: string; model_name: string; field: string; source: string }[];
};

/** A metadata refresh as a few readable lines for a terminal (`npm run discover -- --metadata-only`). */
export function formatMetadataRefresh(r: Result): string {
  const lines = ["Metadata refresh", "", "source       state             entries  as of"];
  for (const s of r.sources) lines.push(`${s.source.padEnd(12)} ${s.state.padEnd(17)} ${String(s.entries).padStart(7)}  ${s.as_of?.slice(0, 10) ?? "-"}`);
  lines.push("", `models updated: ${r.models_updated}`);
  for (const c of r.changes) lines.push(`  ${c.provider}/${c.model_name}: ${c.field} (${c.source})`);
  if (r.errors.length) lines.push("", "errors:", ...r.errors.map((e) => `  ${e.message}`));
  if (r.warnings.length) lines.push("", "warnings:", ...r.warnings.map((w) => `  ${w.source}: ${w.message}`));
  return lines.join("\n");
}

/** 0 when every enabled source was read, 1 when one warned (its figures kept), 2 on an error (nothing applied). */
export function metadataExitCode(r: Pick<Result, "warnings" | "errors">): number {
  return r.errors.length ? 2 : r.warnings.length ? 1 : 0;
}

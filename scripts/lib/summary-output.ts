import type { Provider } from "../../lib/domain";
import type { RunSummary } from "../../lib/discovery/summary";

/** The summary as a few readable lines for a terminal (scripts/discover.ts). */
export function formatSummary(s: RunSummary): string {
  const lines = [`Discovery run ${s.run_id}: ${s.status.toUpperCase()} in ${s.execution_time_ms} ms`, ""];
  const failed = new Map(s.errors.map((e) => [e.provider, e.message]));
  lines.push("provider    result");
  for (const p of [...s.providers_checked, ...s.providers_skipped]) {
    const result = s.providers_skipped.includes(p) ? "skipped (no API key)" : failed.has(p) ? `FAILED: ${failed.get(p)}` : "ok";
    lines.push(`${p.padEnd(11)} ${result}`);
  }
  lines.push(
    "",
    `models: ${s.models_discovered} listed, ${s.models_added} added, ${s.models_deprecated} deactivated, ` +
      `${s.models_reactivated} reactivated, ${s.models_set_aside} set aside (not chat)`,
  );
  if (s.default_changes.length) {
    lines.push("", "default changes:");
    for (const c of s.default_changes) lines.push(`  ${c.provider} ${c.model_type}: ${c.from ?? "(none)"} -> ${c.to ?? "(none)"}`);
  }
  const general = s.errors.filter((e) => !s.providers_checked.includes(e.provider as Provider));
  if (general.length) lines.push("", "errors:", ...general.map((e) => `  ${e.message}`));
  if (s.warnings.length) lines.push("", "warnings:", ...s.warnings.map((w) => `  ${w.source}: ${w.message}`));
  return lines.join("\n");
}

/** The exit code of `npm run discover`: 0 success, 1 partial, 2 failed. */
export function exitCodeFor(status: RunSummary["status"]): number {
  return status === "success" ? 0 : status === "partial" ? 1 : 2;
}

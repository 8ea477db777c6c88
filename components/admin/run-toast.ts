import type { RunRowWire as RunRow } from "@/lib/config/schemas";
import { PROVIDERS } from "@/lib/domain";

type ToastRun = Pick<RunRow, "status" | "models_added" | "models_deprecated" | "errors">;

/**
 * The toast line of a finished run. Only errors of a named provider count as provider errors; a run-wide
 * one (no provider configured, apply failed) is told as it is, since "1 provider error" would mislead.
 */
export function runToastDescription(run: ToastRun): string {
  const errors = run.errors;
  const perProvider = errors.filter((e) => e.provider !== null && (PROVIDERS as readonly string[]).includes(e.provider)).length;
  const general = errors.filter((e) => e.provider === null || !(PROVIDERS as readonly string[]).includes(e.provider));
  const parts = [`${run.models_added} added, ${run.models_deprecated} deprecated`];
  if (perProvider) parts.push(`${perProvider} provider error${perProvider > 1 ? "s" : ""}`);
  const head = `${parts.join(", ")}.`;
  return general.length ? `${head} ${general.map((e) => e.message).join(" ")}` : head;
}

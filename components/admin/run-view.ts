// Reads the loosely typed JSON columns of a run (progress, errors, changes) into the shapes the console shows.
import { PROVIDERS } from "@/lib/domain";
import type { ProviderProgress, RunRow } from "@/hooks/types";

export type ProgressState = ProviderProgress["state"];
export interface ProviderProgressView extends ProviderProgress {
  provider: string;
}
export interface RunModelRef {
  provider: string | null;
  model_name: string;
  model_type: string | null;
  needs_review?: boolean;
}
export interface DefaultChangeView {
  provider: string;
  model_type: string;
  from: string | null;
  to: string | null;
  reason?: string;
}
export interface RunErrorView {
  provider: string | null;
  message: string;
}

const STATES: ProgressState[] = ["pending", "listing", "done", "failed", "skipped"];

function rec(v: unknown): Record<string, unknown> | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}
function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}
function providerOrder(p: string): number {
  const i = (PROVIDERS as readonly string[]).indexOf(p);
  return i < 0 ? PROVIDERS.length : i;
}

/** Per-provider progress in the usual provider order; providers checked but not yet reported are pending. */
export function readProgress(run: Pick<RunRow, "progress" | "providers_checked">): ProviderProgressView[] {
  const out = new Map<string, ProviderProgressView>();
  for (const p of run.providers_checked ?? []) out.set(p, { provider: p, state: "pending", pages: 0, models_seen: 0 });
  for (const [provider, raw] of Object.entries(run.progress ?? {})) {
    const r = rec(raw);
    if (!r) continue;
    const state = STATES.includes(r.state as ProgressState) ? (r.state as ProgressState) : "pending";
    out.set(provider, { provider, state, pages: num(r.pages), models_seen: num(r.models_seen), message: str(r.message) ?? undefined });
  }
  return [...out.values()].sort((a, b) => providerOrder(a.provider) - providerOrder(b.provider));
}

/** Models a run added or deprecated: entries may be names or objects with model_name (or name/id). */
export function readModelRefs(list: unknown[] | undefined): RunModelRef[] {
  return (list ?? []).flatMap((item): RunModelRef[] => {
    if (typeof item === "string") return [{ provider: null, model_name: item, model_type: null }];
    const r = rec(item);
    const name = r && (str(r.model_name) ?? str(r.name) ?? str(r.id));
    if (!r || !name) return [];
    const ref: RunModelRef = { provider: str(r.provider), model_name: name, model_type: str(r.model_type) ?? str(r.tier) };
    return [r.needs_review === true ? { ...ref, needs_review: true } : ref];
  });
}

export function readDefaultChanges(list: unknown[] | undefined): DefaultChangeView[] {
  return (list ?? []).flatMap((item): DefaultChangeView[] => {
    const r = rec(item);
    if (!r) return [];
    return [
      {
        provider: str(r.provider) ?? "?",
        model_type: str(r.model_type) ?? str(r.tier) ?? "?",
        from: str(r.from) ?? str(r.from_model),
        to: str(r.to) ?? str(r.to_model),
        ...(str(r.reason) ? { reason: str(r.reason)! } : {}),
      },
    ];
  });
}

/** Errors and warnings: `{ provider, message }` objects or plain strings. */
export function readMessages(list: unknown[] | undefined): RunErrorView[] {
  return (list ?? []).flatMap((item): RunErrorView[] => {
    if (typeof item === "string") return [{ provider: null, message: item }];
    const r = rec(item);
    const message = r && (str(r.message) ?? str(r.error));
    if (!r || !message) return [];
    return [{ provider: str(r.provider), message }];
  });
}

/** How many providers a run finished ("done") out of those it checked. */
export function providerTally(run: Pick<RunRow, "progress" | "providers_checked">): { done: number; total: number } {
  const all = readProgress(run);
  return { done: all.filter((p) => p.state === "done").length, total: all.length };
}

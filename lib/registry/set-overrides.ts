import { overridesSchema, type Overrides } from "@/lib/db/facts-columns";
import { insertFactChanges, type FactChange } from "@/lib/db/fact-changes-repo";
import { updateFigures, writeOverrides, writeSuccessor } from "@/lib/db/model-figures-repo";
import type { ModelRow } from "@/lib/db/models-repo";
import { recordPrices } from "@/lib/db/prices-repo";
import { loadStoredMetadata, METADATA_SOURCES, type MetadataSource } from "@/lib/metadata";
import { adminChange, requireModel } from "./admin-change";
import { figuresWrite, priceObservation, refigure } from "./refigure";
import type { Action } from "./types";

type Section<T> = { [K in keyof T]?: T[K] | null } | null;

/** The change an admin asks for: a value sets a field, null clears it, an absent field stays as it is. */
export interface OverridesChange {
  pricing?: Section<NonNullable<Overrides["pricing"]>>;
  context_window?: number | null;
  max_tokens?: number | null;
  capabilities?: Section<NonNullable<Overrides["capabilities"]>>;
  successor?: string | null;
}

export interface SetOverridesInput {
  id: string;
  change: OverridesChange;
  now?: Date;
}

/** Merges one section (prices, capabilities): null clears the section, a null field clears that field. */
function mergeSection<T extends Record<string, unknown>>(before: T | undefined, change: Section<T> | undefined): T | undefined {
  if (change === undefined) return before;
  if (change === null) return undefined;
  const out: Record<string, unknown> = { ...(before ?? {}) };
  for (const [k, v] of Object.entries(change)) if (v === null) delete out[k];
  else if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}

/** The overrides after a change (pure). */
export function mergeOverrides(before: Overrides, change: OverridesChange, by: { actor: string; at: Date }): Overrides {
  const scalar = <K extends "context_window" | "max_tokens" | "successor">(k: K) => (change[k] === undefined ? before[k] : (change[k] ?? undefined));
  const merged = {
    pricing: mergeSection(before.pricing, change.pricing),
    context_window: scalar("context_window"),
    max_tokens: scalar("max_tokens"),
    capabilities: mergeSection(before.capabilities, change.capabilities),
    successor: scalar("successor"),
  };
  const set = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  return overridesSchema.parse(Object.keys(set).length > 0 ? { ...set, set_by: by.actor, set_at: by.at.toISOString() } : {});
}

const FIELDS = ["pricing", "context_window", "max_tokens", "capabilities", "successor"] as const;

function auditOf(row: ModelRow, before: Overrides, after: Overrides): FactChange[] {
  return FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map((f) => ({
    model_id: row.id, provider: row.provider, model_name: row.model_name, field: `overrides.${f}`,
    from: before[f] ?? null, to: after[f] ?? null, source: "admin",
  }));
}

/**
 * Sets or clears an admin's figures (price, limits, capabilities, successor) of one model, audited, and re-applies
 * precedence to the row at once from the stored metadata documents, so the config answer shows it.
 */
export async function setOverrides({ ctx, input }: Action<SetOverridesInput>): Promise<ModelRow> {
  const now = input.now ?? new Date();
  return adminChange(ctx.db, async (tx) => {
    const row = await requireModel(tx, input.id);
    const next = mergeOverrides(row.overrides, input.change, { actor: ctx.actor, at: now });
    const stored = await loadStoredMetadata(tx, { env: process.env });
    const unavailable = new Set<MetadataSource>(METADATA_SOURCES.filter((s) => !stored.facts[s]));
    const figures = refigure({ ...row, overrides: next }, { facts: stored.facts, unavailable }, next);
    await writeOverrides(tx, row.id, next);
    // Until a run records what the sources state, the row's successor is theirs unless an admin had set one.
    const stated = row.metadata.stated_successor !== undefined ? row.metadata.stated_successor : row.overrides.successor ? null : row.successor;
    await writeSuccessor(tx, row.id, next.successor ?? stated, stated);
    await updateFigures(tx, [figuresWrite(row, figures)]);
    const price = priceObservation(row, figures);
    if (price) await recordPrices(tx, [price], now);
    await insertFactChanges(tx, auditOf(row, row.overrides, next), { changedBy: ctx.actor });
    return requireModel(tx, row.id);
  });
}

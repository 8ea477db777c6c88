// What an admin must act on, as a pure function of the registry, the held listings and the metadata sources.
import { z } from "zod";
import { DEFAULT_TIERS, isPriced, providerSchema, tierSchema } from "@/lib/domain";
import { daysUntil, isShutDown } from "./lifecycle";

/** A default this close to its shutdown is flagged, as the select rule keeps such models out. */
export const RETIRING_WITHIN_DAYS = 30;

const modelTarget = z.object({ kind: z.literal("model"), model_id: z.string(), provider: providerSchema, model_name: z.string() });
const sectionTarget = z.object({ kind: z.literal("section"), section: z.enum(["suspect-listings", "metadata-sources"]) });

export const attentionItemSchema = z.object({
  id: z.string().describe("Stable per finding, e.g. unpriced:<model id>"),
  kind: z.enum(["default_retired", "default_retiring", "suspect_listing", "metadata_source_failing", "default_missing_facts", "unpriced", "needs_review"]),
  severity: z.enum(["critical", "warning"]),
  title: z.string(),
  detail: z.string(),
  fix: z.string().describe("What to do, in a few words"),
  target: z.discriminatedUnion("kind", [modelTarget, sectionTarget]),
  model_type: tierSchema.optional(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** The least of a registry row the findings read. */
export interface AttentionModel {
  id: string;
  provider: z.infer<typeof providerSchema>;
  model_name: string;
  model_type: z.infer<typeof tierSchema>;
  is_active: boolean;
  is_default: boolean;
  needs_review: boolean;
  pricing: { input_per_mtok: number | null; output_per_mtok: number | null };
  context_window: number | null;
  shutdown_date: string | null;
}

export interface AttentionInput {
  models: readonly AttentionModel[];
  heldListings: readonly { provider: string; missing: readonly unknown[] }[];
  metadataSources: readonly { source: string; url: string | null; last_error: string | null; last_error_at: string | null; fetched_at: string | null }[];
  now: Date;
}

const isTiered = (m: AttentionModel) => (DEFAULT_TIERS as readonly string[]).includes(m.model_type);
const toModel = (m: AttentionModel) => ({ kind: "model" as const, model_id: m.id, provider: m.provider, model_name: m.model_name });
const slot = (m: AttentionModel) => `${m.provider} ${m.model_type}`;

function lifecycleOfDefault(m: AttentionModel, now: Date): AttentionItem | undefined {
  if (!m.shutdown_date) return undefined;
  const base = { target: toModel(m), model_type: m.model_type, fix: "Pin a live model for this slot" };
  if (isShutDown(m.shutdown_date, now)) {
    return { ...base, id: `default_retired:${m.id}`, kind: "default_retired", severity: "critical", title: `The ${slot(m)} default is retired`, detail: `${m.model_name} shut down on ${m.shutdown_date}.` };
  }
  const days = daysUntil(m.shutdown_date, now);
  if (days > RETIRING_WITHIN_DAYS) return undefined;
  return { ...base, id: `default_retiring:${m.id}`, kind: "default_retiring", severity: "warning", title: `The ${slot(m)} default retires in ${days} day${days === 1 ? "" : "s"}`, detail: `${m.model_name} shuts down on ${m.shutdown_date}.` };
}

function missingFactsOfDefault(m: AttentionModel): AttentionItem | undefined {
  const missing = [isPriced(m.pricing) ? null : "price", m.context_window === null ? "context window" : null].filter((x): x is string => x !== null);
  if (missing.length === 0) return undefined;
  return {
    id: `default_missing_facts:${m.id}`, kind: "default_missing_facts", severity: "warning", target: toModel(m), model_type: m.model_type,
    title: `The ${slot(m)} default has no ${missing.join(" and no ")}`, detail: `${m.model_name}: no source states it.`, fix: "Set it by hand in the model's figures",
  };
}

function modelFindings(models: readonly AttentionModel[], now: Date): AttentionItem[] {
  const active = models.filter((m) => m.is_active);
  const defaults = models.filter((m) => m.is_default);
  const lifecycle = defaults.map((m) => lifecycleOfDefault(m, now));
  const facts = defaults.map(missingFactsOfDefault);
  const unpriced = active.filter((m) => !m.is_default && isTiered(m) && !m.needs_review && !isPriced(m.pricing)).map<AttentionItem>((m) => ({
    id: `unpriced:${m.id}`, kind: "unpriced", severity: "warning", target: toModel(m), model_type: m.model_type,
    title: `${m.model_name} has no price`, detail: `An active ${m.model_type} model of ${m.provider} without a stated price.`, fix: "Set its price",
  }));
  const review = active.filter((m) => m.needs_review).map<AttentionItem>((m) => ({
    id: `needs_review:${m.id}`, kind: "needs_review", severity: "warning", target: toModel(m), model_type: m.model_type,
    title: `${m.model_name} needs review`, detail: "No rule recognised it: it is never made a default until classified.", fix: "Classify it",
  }));
  return [...lifecycle, ...facts, ...unpriced, ...review].filter((x): x is AttentionItem => x !== undefined);
}

function sourceFindings(input: AttentionInput): AttentionItem[] {
  const held = input.heldListings.map<AttentionItem>((l) => ({
    id: `suspect_listing:${l.provider}`, kind: "suspect_listing", severity: "critical", target: { kind: "section", section: "suspect-listings" },
    title: `A ${l.provider} listing is held`, detail: `It would deactivate ${l.missing.length} confirmed model${l.missing.length === 1 ? "" : "s"}; they stay active until you decide.`, fix: "Accept the listing or wait for the models to come back",
  }));
  const failing = input.metadataSources.filter(isSourceFailing);
  const sources = failing.map<AttentionItem>((s) => ({
    id: `metadata_source_failing:${s.source}`, kind: "metadata_source_failing", severity: "warning", target: { kind: "section", section: "metadata-sources" },
    title: `The metadata source ${s.source} is failing`, detail: `${s.last_error}${s.fetched_at ? "; figures stay as of the last good document" : "; no document was ever read"}.`, fix: "Check its URL, then refresh metadata",
  }));
  return [...held, ...sources];
}

/** A source is failing while its last error is newer than its last good fetch. */
export function isSourceFailing(s: AttentionInput["metadataSources"][number]): boolean {
  return !!s.last_error && (!s.fetched_at || (s.last_error_at ?? "") > s.fetched_at);
}

const ORDER: Record<AttentionItem["kind"], number> = {
  default_retired: 0, suspect_listing: 1, default_retiring: 2, metadata_source_failing: 3, default_missing_facts: 4, unpriced: 5, needs_review: 6,
};

/** Every finding an admin must act on, the most urgent first (critical before warning, then by kind and name). */
export function needsAttention(input: AttentionInput): AttentionItem[] {
  const items = [...modelFindings(input.models, input.now), ...sourceFindings(input)];
  const name = (i: AttentionItem) => (i.target.kind === "model" ? `${i.target.provider}/${i.target.model_name}` : i.id);
  return items.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1) || ORDER[a.kind] - ORDER[b.kind] || name(a).localeCompare(name(b)));
}

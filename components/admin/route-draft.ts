import type { RouteInput, RouteStep } from "@/lib/registry/route-schema";
import type { RouteConstraints, SelectInput } from "@/lib/registry/select-query";

// The route form's state: text fields as typed, turned into the route body the API parses (and judges).

export const FILTER_NUMBERS = ["min_context", "min_output", "max_input_price", "max_output_price"] as const;
export type FilterNumber = (typeof FILTER_NUMBERS)[number];

/** The select filters as form fields (numbers and the provider list as text). */
export interface FilterDraft {
  capabilities: string[];
  numbers: Record<FilterNumber, string>;
  providers: string;
}

export type StepDraft =
  | { kind: "slot"; slot: string }
  | { kind: "model"; model: string }
  | { kind: "select"; type: string; order: string; include_preview: boolean; filters: FilterDraft };

export interface RouteDraft {
  name: string;
  description: string;
  steps: StepDraft[];
  constraints: FilterDraft;
}

export const emptyFilters = (): FilterDraft => ({ capabilities: [], numbers: { min_context: "", min_output: "", max_input_price: "", max_output_price: "" }, providers: "" });

/** A new step of a kind, with sensible first values. */
export function newStep(kind: StepDraft["kind"]): StepDraft {
  if (kind === "slot") return { kind, slot: "openai:fast" };
  if (kind === "model") return { kind, model: "" };
  return { kind, type: "any", order: "rank", include_preview: false, filters: emptyFilters() };
}

export const emptyDraft = (): RouteDraft => ({ name: "", description: "", steps: [newStep("slot")], constraints: emptyFilters() });

function filtersFrom(q: Partial<RouteConstraints> | null | undefined): FilterDraft {
  const text = (v: number | undefined) => (v === undefined ? "" : String(v));
  return {
    capabilities: q?.capabilities ?? [],
    numbers: { min_context: text(q?.min_context), min_output: text(q?.min_output), max_input_price: text(q?.max_input_price), max_output_price: text(q?.max_output_price) },
    providers: (q?.providers ?? []).join(", "),
  };
}

/** The form state of a stored route. */
export function draftFromRoute(route: { name: string; description: string | null; steps: RouteStep[]; constraints: RouteConstraints | null }): RouteDraft {
  const steps = route.steps.map((s): StepDraft => {
    if ("slot" in s) return { kind: "slot", slot: s.slot };
    if ("model" in s) return { kind: "model", model: s.model };
    return { kind: "select", type: s.select.type, order: s.select.order, include_preview: s.select.include_preview, filters: filtersFrom(s.select) };
  });
  return { name: route.name, description: route.description ?? "", steps, constraints: filtersFrom(route.constraints) };
}

// A typed number stays as typed when it is not one, so the server's 400 names the field.
const numberOf = (v: string): number | string => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v.trim());

function filtersBody(f: FilterDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (f.capabilities.length) out.capabilities = f.capabilities;
  for (const k of FILTER_NUMBERS) if (f.numbers[k].trim() !== "") out[k] = numberOf(f.numbers[k]);
  const providers = f.providers.split(",").map((p) => p.trim()).filter(Boolean);
  if (providers.length) out.providers = providers;
  return out;
}

function stepBody(s: StepDraft): unknown {
  if (s.kind === "slot") return { slot: s.slot };
  if (s.kind === "model") return { model: s.model.trim() };
  const select: Record<string, unknown> = { type: s.type, order: s.order, ...filtersBody(s.filters) };
  if (s.include_preview) select.include_preview = true;
  return { select: select as SelectInput };
}

/** The route body of POST / PUT from the form; empty fields are left out. */
export function routeBody(d: RouteDraft): RouteInput {
  const constraints = filtersBody(d.constraints);
  return {
    name: d.name.trim(),
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
    steps: d.steps.map(stepBody) as RouteInput["steps"],
    ...(Object.keys(constraints).length ? { constraints: constraints as RouteInput["constraints"] } : {}),
  };
}

/** A step in a few words, for the list ("slot openai:fast", "select fast by price, vision"). */
export function stepLabel(s: RouteStep): string {
  if ("slot" in s) return `slot ${s.slot}`;
  if ("model" in s) return `model ${s.model}`;
  const q = s.select;
  const parts = [q.type === "any" ? "any type" : q.type, q.order === "price" ? "by price" : null, ...(q.capabilities ?? []), q.providers?.join("/") ?? null];
  return `select ${parts.filter(Boolean).join(", ")}`;
}

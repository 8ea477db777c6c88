import type { ModelRow } from "@/lib/db/model-row";
import { findByNameOrAlias, type Provider } from "@/lib/domain";
import { isShutDown, shutdownReason } from "./lifecycle";
import type { Route, RouteStep } from "./route-schema";
import { selectModels, unmetConstraints } from "./select";
import type { RouteConstraints, SelectQuery } from "./select-query";

/** What one step of a route resolves to now; `used` marks the step that answers. */
export interface ChainEntry {
  step: RouteStep;
  provider?: Provider;
  model_name?: string;
  skipped: boolean;
  reason?: string;
  used: boolean;
}

export interface RouteResolution {
  /** The first step's model that is live and meets the route's constraints; undefined when none. */
  model: ModelRow | undefined;
  chain: ChainEntry[];
}

type StepResult = { row: ModelRow } | { reason: string };

const tighter = (a: number | undefined, b: number | undefined, pick: (x: number, y: number) => number) =>
  a === undefined ? b : b === undefined ? a : pick(a, b);

/** A select step's question with the route's constraints added (each constraint can only narrow it). */
export function withConstraints(q: SelectQuery, c: RouteConstraints | null | undefined): SelectQuery {
  if (!c) return q;
  const providers = q.providers && c.providers ? q.providers.filter((p) => c.providers!.includes(p)) : (q.providers ?? c.providers);
  const capabilities = [...new Set([...(q.capabilities ?? []), ...(c.capabilities ?? [])])];
  return {
    ...q,
    providers,
    capabilities: capabilities.length ? capabilities : undefined,
    min_context: tighter(q.min_context, c.min_context, Math.max),
    min_output: tighter(q.min_output, c.min_output, Math.max),
    max_input_price: tighter(q.max_input_price, c.max_input_price, Math.min),
    max_output_price: tighter(q.max_output_price, c.max_output_price, Math.min),
  };
}

function findModel(models: readonly ModelRow[], ref: string): ModelRow | undefined {
  const cut = ref.indexOf("/");
  const provider = ref.slice(0, cut);
  const name = ref.slice(cut + 1);
  return findByNameOrAlias(models.filter((m) => m.provider === provider), name);
}

/** Why a slot or model step's model may not answer now (inactive, shut down, outside the constraints); undefined when it may. */
function blocker(row: ModelRow, c: RouteConstraints | null | undefined, now: Date): string | undefined {
  if (isShutDown(row.shutdown_date, now)) return `${row.model_name} ${shutdownReason(row.shutdown_date!)}`;
  if (!row.is_active) return `${row.model_name} is inactive${row.deactivation_reason ? ` (${row.deactivation_reason})` : ""}`;
  const unmet = c ? unmetConstraints(row, c) : [];
  return unmet.length ? `${row.model_name} does not meet the route's constraints: ${unmet.join(", ")}` : undefined;
}

function resolveStep(step: RouteStep, route: Pick<Route, "constraints">, models: readonly ModelRow[], now: Date): StepResult {
  if ("select" in step) {
    const [best] = selectModels(withConstraints(step.select, route.constraints), models, now);
    return best ? { row: best } : { reason: "no model matches the select query" };
  }
  let row: ModelRow | undefined;
  if ("slot" in step) {
    const [provider, tier] = step.slot.split(":");
    row = models.find((m) => m.provider === provider && m.model_type === tier && m.is_default);
    if (!row) return { reason: `${step.slot} has no default` };
  } else {
    row = findModel(models, step.model);
    if (!row) return { reason: `unknown model ${step.model}` };
  }
  const why = blocker(row, route.constraints, now);
  return why ? { reason: why } : { row };
}

/**
 * Resolves a route against registry rows (pure): every step with what it resolves to now and why a step
 * was skipped; the answer is the first step whose model is active, not shut down and within the route's
 * constraints. A step naming an unknown or retired model is skipped, never an error.
 */
export function resolveRoute(route: Pick<Route, "steps" | "constraints">, models: readonly ModelRow[], now: Date): RouteResolution {
  let model: ModelRow | undefined;
  const chain = route.steps.map((step): ChainEntry => {
    const r = resolveStep(step, route, models, now);
    if ("reason" in r) return { step, skipped: true, reason: r.reason, used: false };
    const used = !model;
    model ??= r.row;
    return { step, provider: r.row.provider, model_name: r.row.model_name, skipped: false, used };
  });
  return { model, chain };
}

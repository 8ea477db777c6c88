import { findCatalogModel } from "@/lib/catalog";
import { findByNameOrAlias } from "@/lib/domain";
import type { ServiceKeyIdentity } from "@/lib/auth/principal";
import { overrideFor, type OverrideSource, type OverrideTarget } from "@/lib/keys/overrides";
import { isShutDown } from "@/lib/registry/lifecycle";
import { resolveRoute, type ChainEntry } from "@/lib/registry/resolve-route";
import { configFromCatalog, configFromRow } from "./answer";
import type { RegistrySnapshot } from "./cache";
import type { ConfigSource, ModelConfig } from "./schemas";

// A service key's override, applied to one answer. Pure: the snapshot and the time come in, an answer goes out.

type Outcome = ModelConfig | { warning: string };
/** The parts of the registry snapshot an override needs. */
type Registry = Pick<RegistrySnapshot, "models" | "routes">;

/** The answer of a fixed-model override: the model if it is known and live, else why it cannot be used. */
export function fixedModelAnswer(snapshot: Registry | undefined, source: ConfigSource, target: Extract<OverrideTarget, { kind: "model" }>, now: Date): Outcome {
  const label = `${target.provider}/${target.model_name}`;
  if (snapshot) {
    const row = findByNameOrAlias(snapshot.models.filter((m) => m.provider === target.provider), target.model_name);
    if (!row) return { warning: `override ${label} is not in the registry; answering the normal model` };
    if (isShutDown(row.shutdown_date, now)) return { warning: `override ${label} was shut down on ${row.shutdown_date}; answering the normal model` };
    if (!row.is_active) return { warning: `override ${label} is no longer active; answering the normal model` };
    return configFromRow(row, source);
  }
  // The registry was never read: the built-in catalog decides.
  const cat = findCatalogModel(target.provider, target.model_name);
  if (!cat) return { warning: `override ${label} is not a known model; answering the normal model` };
  if (isShutDown(cat.shutdown_date, now)) return { warning: `override ${label} was shut down on ${cat.shutdown_date}; answering the normal model` };
  return configFromCatalog(target.provider, cat);
}

/** How a route target of an override resolves; given by the caller that knows the routes. */
export type RouteAnswer = (name: string) => Outcome;

const NO_ROUTES: RouteAnswer = (name) => ({ warning: `override route:${name} cannot be resolved here; answering the normal model` });

/** Resolves a route target from the snapshot's routes, as the route answer would; why not, when it cannot. */
export function routeAnswerFrom(snapshot: Registry | undefined, source: ConfigSource, now: Date): RouteAnswer {
  return (name) => {
    const route = snapshot?.routes.find((r) => r.name === name);
    if (!route) return { warning: `override route:${name} is not a route; answering the normal model` };
    const { model } = resolveRoute(route, snapshot!.models, now);
    return model ? configFromRow(model, source) : { warning: `override route:${name} resolves to no active model; answering the normal model` };
  };
}

/**
 * The answer a key reads for a slot or route: the normal one, unless the key overrides it; then the override's
 * model with `override: true`, or, when the override cannot be followed, the normal one with `override_warning`.
 */
export function applyOverride(
  key: ServiceKeyIdentity | undefined,
  what: OverrideSource,
  normal: ModelConfig,
  ctx: { snapshot: Registry | undefined; source: ConfigSource; now: Date; route?: RouteAnswer },
): ModelConfig {
  const target = overrideFor(key?.overrides, what);
  if (!target) return normal;
  const outcome = target.kind === "model" ? fixedModelAnswer(ctx.snapshot, ctx.source, target, ctx.now) : (ctx.route ?? NO_ROUTES)(target.name);
  if ("warning" in outcome) return { ...normal, override_warning: outcome.warning };
  return { ...outcome, override: true };
}

/** A route answer a key's override gives instead: a fixed model (a one-step chain) or another route's resolution. */
export type RouteOverride = { config: ModelConfig & { override: true }; chain: ChainEntry[] } | { warning: string } | undefined;

/** What a key reads for a named route when it overrides that route; undefined without an override. */
export function overrideRoute(key: ServiceKeyIdentity | undefined, name: string, ctx: { snapshot: Registry; source: ConfigSource; now: Date }): RouteOverride {
  const target = overrideFor(key?.overrides, { kind: "route", name });
  if (!target) return undefined;
  if (target.kind === "model") {
    const fixed = fixedModelAnswer(ctx.snapshot, ctx.source, target, ctx.now);
    if ("warning" in fixed) return fixed;
    const step = { model: `${target.provider}/${target.model_name}` };
    return { config: { ...fixed, override: true }, chain: [{ step, provider: fixed.provider, model_name: fixed.model_name, skipped: false, used: true }] };
  }
  const route = ctx.snapshot.routes.find((r) => r.name === target.name);
  if (!route) return { warning: `override route:${target.name} is not a route; answering the normal model` };
  const { model, chain } = resolveRoute(route, ctx.snapshot.models, ctx.now);
  if (!model) return { warning: `override route:${target.name} resolves to no active model; answering the normal model` };
  return { config: { ...configFromRow(model, ctx.source), override: true }, chain };
}

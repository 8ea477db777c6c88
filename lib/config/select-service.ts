import { catalogRegistryRows } from "@/lib/catalog/registry-rows";
import type { ModelRow } from "@/lib/db/model-row";
import { DatabaseUnavailableError } from "@/lib/db/types";
import { NoMatchError, NotFoundError } from "@/lib/errors";
import { resolveRoute } from "@/lib/registry/resolve-route";
import { selectModels } from "@/lib/registry/select";
import type { SelectQuery } from "@/lib/registry/select-query";
import type { ServiceKeyIdentity } from "@/lib/auth/principal";
import { noteRead } from "@/lib/keys/usage";
import { normalizeSelectTarget } from "@/lib/keys/usage-target";
import { configFromRow } from "./answer";
import { overrideRoute } from "./override";
import { readSnapshot, type RegistrySnapshot } from "./cache";
import type { ConfigSource } from "./schemas";
import { MAX_ALTERNATIVES, type RouteResponse, type SelectResponse } from "./select-schemas";

// Select and route answers come from the registry snapshot, like slot answers: fast, coherent, and kept
// (from the last snapshot) while the database is down.

async function snapshotOrFail(): Promise<{ snapshot: RegistrySnapshot; source: ConfigSource }> {
  const { snapshot, source } = await readSnapshot();
  if (!snapshot) throw new DatabaseUnavailableError("The registry has not been read yet; routes are kept only there");
  return { snapshot, source };
}

/** The models to select from: the snapshot's, or the built-in catalog's while this instance has never read the registry. */
async function selectableRows(): Promise<{ models: readonly ModelRow[]; source: ConfigSource }> {
  const { snapshot, source } = await readSnapshot();
  return snapshot ? { models: snapshot.models, source } : { models: catalogRegistryRows(), source: "fallback" };
}

/** The best model across providers for a select question, the next few, and how many qualify; NoMatchError when none. */
export async function selectConfig(q: SelectQuery, key?: ServiceKeyIdentity): Promise<Omit<SelectResponse, "success">> {
  if (key) noteRead(key.id, "select", normalizeSelectTarget(q));
  const { models, source } = await selectableRows();
  const [best, ...rest] = selectModels(q, models, new Date());
  if (!best) throw new NoMatchError("No model qualifies for this question", { details: { matched: 0 } });
  return {
    ...configFromRow(best, source),
    alternatives: rest.slice(0, MAX_ALTERNATIVES).map((r) => configFromRow(r, source)),
    matched: rest.length + 1,
  };
}

/** The model a named route resolves to now, with its chain; NotFoundError for an unknown name, NoMatchError (with the chain) when no step resolves. */
export async function routeConfig(name: string, key?: ServiceKeyIdentity): Promise<Omit<RouteResponse, "success">> {
  if (key) noteRead(key.id, "route", name);
  const { snapshot, source } = await snapshotOrFail();
  const now = new Date();
  // A service key may read this route as a fixed model or another route; if that fails, the normal answer says why.
  const override = overrideRoute(key, name, { snapshot, source, now });
  if (override && "config" in override) return { ...override.config, route: name, chain: override.chain };
  const route = snapshot.routes.find((r) => r.name === name);
  if (!route) throw new NotFoundError(`No route named ${name}`);
  const { model, chain } = resolveRoute(route, snapshot.models, now);
  if (!model) throw new NoMatchError(`No step of route ${name} resolves to an active model`, { details: { route: name, chain } });
  return { ...configFromRow(model, source), route: name, chain, ...(override ? { override_warning: override.warning } : {}) };
}

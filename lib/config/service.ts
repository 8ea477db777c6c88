import { findCatalogModel, getFallbackDefault, getLiveFallbackDefault } from "@/lib/catalog";
import { getDb } from "@/lib/db/client";
import { listModels, type ListModelsParams, type ModelRow } from "@/lib/db/models-repo";
import { listRuns, type RunRow } from "@/lib/db/runs-repo";
import { DatabaseUnavailableError, type Db } from "@/lib/db/types";
import { DEFAULT_TIERS, PROVIDERS, type DefaultTier, type Provider } from "@/lib/domain";
import { isShutDown, shutdownReason } from "@/lib/registry/lifecycle";
import type { ServiceKeyIdentity } from "@/lib/auth/principal";
import { noteRead } from "@/lib/keys/usage";
import { configFromCatalog, configFromRow } from "./answer";
import { applyOverride, routeAnswerFrom } from "./override";
import { lastKnownDefault, readSnapshot, slotKey, type RegistrySnapshot } from "./cache";
import { standInDefault } from "./stand-in";
import type { ConfigSource, ModelConfig, ProvidersResponse, ValidateResponse } from "./schemas";

// One answer object per snapshot row and source: the read routes keep its JSON and ETag beside it (WeakMaps,
// so a reloaded snapshot's rows start afresh). Answers are never mutated after they are made.
const answers = new WeakMap<ModelRow, Partial<Record<ConfigSource, ModelConfig>>>();
function answerOf(row: ModelRow, source: ConfigSource): ModelConfig {
  let bySource = answers.get(row);
  if (!bySource) answers.set(row, (bySource = {}));
  return (bySource[source] ??= configFromRow(row, source));
}

function answerSlot(snapshot: RegistrySnapshot | undefined, source: ConfigSource, provider: Provider, tier: DefaultTier): ModelConfig {
  const now = new Date();
  const row = snapshot?.defaults.get(slotKey(provider, tier));
  if (row && !isShutDown(row.shutdown_date, now)) return answerOf(row, source);
  // A default past its shutdown date that no run has retired yet: the model the next run would choose.
  const standIn = row && snapshot && standInDefault(snapshot.models, provider, tier, now);
  if (standIn) return answerOf(standIn, source);
  // An empty slot: the last default we saw, unless the registry or the calendar has since retired it; then the catalog.
  const known = lastKnownDefault(provider, tier);
  const current = known && snapshot?.models.find((m) => m.provider === provider && m.model_name === known.model_name);
  const knownLive = known && (current?.is_active ?? true) && !isShutDown(current?.shutdown_date ?? known.shutdown_date, now);
  if (known && knownLive && known.model_name !== row?.model_name) return configFromRow(known, "fallback");
  return configFromCatalog(provider, getLiveFallbackDefault(provider, tier, now));
}

/** A slot as one caller reads it: counted for a service key (memory only) and answered with its override, if any. */
function readSlot(snapshot: RegistrySnapshot | undefined, source: ConfigSource, provider: Provider, tier: DefaultTier, key?: ServiceKeyIdentity): ModelConfig {
  const normal = answerSlot(snapshot, source, provider, tier);
  if (!key) return normal;
  noteRead(key.id, "slot", `${provider}:${tier}`);
  const now = new Date();
  return applyOverride(key, { kind: "slot", provider, tier }, normal, { snapshot, source, now, route: routeAnswerFrom(snapshot, source, now) });
}

/**
 * The default model of a provider and tier, as the caller (a service key, if any) reads it. Never fails: when the
 * database is down or has no default, the answer comes from the last good snapshot, else the built-in catalog.
 */
export async function getModelConfig(provider: Provider, tier: DefaultTier, key?: ServiceKeyIdentity): Promise<ModelConfig> {
  const { snapshot, source } = await readSnapshot();
  return readSlot(snapshot, source, provider, tier, key);
}

/** Every provider's flagship and fast defaults, from one snapshot read (each slot counted for a key); never fails. */
export async function getProviderConfigs(key?: ServiceKeyIdentity): Promise<ProvidersResponse["providers"]> {
  const { snapshot, source } = await readSnapshot();
  const entry = (p: Provider) => Object.fromEntries(DEFAULT_TIERS.map((t) => [t, readSlot(snapshot, source, p, t, key)]));
  return Object.fromEntries(PROVIDERS.map((p) => [p, entry(p)])) as ProvidersResponse["providers"];
}

/** Runs a read on the process database; any failure of it is the database being unavailable (503). */
async function readDb<T>(what: string, fn: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await fn(await getDb());
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw err;
    throw new DatabaseUnavailableError(`Could not read ${what}`, { cause: err });
  }
}

/** Registry rows, filtered, straight from the database (the admin view must not lag a change). */
export function listRegistry(filters: ListModelsParams): Promise<ModelRow[]> {
  return readDb("the model registry", (db) => listModels(db, filters));
}

/** The newest discovery runs first. */
export function listHistory(limit: number): Promise<RunRow[]> {
  return readDb("the run history", (db) => listRuns(db, { limit }));
}

/** Whether a service may use a model name: known (by name or alias) and active. Never fails. */
export async function validateModel(provider: Provider, name: string): Promise<Omit<ValidateResponse, "success">> {
  const { snapshot, source } = await readSnapshot();
  if (snapshot) {
    const row = snapshot.byName.get(provider)?.get(name);
    if (!row) return { valid: false, reason: `Unknown ${provider} model "${name}"`, source };
    const { source: _omit, ...model } = configFromRow(row, source);
    void _omit;
    // A snapshot (or a registry no run has updated since the date) may still hold a shut-down model as active.
    const retired = isShutDown(row.shutdown_date, new Date());
    const result = { model: { ...model, is_active: row.is_active && !retired, is_default: row.is_default && !retired }, source };
    if (retired) return { valid: false, reason: `${row.model_name} ${shutdownReason(row.shutdown_date!)}`, ...result };
    if (!row.is_active) return { valid: false, reason: `${row.model_name} is no longer active${row.deactivation_reason ? ` (${row.deactivation_reason})` : ""}`, ...result };
    return { valid: true, ...result };
  }
  // Never read the registry: judge by the built-in catalog.
  const cat = findCatalogModel(provider, name);
  if (!cat) return { valid: false, reason: `Unknown ${provider} model "${name}"`, source: "fallback" };
  const { source: _omit, ...model } = configFromCatalog(provider, cat);
  void _omit;
  const retired = isShutDown(cat.shutdown_date, new Date());
  const isDefault = getFallbackDefault(provider, cat.tier === "fast" ? "fast" : "flagship").model_name === cat.model_name;
  const result = { model: { ...model, is_active: !retired, is_default: isDefault }, source: "fallback" as const };
  return retired ? { valid: false, reason: `${cat.model_name} was shut down on ${cat.shutdown_date}`, ...result } : { valid: true, ...result };
}

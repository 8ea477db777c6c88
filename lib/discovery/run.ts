import { invalidateConfigCache } from "@/lib/config/cache";
import { PROVIDER_NAMES, PROVIDERS, type Provider } from "@/lib/domain";
import { listRegistryForPlan } from "@/lib/db/models-write-repo";
import { finishRun, startRun, type FinishRunParams, type RunTrigger } from "@/lib/db/runs-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import type { Db } from "@/lib/db/types";
import { logError, logInfo } from "@/lib/log";
import { applyRun } from "./apply";
import { planChanges, type ChangePlan } from "./plan";
import { initialProgress, ProgressTracker, type RunProgress } from "./progress";
import { PROVIDER_CLIENTS, providerConfigsFromEnv, retryOptionsFromEnv, type ListFn, type ListOptions } from "./providers";
import { DEFAULT_PROVIDER_DEADLINE_MS, providerDeadlineFromEnv } from "./providers/config";
import { PROVIDER_ENV } from "./providers/config";
import { scrub } from "./providers/errors";
import { runStatus, type RunSummary } from "./summary";
import type { ProviderListing } from "./types";

export { RunConflictError } from "@/lib/db/runs-repo";
export type { RunSummary } from "./summary";

type Env = Record<string, string | undefined>;

export interface RunDiscoveryOptions {
  db: Db;
  trigger: Exclude<RunTrigger, "manual">;
  /** Principal id for the run log and the audit rows. */
  triggeredBy?: string;
  env?: Env;
  fetch?: typeof fetch;
  onProgress?: (progress: RunProgress) => void;
  /** Overrides of the list options (timeouts, retries, page size) for every provider. */
  providerOptions?: Partial<Omit<ListOptions, "apiKey" | "baseUrl" | "onPage">>;
  /** Replacement list functions (tests of the orchestration only). */
  clients?: Partial<Record<Provider, ListFn>>;
  now?: () => Date;
  /** How long a run may go without a sign of life before another may take over (DISCOVERY_LEASE_MS, default 120 s). */
  leaseMs?: number;
}

/** The run row's closing values as this module builds them: typed, so the summary is read back without casts. */
interface RunOutcome extends FinishRunParams {
  status: RunSummary["status"];
  providers_checked: Provider[];
  errors: RunSummary["errors"];
  warnings: string[];
  default_changes: (RunSummary["default_changes"][number] & { reason: string })[];
}

// The key variables as a person should read them, e.g. "GEMINI_API_KEY (or GOOGLE_API_KEY)".
const KEY_VARS = Object.fromEntries(
  PROVIDERS.map((p) => {
    const [first, ...others] = PROVIDER_ENV[p].keys;
    return [p, others.length ? `${first} (or ${others.join(", ")})` : first];
  }),
) as Record<Provider, string>;
const noKey = (p: Provider) => `no API key: set ${KEY_VARS[p]}`;

function leaseFrom(env: Env, given?: number): number {
  const n = given ?? Number(env.DISCOVERY_LEASE_MS ?? 120_000);
  return Number.isFinite(n) && n >= 100 ? n : 120_000;
}

/** An error's text for the run log: scrubbed and bounded as the provider clients' own messages are. */
function cleanMessage(err: unknown, apiKey = ""): string {
  return scrub(err instanceof Error ? err.message : String(err), apiKey);
}

/**
 * Starts a discovery run: takes the one-run-at-a-time slot (RunConflictError with the running run's id
 * otherwise) and returns at once with the run id; `done` settles with the summary when the run is over.
 */
export async function startDiscovery(opts: RunDiscoveryOptions): Promise<{ runId: string; done: Promise<RunSummary> }> {
  const env = opts.env ?? process.env;
  const leaseMs = leaseFrom(env, opts.leaseMs);
  const configs = providerConfigsFromEnv(env);
  // The first poll already shows every provider: pending, or skipped for want of a key.
  const progress = initialProgress();
  for (const p of PROVIDERS) if (!configs[p].apiKey) progress[p] = { ...progress[p], state: "skipped", message: noKey(p) };
  const run = await startRun(opts.db, { trigger: opts.trigger, triggeredBy: opts.triggeredBy ?? null, leaseMs, progress });
  const tracker = new ProgressTracker(opts.db, run.id, leaseMs, opts.onProgress);
  const done = execute(opts, env, configs, run.id, tracker);
  return { runId: run.id, done };
}

/** Runs one discovery to the end and answers its summary (see startDiscovery). */
export async function runDiscovery(opts: RunDiscoveryOptions): Promise<RunSummary> {
  return (await startDiscovery(opts)).done;
}

async function execute(
  opts: RunDiscoveryOptions,
  env: Env,
  configs: ReturnType<typeof providerConfigsFromEnv>,
  runId: string,
  tracker: ProgressTracker,
): Promise<RunSummary> {
  const started = Date.now();
  const now = opts.now ?? (() => new Date());
  const configured = PROVIDERS.filter((p) => configs[p].apiKey);
  const skipped = PROVIDERS.filter((p) => !configs[p].apiKey);
  for (const p of skipped) {
    tracker.update(p, { state: "skipped", message: noKey(p) });
    logInfo(`discovery ${runId}: ${p} skipped (${noKey(p)})`);
  }
  tracker.startLease();

  const listings: ProviderListing[] = [];
  const errors: { provider: string; message: string }[] = [];
  let retry: Partial<ListOptions> = {};
  try {
    retry = retryOptionsFromEnv(env);
  } catch (err) {
    errors.push({ provider: "all", message: cleanMessage(err) });
  }
  let deadlineMs = DEFAULT_PROVIDER_DEADLINE_MS;
  try {
    deadlineMs = providerDeadlineFromEnv(env);
  } catch (err) {
    errors.push({ provider: "all", message: cleanMessage(err) });
  }
  if (configured.length === 0) {
    errors.push({ provider: "all", message: `No provider is configured: set at least one of ${Object.values(KEY_VARS).join(", ")}` });
  }
  await Promise.all(
    configured.map(async (p) => {
      const { apiKey, baseUrl } = configs[p];
      tracker.update(p, { state: "listing" });
      // One bound on the whole listing (pages, retries, waits): a provider that keeps hanging fails in time.
      const deadline = AbortSignal.timeout(deadlineMs);
      const given = opts.providerOptions?.signal;
      try {
        const list = opts.clients?.[p] ?? PROVIDER_CLIENTS[p];
        const listing = await list({
          apiKey: apiKey!, baseUrl, fetch: opts.fetch, ...retry, ...opts.providerOptions,
          signal: given ? AbortSignal.any([deadline, given]) : deadline,
          onPage: ({ page, models_seen }) => tracker.update(p, { pages: page, models_seen }),
        });
        // An empty answer says nothing about which models exist: treat it as a failure, change nothing.
        if (listing.models.length === 0) throw new Error(`${p} answered an empty listing; its models were left unchanged`);
        listings.push(listing);
        tracker.update(p, { state: "done", pages: listing.pages, models_seen: listing.models.length });
      } catch (err) {
        const message = deadline.aborted
          ? `${PROVIDER_NAMES[p].api}: no complete listing within ${deadlineMs} ms (DISCOVERY_PROVIDER_DEADLINE_MS)`
          : cleanMessage(err, apiKey);
        errors.push({ provider: p, message });
        tracker.update(p, { state: "failed", message });
        logError(`discovery ${runId}: ${p} failed`, new Error(message));
      }
    }),
  );
  await tracker.stop();

  const status = runStatus(configured.length, listings.length);
  const finish = (plan: ChangePlan | undefined, st: typeof status, extraErrors: typeof errors = []): RunOutcome => ({
    status: st,
    models_discovered: plan?.discovered ?? 0,
    models_added: plan?.adds.length ?? 0,
    models_deprecated: plan?.deactivations.length ?? 0,
    models_reactivated: plan?.reactivations.length ?? 0,
    models_set_aside: plan?.setAside.length ?? 0,
    providers_checked: configured,
    progress: tracker.snapshot(),
    provider_results: Object.fromEntries(
      PROVIDERS.map((p) => {
        const l = listings.find((x) => x.provider === p);
        return [p, { state: tracker.state[p].state, models: l?.models.length ?? 0, pages: l?.pages ?? 0, set_aside: plan?.setAside.filter((s) => s.provider === p).length ?? 0 }];
      }),
    ),
    added_models: (plan?.adds ?? []).map((a) => ({ provider: a.provider, model_name: a.model_name, model_type: a.model_type, needs_review: a.needs_review })),
    deprecated_models: (plan?.deactivations ?? []).map((d) => ({ provider: d.provider, model_name: d.model_name })),
    default_changes: (plan?.defaultChanges ?? []).map(({ provider, model_type, from, to, reason }) => ({ provider, model_type, from, to, reason })),
    warnings: [...(plan?.warnings ?? []), ...skipped.map((p) => `${p}: skipped (no API key)`)],
    errors: [...errors, ...extraErrors],
    execution_time_ms: Date.now() - started,
  });

  let params: RunOutcome;
  try {
    await applyRun(
      opts.db,
      runId,
      async (tx) => planChanges({ registry: await listRegistryForPlan(tx), listings, settings: await getProviderSettings(tx), now: now() }),
      (plan) => (params = finish(plan, status)),
      opts.triggeredBy ?? opts.trigger,
    );
  } catch (err) {
    logError(`discovery ${runId}: apply failed, registry unchanged`, err);
    params = finish(undefined, "failed", [{ provider: "all", message: `apply failed, registry unchanged: ${cleanMessage(err)}` }]);
    await finishRun(opts.db, runId, params).catch((e) => logError(`discovery ${runId}: could not mark the run failed`, e));
  } finally {
    invalidateConfigCache();
  }
  return toSummary(runId, params!, skipped);
}

function toSummary(runId: string, f: RunOutcome, skipped: Provider[]): RunSummary {
  return {
    success: f.status !== "failed",
    run_id: runId,
    status: f.status,
    models_discovered: f.models_discovered,
    models_added: f.models_added,
    models_deprecated: f.models_deprecated,
    models_reactivated: f.models_reactivated,
    models_set_aside: f.models_set_aside,
    providers_checked: f.providers_checked,
    providers_skipped: skipped,
    errors: f.errors,
    warnings: f.warnings,
    execution_time_ms: f.execution_time_ms,
    default_changes: f.default_changes.map(({ provider, model_type, from, to }) => ({ provider, model_type, from, to })),
  };
}

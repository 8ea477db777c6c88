import { invalidateConfigCache } from "@/lib/config/cache";
import { PROVIDERS, type Provider } from "@/lib/domain";
import type { RunError } from "@/lib/db/run-log";
import { finishRun, startRun, type RunTrigger } from "@/lib/db/runs-repo";
import type { Db } from "@/lib/db/types";
import { readEnv, type Env } from "@/lib/env";
import { logError, logInfo } from "@/lib/log";
import { recordDiscoveryRun } from "@/lib/metrics/record";
import { deliverSoon } from "@/lib/notify/kick";
import { emitRunEvent } from "@/lib/notify/run-events";
import { cleanMessage, listProviders, type ListingPlan } from "./list-providers";
import type { ListFn, ListOptions } from "./list";
import { runOutcome, toSummary, type RunFindings, type RunOutcome } from "./outcome";
import { initialProgress, ProgressTracker, type RunProgress } from "./progress";
import { leaseFromEnv, PROVIDER_ENV, providerConfigsFromEnv, providerDeadlineFromEnv, retryOptionsFromEnv, type ProviderConfig, type RetryOptions } from "./providers/config";
import { readRunMetadata, type RunMetadata } from "./read-metadata";
import { runStatus, type RunSummary } from "./summary";
import { probeCandidates, type CandidateProbes } from "./probe-candidates";
import { LeaseLostError, planAndWrite, runWriteTransaction } from "./write";

export { RunConflictError } from "@/lib/db/runs-repo";
export type { RunSummary } from "./summary";

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

// The key variables as a person should read them, e.g. "GEMINI_API_KEY (or GOOGLE_API_KEY)".
const KEY_VARS = Object.fromEntries(
  PROVIDERS.map((p) => {
    const [first, ...others] = PROVIDER_ENV[p].keys;
    return [p, others.length ? `${first} (or ${others.join(", ")})` : first];
  }),
) as Record<Provider, string>;
const noKey = (p: Provider) => `no API key: set ${KEY_VARS[p]}`;

/**
 * Starts a discovery run: takes the one-run-at-a-time slot (RunConflictError with the running run's id
 * otherwise) and returns at once with the run id; `done` settles with the summary when the run is over.
 */
export async function startDiscovery(opts: RunDiscoveryOptions): Promise<{ runId: string; done: Promise<RunSummary> }> {
  const env = opts.env ?? process.env;
  const leaseMs = opts.leaseMs ?? leaseFromEnv(env);
  const configs = providerConfigsFromEnv(env);
  // The first poll already shows every provider: pending, or skipped for want of a key.
  const progress = initialProgress();
  for (const p of PROVIDERS) if (!configs[p].apiKey) progress[p] = { ...progress[p], state: "skipped", message: noKey(p) };
  const run = await startRun(opts.db, { trigger: opts.trigger, triggeredBy: opts.triggeredBy ?? null, leaseMs, progress });
  const tracker = new ProgressTracker(opts.db, run.id, leaseMs, opts.onProgress);
  return { runId: run.id, done: execute(opts, env, configs, run.id, tracker) };
}

/** Runs one discovery to the end and answers its summary (see startDiscovery). */
export async function runDiscovery(opts: RunDiscoveryOptions): Promise<RunSummary> {
  return (await startDiscovery(opts)).done;
}

/** The run, step by step: list every provider, then plan and write what they said, then answer. */
async function execute(opts: RunDiscoveryOptions, env: Env, configs: Record<Provider, ProviderConfig>, runId: string, tracker: ProgressTracker): Promise<RunSummary> {
  const startedAt = Date.now();
  const configured = PROVIDERS.filter((p) => configs[p].apiKey);
  const skipped = PROVIDERS.filter((p) => !configs[p].apiKey);
  for (const p of skipped) {
    tracker.update(p, { state: "skipped", message: noKey(p) });
    logInfo(`discovery ${runId}: ${p} skipped (${noKey(p)})`);
  }
  tracker.startLease();
  const { plan, errors } = listingPlan(opts, env, configs, runId, tracker);
  if (configured.length === 0) {
    errors.push({ provider: "all", message: `No provider is configured: set at least one of ${Object.values(KEY_VARS).join(", ")}` });
  }
  // The catalogs are read while the providers list: neither waits for the other.
  const [listed, metadata] = await Promise.all([listProviders(plan), readRunMetadata(opts.db, { env, fetch: opts.fetch, now: opts.now })]);
  await tracker.stop();
  const findings: RunFindings = {
    configured, skipped, listings: listed.listings, errors: [...errors, ...metadata.errors, ...listed.errors], tracker, startedAt, warnings: metadata.warnings,
  };
  const outcome = await writeRun(opts, runId, findings, metadata);
  const summary = toSummary(runId, outcome, skipped);
  recordDiscoveryRun(summary);
  return summary;
}

/** The listing step's settings; a malformed knob is a run error that names its variable, and its default holds. */
function listingPlan(opts: RunDiscoveryOptions, env: Env, configs: Record<Provider, ProviderConfig>, runId: string, tracker: ProgressTracker) {
  const errors: RunError[] = [];
  const setting = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (err) {
      errors.push({ provider: "all", message: cleanMessage(err) });
      return fallback;
    }
  };
  const retry = setting<Partial<RetryOptions>>(() => retryOptionsFromEnv(env), {});
  const deadlineMs = setting(() => providerDeadlineFromEnv(env), providerDeadlineFromEnv({}));
  const plan: ListingPlan = { runId, configs, deadlineMs, tracker, fetch: opts.fetch, clients: opts.clients, options: { ...retry, ...opts.providerOptions } };
  return { plan, errors };
}

/**
 * Plans and writes in one transaction with closing the run row; on any error nothing of it is kept and the
 * run is closed as failed.
 */
async function writeRun(opts: RunDiscoveryOptions, runId: string, f: RunFindings, metadata: RunMetadata): Promise<RunOutcome> {
  const now = (opts.now ?? (() => new Date()))();
  const probes = await probeStep(opts, f, now);
  try {
    return await runWriteTransaction(opts.db, async (tx) => {
      const plan = await planAndWrite(tx, { runId, listings: f.listings, now, changedBy: opts.triggeredBy ?? opts.trigger, metadata, probes });
      // A listing the vanish guard held makes the run partial: it waits for an admin's decision.
      const outcome = runOutcome(f, plan, runStatus(f.configured.length, f.listings.length, plan.suspect.length));
      if (!(await finishRun(tx, runId, outcome, { onlyIfRunning: true }))) throw new LeaseLostError(runId);
      await emitRunEvent(tx, runId, outcome);
      return outcome;
    }, opts.env);
  } catch (err) {
    logError(`discovery ${runId}: apply failed, registry unchanged`, err);
    const outcome = runOutcome(f, undefined, "failed", [{ provider: "all", message: `apply failed, registry unchanged: ${cleanMessage(err)}` }]);
    await finishRun(opts.db, runId, outcome).catch((e) => logError(`discovery ${runId}: could not mark the run failed`, e));
    await emitRunEvent(opts.db, runId, outcome).catch((e) => logError(`discovery ${runId}: could not record run.failed`, e));
    return outcome;
  } finally {
    invalidateConfigCache();
    deliverSoon(opts.db);
  }
}

/** Probes the run's candidates before its write (DISCOVERY_PROBE); a failure of the step itself blocks nothing and is a run error. */
async function probeStep(opts: RunDiscoveryOptions, f: RunFindings, now: Date): Promise<CandidateProbes | undefined> {
  const env = opts.env ?? process.env;
  try {
    const mode = readEnv("DISCOVERY_PROBE", env);
    return await probeCandidates(opts.db, { listings: f.listings, now, mode, configs: providerConfigsFromEnv(env), fetch: opts.fetch, timeoutMs: opts.providerOptions?.timeoutMs });
  } catch (err) {
    f.errors.push({ provider: "all", message: `probe step: ${cleanMessage(err)}` });
    return undefined;
  }
}

import { PROVIDER_NAMES, PROVIDERS, type Provider } from "@/lib/domain";
import type { RunError } from "@/lib/db/run-log";
import { logError } from "@/lib/log";
import { PROVIDER_CLIENTS, type ListFn, type ListOptions } from "./list";
import type { ProgressTracker } from "./progress";
import type { ProviderConfig } from "./providers/config";
import { scrub } from "./providers/errors";
import type { ProviderListing } from "./types";

export interface ListingPlan {
  runId: string;
  configs: Record<Provider, ProviderConfig>;
  /** Request knobs for every provider (timeouts, retries, waits, page size, a signal). */
  options: Partial<Omit<ListOptions, "apiKey" | "baseUrl" | "onPage">>;
  deadlineMs: number;
  tracker: ProgressTracker;
  fetch?: typeof fetch;
  /** Replacement list functions (tests of the orchestration only). */
  clients?: Partial<Record<Provider, ListFn>>;
}

export interface ListingResult {
  /** Complete, non-empty listings of the providers that answered. */
  listings: ProviderListing[];
  errors: RunError[];
}

/** An error's text for the run log: scrubbed and bounded as the provider clients' own messages are. */
export function cleanMessage(err: unknown, apiKey = ""): string {
  return scrub(err instanceof Error ? err.message : String(err), apiKey);
}

async function listOne(p: Provider, plan: ListingPlan): Promise<ProviderListing> {
  const { apiKey, baseUrl } = plan.configs[p];
  // One bound on the whole listing (pages, retries, waits): a provider that keeps hanging fails in time.
  const deadline = AbortSignal.timeout(plan.deadlineMs);
  const given = plan.options.signal;
  const list = plan.clients?.[p] ?? PROVIDER_CLIENTS[p];
  try {
    const listing = await list({
      apiKey: apiKey!, baseUrl, fetch: plan.fetch, ...plan.options,
      signal: given ? AbortSignal.any([deadline, given]) : deadline,
      onPage: ({ page, models_seen }) => plan.tracker.update(p, { pages: page, models_seen }),
    });
    // An empty answer says nothing about which models exist: treat it as a failure, change nothing.
    if (listing.models.length === 0) throw new Error(`${p} answered an empty listing; its models were left unchanged`);
    return listing;
  } catch (err) {
    if (!deadline.aborted) throw err;
    throw new Error(`${PROVIDER_NAMES[p].api}: no complete listing within ${plan.deadlineMs} ms (DISCOVERY_PROVIDER_DEADLINE_MS)`);
  }
}

/** Lists every provider that has a key, in parallel, tracking progress; a failure is recorded, never thrown. */
export async function listProviders(plan: ListingPlan): Promise<ListingResult> {
  const out: ListingResult = { listings: [], errors: [] };
  const configured = PROVIDERS.filter((p) => plan.configs[p].apiKey);
  await Promise.all(
    configured.map(async (p) => {
      plan.tracker.update(p, { state: "listing" });
      try {
        const listing = await listOne(p, plan);
        out.listings.push(listing);
        plan.tracker.update(p, { state: "done", pages: listing.pages, models_seen: listing.models.length });
      } catch (err) {
        const message = cleanMessage(err, plan.configs[p].apiKey);
        out.errors.push({ provider: p, message });
        plan.tracker.update(p, { state: "failed", message });
        logError(`discovery ${plan.runId}: ${p} failed`, new Error(message));
      }
    }),
  );
  return out;
}

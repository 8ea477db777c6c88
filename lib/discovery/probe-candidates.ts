import { listRegistryForPlan } from "@/lib/db/models-repo";
import { getProviderSettings } from "@/lib/db/settings-repo";
import type { Db } from "@/lib/db/types";
import { loadPolicyState } from "@/lib/registry/policy-state";
import { planChangesPausing } from "./plan";
import { probeModel, type ProbeMode, type ProbeResult } from "./probe";
import type { ProviderConfig } from "./providers/config";
import type { ProviderListing } from "./types";
import type { Provider } from "@/lib/domain";

export interface CandidateProbes {
  /** `provider/model` of candidates that failed: not promoted (nor proposed) in this run. */
  blocked: Set<string>;
  results: ProbeResult[];
}

// A failed candidate lets the next-best one through, which is probed in turn; a few rounds are plenty.
const MAX_ROUNDS = 3;

/**
 * Probes every model the run would promote or propose, before the run writes (no lock held over the
 * network): plans from the registry as it is, probes the new targets, plans again without the failures.
 * Nothing is cached between runs: a failed candidate is probed again next time.
 */
export async function probeCandidates(
  db: Db,
  run: { listings: readonly ProviderListing[]; now: Date; mode: ProbeMode; configs: Record<Provider, ProviderConfig>; fetch?: typeof fetch; timeoutMs?: number },
): Promise<CandidateProbes> {
  const out: CandidateProbes = { blocked: new Set(), results: [] };
  if (run.mode === "off" || run.listings.length === 0) return out;
  const mode = run.mode;
  const input = { registry: await listRegistryForPlan(db), listings: run.listings, settings: await getProviderSettings(db), now: run.now, policy: await loadPolicyState(db) };
  const probed = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const plan = await planChangesPausing({ ...input, blocked: out.blocked });
    const targets = [...plan.defaultChanges, ...plan.pending.opened]
      .filter((c): c is typeof c & { to: string } => !!c.to && !probed.has(`${c.provider}/${c.to}`))
      .map((c) => ({ provider: c.provider, model: c.to }));
    if (targets.length === 0) break;
    const results = await Promise.all(targets.map((t) => probeModel(t.provider, t.model, mode, run.configs[t.provider], { fetch: run.fetch, timeoutMs: run.timeoutMs })));
    for (const r of results) {
      probed.add(`${r.provider}/${r.model_name}`);
      out.results.push(r);
      if (!r.ok) out.blocked.add(`${r.provider}/${r.model_name}`);
    }
  }
  return out;
}

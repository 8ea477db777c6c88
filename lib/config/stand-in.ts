import type { ModelRow } from "@/lib/db/model-row";
import { getRules } from "@/lib/discovery/rules-schema";
import type { DefaultTier, Provider } from "@/lib/domain";
import { isShutDown } from "@/lib/registry/lifecycle";
import { pickDefault } from "@/lib/registry/rank";
import { toRankedEntry } from "@/lib/registry/ranked-entry";

/**
 * The model a slot's answer stands in with while its default is past its shutdown date and no run has
 * retired it yet: the best-ranked eligible model of the tier, by the rule default choice uses (previews
 * not allowed, since the snapshot does not carry the settings). Undefined when none qualifies.
 */
export function standInDefault(models: readonly ModelRow[], provider: Provider, tier: DefaultTier, now: Date): ModelRow | undefined {
  const rules = getRules();
  const rows = models.filter((m) => m.provider === provider && m.is_active && !isShutDown(m.shutdown_date, now));
  const entries = rows.map((r) => ({ ...toRankedEntry(r, rules), row: r }));
  return pickDefault(entries, tier, rules.providers[provider].rankOrder, { allowPreview: false, now, guardDays: rules.shutdownGuardDays })?.row;
}

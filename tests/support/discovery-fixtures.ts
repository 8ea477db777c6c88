import { emptyProvenance } from "@/lib/db/facts-columns";
import { NO_EXTRA_PRICES } from "@/lib/domain";
import type { ModelRow } from "@/lib/db/models-repo";
import type { Provider, Tier } from "@/lib/domain";
import type { ProviderListing, ProviderModel } from "@/lib/discovery/types";

/** A listed model for tests: only the id is needed, every other fact can be given. */
export function listed(provider: Provider, id: string, extra: Partial<ProviderModel> = {}): ProviderModel {
  return {
    provider,
    id,
    display_name: null,
    release_date: null,
    input_token_limit: null,
    output_token_limit: null,
    capabilities: {},
    aliases: [],
    shutdown_date: null,
    successor: null,
    is_preview: false,
    chat_capable: null,
    raw: {},
    ...extra,
  };
}

/** A listing of plain ids (extra facts per id optional). */
export function listingOf(provider: Provider, ids: (string | ProviderModel)[]): ProviderListing {
  return { provider, pages: 1, models: ids.map((x) => (typeof x === "string" ? listed(provider, x) : x)) };
}

let nextId = 1;

/** A registry row for pure tests (ids are fake uuids). */
export function registryRow(provider: Provider, model_name: string, tier: Tier, extra: Partial<ModelRow> = {}): ModelRow {
  const id = `00000000-0000-4000-8000-${String(nextId++).padStart(12, "0")}`;
  return {
    id, provider, model_name, display_name: null, model_type: tier, family: null, version_rank: 0,
    is_active: true, is_default: false, is_pinned: false, is_preview: false, needs_review: false,
    capabilities: { vision: false, function_calling: false, json_mode: false, reasoning: false },
    pricing: { input_per_mtok: null, output_per_mtok: null, ...NO_EXTRA_PRICES }, max_tokens: null, context_window: null,
    aliases: [], release_date: null, shutdown_date: null, successor: null, deactivation_reason: null, confirmed_at: null, source: "catalog",
    discovered_at: "2025-01-01T00:00:00.000Z", last_validated_at: null, deactivated_at: null, metadata: {}, provenance: emptyProvenance(), overrides: {},
    created_at: "2025-01-01T00:00:00.000Z", updated_at: "2025-01-01T00:00:00.000Z",
    ...extra,
  };
}

// The wire shapes the admin console reads. Row types come from the repositories (type-only: nothing of
// the server is bundled); the loosely typed JSON columns of a run get their UI shape here.
import type { ModelRow } from "@/lib/db/models-repo";
import type { RunRow } from "@/lib/db/runs-repo";
import type { DefaultTier, Provider, Tier } from "@/lib/domain";
import type { ProviderProgress } from "@/lib/discovery/types";

export type { ModelRow, RunRow, ProviderProgress };

export interface ModelsResponse {
  success: true;
  models: ModelRow[];
  count: number;
}

/** The defaults per provider and tier, as `GET /api/ai-model-config/providers` answers them. */
export interface DefaultModel {
  model_name: string;
  provider?: Provider;
  model_type?: Tier;
  context_window?: number | null;
  source?: string;
  [key: string]: unknown;
}
export type DefaultsMap = Partial<Record<Provider, Partial<Record<DefaultTier, DefaultModel | null>>>>;
export interface DefaultsResponse {
  success: true;
  providers: DefaultsMap;
}

export interface RunsResponse {
  success: true;
  logs: RunRow[];
}
export interface RunResponse {
  success: true;
  run: RunRow;
}

export interface StartRunResponse {
  success: true;
  run_id: string;
  status: string;
}

export interface DefaultHistoryEntry {
  provider: Provider;
  model_type: DefaultTier;
  from_model: string | null;
  to_model: string | null;
  reason: string | null;
  changed_by: string | null;
  created_at: string;
}
export interface ModelDetailResponse {
  success: true;
  model: ModelRow;
  default_history: DefaultHistoryEntry[];
}

export interface ProviderSetting {
  provider: Provider;
  allow_preview_defaults: boolean;
}

/** A change of default recorded by a run. */
export interface DefaultChange {
  provider: string;
  model_type: string;
  from: string | null;
  to: string | null;
}

/** A provider's error recorded by a run. */
export interface RunError {
  provider: string;
  message: string;
}

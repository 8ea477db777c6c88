import { apiFetch } from "./api-fetch";
import { useRegistryMutation, type RegistryMutationOptions } from "./model-mutation";
import type { ModelRowWire as ModelRow } from "@/lib/config/schemas";
import type { ModelChangeResponse, PinModelVars } from "./use-pin-model-mutation";

export interface UnpinResponse extends ModelChangeResponse {
  /** The default of the slot after the rules re-picked it (null when no model qualifies). */
  default?: ModelRow | null;
}

/** Releases a pin: the server re-picks the default of that provider and tier at once. */
export async function unpinModel({ id }: PinModelVars): Promise<UnpinResponse> {
  return apiFetch<UnpinResponse>(`/api/admin/models/${encodeURIComponent(id)}/unpin`, { method: "POST", body: {} });
}

export function useUnpinModelMutation(options: RegistryMutationOptions<UnpinResponse, PinModelVars> = {}) {
  return useRegistryMutation(unpinModel, options);
}

import { apiFetch } from "./api-fetch";
import { useRegistryMutation, type RegistryMutationOptions } from "./model-mutation";
import type { ModelChangeResponse as UnpinResponse } from "@/lib/api/schemas";
import type { PinModelVars } from "./use-pin-model-mutation";

/** Releases a pin: the server re-picks the default of that provider and tier at once. */
export async function unpinModel({ id }: PinModelVars): Promise<UnpinResponse> {
  return apiFetch<UnpinResponse>(`/api/admin/models/${encodeURIComponent(id)}/unpin`, { method: "POST", body: {} });
}

export function useUnpinModelMutation(options: RegistryMutationOptions<UnpinResponse, PinModelVars> = {}) {
  return useRegistryMutation(unpinModel, options);
}

import { apiFetch } from "./api-fetch";
import { useRegistryMutation, type RegistryMutationOptions } from "./model-mutation";
import type { ModelChangeResponse, PinModelVars } from "./use-pin-model-mutation";

/** Releases a pin: the model stays default until discovery picks a better one. */
export async function unpinModel({ id }: PinModelVars): Promise<ModelChangeResponse> {
  return apiFetch<ModelChangeResponse>(`/api/admin/models/${encodeURIComponent(id)}/unpin`, { method: "POST", body: {} });
}

export function useUnpinModelMutation(options: RegistryMutationOptions<ModelChangeResponse, PinModelVars> = {}) {
  return useRegistryMutation(unpinModel, options);
}

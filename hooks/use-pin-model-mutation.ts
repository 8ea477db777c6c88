import { apiFetch } from "./api-fetch";
import { useRegistryMutation, type RegistryMutationOptions } from "./model-mutation";
import type { ModelChangeResponse } from "@/lib/api/schemas";

export type { ModelChangeResponse };

export interface PinModelVars {
  id: string;
}

/** Pins a model as the default of its provider and tier; discovery keeps a pinned default. */
export async function pinModel({ id }: PinModelVars): Promise<ModelChangeResponse> {
  return apiFetch<ModelChangeResponse>(`/api/admin/models/${encodeURIComponent(id)}/pin`, { method: "POST", body: {} });
}

export function usePinModelMutation(options: RegistryMutationOptions<ModelChangeResponse, PinModelVars> = {}) {
  return useRegistryMutation(pinModel, options);
}

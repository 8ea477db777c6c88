import type { OverridesBody, OverridesResponse } from "@/lib/api/schemas";
import { apiFetch } from "./api-fetch";
import { useRegistryMutation, type RegistryMutationOptions } from "./model-mutation";

export interface SetOverridesVars {
  id: string;
  /** A value sets a figure, null clears it, an absent field stays. */
  body: OverridesBody;
}

/** Sets or clears an admin's figures of one model (PUT /api/admin/models/<id>/overrides). */
export async function setOverrides({ id, body }: SetOverridesVars): Promise<OverridesResponse> {
  return apiFetch<OverridesResponse>(`/api/admin/models/${encodeURIComponent(id)}/overrides`, { method: "PUT", body });
}

export function useSetOverridesMutation(options: RegistryMutationOptions<OverridesResponse, SetOverridesVars> = {}) {
  return useRegistryMutation(setOverrides, options);
}
